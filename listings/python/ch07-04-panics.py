"""A panic and a Python exception, each on its way back from Rust."""
import os

import primes

os.environ["RUST_BACKTRACE"] = "0"  # the panic message without a backtrace

# Listing 7-8's function does not check its chunk: 0 divides by zero in Rust.
try:
    primes.count_primes_rayon(200_000, 0)
except Exception as e:
    print(f"except Exception caught {type(e).__name__}")
except BaseException as e:
    kind = type(e)
    print(f"except Exception let it through, except BaseException caught "
          f"{kind.__module__}.{kind.__name__}: {e}")
    print(f"  its classes: {' -> '.join(k.__name__ for k in kind.__mro__)}")


def progress(start, count):
    if start == 50_000:
        raise RuntimeError(f"progress gave up at {start}")


# Raised on a rayon worker, carried back by `?` and try_reduce, raised here.
try:
    primes.count_primes_reporting(200_000, 10_000, progress)
except Exception as e:
    print(f"except Exception caught {type(e).__name__}: {e}")

print(f"and the interpreter goes on: {primes.count_primes_checked(200_000, 10_000)} primes")
