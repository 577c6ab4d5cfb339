"""The CPU-bound job of Listing 4-2 in Python threads: the GIL lets one run at a time."""
import platform
import sys
import threading
import time

LIMIT = 30_000
ROUNDS = 5


def count_primes(limit):
    """Counts the primes below `limit` by trial division: pure CPU work."""
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n and n % d:
            d += 1
        if d * d > n:
            count += 1
    return count


def on_one_thread():
    start = time.perf_counter()
    count_primes(LIMIT)
    count_primes(LIMIT)
    return time.perf_counter() - start


def on_two_threads():
    """Returns the wall-clock time and the CPU time the process used meanwhile."""
    start, cpu_start = time.perf_counter(), time.process_time()
    threads = [threading.Thread(target=count_primes, args=(LIMIT,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, time.process_time() - cpu_start


# sys._is_gil_enabled() exists since 3.13; before that, CPython always has a GIL.
gil = "with" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without"
print(f"{platform.python_implementation()} {platform.python_version()}, {gil} the GIL")
print(f"one job: {count_primes(LIMIT)} primes below {LIMIT}")
# Other programs share the machine: keep the best of a few rounds.
one = two = float("inf")
for _ in range(ROUNDS):
    one = min(one, on_one_thread())
    wall, cpu = on_two_threads()
    if wall < two:
        two, cores = wall, cpu / wall
print(f"2 jobs on 1 thread:  {one * 1000:.0f} ms")
print(f"2 jobs on 2 threads: {two * 1000:.0f} ms")
print(f"speedup: {one / two:.1f}x (best of {ROUNDS} rounds)")
print(f"cores busy with 2 threads: {cores:.1f}")
