"""One table: the same chunks counted by CPython and by Chapter 7's extension,
called each way the chapter shows. `quick` runs a small size."""
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import primes

USAGE = "usage: ch07-07-measured.py [quick]"
ROUNDS = 5
# One pool thread per core this process may run on, as rayon's pool counts
# them (Linux's CPU affinity; rayon also heeds a cgroup's CPU quota).
WORKERS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def count_primes(start, end):
    """Listing 4-3's CPython count: the primes in [start, end) by trial division."""
    count = 0
    for n in range(max(start, 2), end):
        d = 2
        while d * d <= n and n % d:
            d += 1
        if d * d > n:
            count += 1
    return count


def one_thread(count, chunks):
    return sum(count(start, end) for start, end in chunks)


def in_pool(count, chunks):
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return sum(pool.map(count, *zip(*chunks)))


def main(args):
    if args not in ([], ["quick"]):
        sys.exit(USAGE)
    limit, chunk = (50_000, 3_125) if args else (1_000_000, 62_500)
    chunks = [(start, min(start + chunk, limit)) for start in range(0, limit, chunk)]
    ways = {
        "CPython, 1 thread": lambda: one_thread(count_primes, chunks),
        "extension, 1 thread": lambda: one_thread(primes.count_primes_held, chunks),
        f"extension, {WORKERS} threads, GIL held": lambda: in_pool(primes.count_primes_held, chunks),
        f"extension, {WORKERS} threads, released": lambda: in_pool(primes.count_primes_detached, chunks),
        "extension, rayon inside": lambda: primes.count_primes_rayon(limit, chunk),
    }
    gil = "with" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without"
    print(f"{platform.python_implementation()} {platform.python_version()}, {gil} the GIL, "
          f"{WORKERS} cores: {len(chunks)} chunks below {limit:_}")
    walls = {name: [] for name in ways}
    cores = {name: [] for name in ways}
    counts = set()
    # Other programs share the machine: every way once per round, in turns.
    for _ in range(ROUNDS):
        for name, way in ways.items():
            start, cpu_start = time.perf_counter(), time.process_time()
            counts.add(way())
            wall = time.perf_counter() - start
            walls[name].append(wall)
            cores[name].append((time.process_time() - cpu_start) / wall)
    if len(counts) != 1:
        sys.exit(f"the ways disagree on the count: {sorted(counts)}")
    print(f"{counts.pop()} primes each way; median of {ROUNDS} rounds (fastest-slowest):")
    python = statistics.median(walls["CPython, 1 thread"])
    for name in ways:
        wall = statistics.median(walls[name])
        print(f"  {name + ':':36} {wall * 1000:7.1f} ms ({min(walls[name]) * 1000:.1f}-"
              f"{max(walls[name]) * 1000:.1f}), {python / wall:5.1f}x CPython, "
              f"cores busy {statistics.median(cores[name]):.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
