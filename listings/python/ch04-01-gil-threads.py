"""The CPU-bound job of Listing 4-2 in Python threads: the GIL lets one run at a time."""
import platform
import statistics
import sys
import threading
import time

LIMIT = 30_000
ROUNDS = 15


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
    count_primes(LIMIT)
    count_primes(LIMIT)


def on_two_threads():
    threads = [threading.Thread(target=count_primes, args=(LIMIT,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def timed(run):
    """Runs `run`; returns its wall-clock time and how many cores were busy."""
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    wall = time.perf_counter() - start
    return wall, (time.process_time() - cpu_start) / wall  # CPU time of every thread


def medians(runs):
    """The median wall-clock time, and the median cores busy, of `timed` runs."""
    walls, cores = zip(*runs)
    return statistics.median(walls), statistics.median(cores)


# sys._is_gil_enabled() exists since 3.13; before that, CPython always has a GIL.
gil = "with" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without"
print(f"{platform.python_implementation()} {platform.python_version()}, {gil} the GIL")
print(f"one job: {count_primes(LIMIT)} primes below {LIMIT}")
# Other programs share the machine: take the rounds in turns, keep the medians.
one_thread, two_threads = [], []
for _ in range(ROUNDS):
    one_thread.append(timed(on_one_thread))
    two_threads.append(timed(on_two_threads))
(one, one_cores), (two, two_cores) = medians(one_thread), medians(two_threads)
print(f"2 jobs on 1 thread:  {one * 1000:.0f} ms, cores busy {one_cores:.1f}")
print(f"2 jobs on 2 threads: {two * 1000:.0f} ms, cores busy {two_cores:.1f}")
print(f"speedup: {one / two:.1f}x (medians of {ROUNDS} rounds, taken in turns)")
