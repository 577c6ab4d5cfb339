"""Python threads share the tallies of Listing 7-15, then Python threads and
the Rust threads of Listing 7-16 add to one Tally at once."""
import threading
from concurrent.futures import ThreadPoolExecutor

import primes

THREADS = 4
END = 200_000  # about 60 ms of counting per call


def at_once(method):
    """Calls method(0, END) on THREADS pool threads at the same moment:
    what the calls returned, and what they raised."""
    barrier = threading.Barrier(THREADS)

    def call():
        barrier.wait()  # no thread calls before all are ready
        return method(0, END)

    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(call) for _ in range(THREADS)]
    returned = [f.result() for f in futures if f.exception() is None]
    raised = [f.exception() for f in futures if f.exception() is not None]
    return returned, raised


def check(found, returned):
    """Whether the tally holds exactly what the calls that returned counted."""
    lost = sum(returned) - found
    return "nothing lost" if lost == 0 else f"{lost} LOST"


for tally, method in [
    (primes.Tally(), "add"),
    (primes.MutTally(), "add_held"),
    (primes.MutTally(), "add"),
]:
    returned, raised = at_once(getattr(tally, method))
    print(f"{type(tally).__name__}.{method}, {THREADS} threads at once:")
    print(f"  returned: {len(returned)}, each {sorted(set(returned))}")
    errors = sorted({f"{type(e).__name__}: {e}" for e in raised})
    print(f"  raised: {len(raised)} {errors}")
    print(f"  found: {tally.found} ({check(tally.found, returned)})")

# One Tally, added to by Python threads and Rust threads at the same time.
tally = primes.Tally()
with ThreadPoolExecutor(THREADS) as pool:
    calls = [pool.submit(tally.add, 0, END) for _ in range(THREADS)]
    primes.add_on_threads(tally, 0, END, THREADS)
    returned = [call.result() for call in calls]
# add_on_threads counted the same range once, split between its threads.
print(f"Tally.add on {THREADS} Python threads, add_on_threads on {THREADS} Rust threads:")
print(f"  found: {tally.found} ({check(tally.found, returned + [returned[0]])})")
