"""Bad arguments to a Rust function: each one an exception, none a crash."""
import primes

CASES = [
    (200_000, 10_000),  # good input
    (200_000, 0),  # rejected by the function's own check
    (200_000, "10000"),  # the rest by PyO3, before the function runs
    (200_000, 2.5),
    (200_000, -1),
    (200_000, 2**64),
    (-1, 10_000),
    (200_000, True),  # an int to Python: True == 1
]

for limit, chunk in CASES:
    call = f"count_primes_checked({limit!r}, {chunk!r})"
    try:
        print(f"{call} = {primes.count_primes_checked(limit, chunk)}")
    except Exception as e:
        # PyO3 names the argument in a note, which a traceback prints below
        # the message (notes are Python 3.11's, PEP 678).
        notes = "".join(f" [{note}]" for note in getattr(e, "__notes__", []))
        print(f"{call}: {type(e).__name__}: {e}{notes}")

# The function's own exception is a ValueError, as its definition says.
try:
    primes.count_primes_checked(200_000, 0)
except ValueError as e:
    print(f"except ValueError caught {type(e).__module__}.{type(e).__name__}, "
          f"a subclass of {type(e).__mro__[1].__name__}")
