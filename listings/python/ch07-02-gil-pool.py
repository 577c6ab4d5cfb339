"""Chapter 5's chunks counted by the extension from a pool of Python threads,
first holding the GIL, then with it released."""
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from threading import current_thread

import primes

LIMIT = 360_000
CHUNK = 30_000
CHUNKS = [(start, min(start + CHUNK, LIMIT)) for start in range(0, LIMIT, CHUNK)]
WORKERS = 2  # two threads, as in Chapter 4
ROUNDS = 5


def one_thread(count):
    """The chunks one after the other, on this thread."""
    return [(current_thread().name, *count(*chunk)) for chunk in CHUNKS]


def in_pool(count):
    """The chunks on a pool of WORKERS threads."""
    def job(chunk):
        return (current_thread().name, *count(*chunk))

    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="pool") as pool:
        return list(pool.map(job, CHUNKS))


def overlapping(spans):
    """How many chunks' Rust code ran while another thread's chunk's did."""
    return sum(any(began < other_ended and other_began < ended
                   for other, other_began, other_ended in spans if other != thread)
               for thread, began, ended in spans)


def timed(run, count):
    """Runs `run(count)`: its count, wall-clock time, cores busy, and which
    thread ran each chunk, from when to when (ms since the run started)."""
    start, cpu_start, origin = time.perf_counter(), time.process_time(), primes.clock()
    chunks = run(count)
    wall = time.perf_counter() - start
    spans = [(thread, (began - origin) * 1000, (ended - origin) * 1000)
             for thread, _, began, ended in chunks]
    total = sum(primes_in_chunk for _, primes_in_chunk, _, _ in chunks)
    return total, wall, (time.process_time() - cpu_start) / wall, spans


ways = {
    "1 thread": (one_thread, primes.count_primes_held_timed),
    "pool, GIL held": (in_pool, primes.count_primes_held_timed),
    "pool, GIL released": (in_pool, primes.count_primes_detached_timed),
}
gil = "with" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without"
print(f"{platform.python_implementation()} {platform.python_version()}, {gil} the GIL, "
      f"{os.cpu_count()} cores: {len(CHUNKS)} chunks below {LIMIT:_}, pools of {WORKERS} threads")
# Other programs share the machine: take the rounds in turns, keep the medians.
runs = {name: [] for name in ways}
for _ in range(ROUNDS):
    for name, (run, count) in ways.items():
        runs[name].append(timed(run, count))
one = statistics.median(wall for _, wall, _, _ in runs["1 thread"])
for name, measured in runs.items():
    (total,) = {total for total, _, _, _ in measured}  # every round counts the same
    wall = statistics.median(wall for _, wall, _, _ in measured)
    cores = statistics.median(cores for _, _, cores, _ in measured)
    print(f"{name + ':':20} {total} primes, {wall * 1000:3.0f} ms, "
          f"speedup {one / wall:.1f}x, cores busy {cores:.1f}")
print(f"(medians of {ROUNDS} rounds, taken in turns)")
print("when the Rust code ran in the last round, ms since the round started:")
for name in ["pool, GIL held", "pool, GIL released"]:
    spans = sorted(runs[name][-1][3], key=lambda span: span[1])
    for thread in [f"pool_{i}" for i in range(WORKERS)]:  # a thread may have run no chunk
        ran = " ".join(f"{began:.0f}-{ended:.0f}" for t, began, ended in spans if t == thread)
        print(f"  {name.removeprefix('pool, ')}, {thread}: {ran}")
print("chunks whose Rust code ran while another thread's did, in the last round:")
print(", ".join(f"{name.removeprefix('pool, ')}: {overlapping(runs[name][-1][3])} of {len(CHUNKS)}"
                for name in ["pool, GIL held", "pool, GIL released"]))
