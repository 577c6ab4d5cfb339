"""The Python half of Chapter 5's benchmark: ch05-01-measured.rs runs each command below in a
process of its own. `cpu` needs numba and Chapter 7's extension `primes`, `uvloop` needs uvloop:
listings/python/requirements.txt pins them, and `cargo test` installs them in target/python-venv."""
import asyncio
import importlib
import platform
import statistics
import sys
import sysconfig
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial
from math import isqrt

USAGE = """usage:
  ch05-01-in-cpython.py                                 which Python this is
  ch05-01-in-cpython.py cpu LIMIT CHUNK WORKERS ROUNDS  the primes below LIMIT, 9 ways
  ch05-01-in-cpython.py LOOP TASKS SECONDS              TASKS tasks that each sleep, on
                                                        LOOP: asyncio, asyncio-eager
                                                        or uvloop
  ch05-01-in-cpython.py threads COUNT SECONDS           COUNT threads that each sleep"""


def count_while(start, end):
    """The primes in [start, end) by trial division: Listing 4-3's loop."""
    count = 0
    for n in range(max(start, 2), end):
        d = 2
        while d * d <= n and n % d:
            d += 1
        if d * d > n:
            count += 1
    return count


def count_for(start, end):
    """The same test as idiomatic Python writes it: a `for` over a range."""
    count = 0
    for n in range(max(start, 2), end):
        for d in range(2, isqrt(n) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count


def sieve(limit):
    """Another algorithm: cross out the multiples of each prime below the root."""
    if limit < 2:
        return 0
    is_prime = bytearray([1]) * limit
    is_prime[:2] = bytes(min(limit, 2))  # 0 and 1 are not prime
    for n in range(2, isqrt(limit - 1) + 1):
        if is_prime[n]:
            # One slice assignment crosses out n*n, n*n + n, ... in C, not in a Python loop.
            is_prime[n * n::n] = bytes(len(range(n * n, limit, n)))
    return is_prime.count(1)


def in_pool(pool_class, count, chunks, workers):
    # Starting the workers and stopping them are part of the cost.
    with pool_class(max_workers=workers) as pool:
        return sum(pool.map(count, *zip(*chunks)))


def need(module):
    """Import a module this Python may lack, or say how to get it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        sys.exit(f"{module} is not installed for {sys.executable}: `cargo test` installs it, with "
                 "the rest of listings/python/requirements.txt and Chapter 7's extension, in "
                 "target/python-venv; run the benchmark with PYTHON=target/python-venv/bin/python")


def compiled(workers):
    """The while loop's test compiled by numba, on one thread and on `workers` threads."""
    numba, np = need("numba"), need("numpy")
    numba.set_num_threads(min(workers, numba.config.NUMBA_NUM_THREADS))

    @numba.njit
    def count_numba(start, end):
        count = 0
        for n in range(max(start, 2), end):
            d = 2
            while d * d <= n:
                if n % d == 0:
                    break
                d += 1
            else:
                count += 1
        return count

    @numba.njit(parallel=True)
    def count_prange(starts, ends):
        total = 0
        for i in numba.prange(len(starts)):  # the chunks, on numba's threads
            total += count_numba(starts[i], ends[i])
        return total

    return count_numba, count_prange, np.array


def cpu(limit, chunk, workers, rounds):
    primes = need("primes")  # Chapter 7's extension: Rust's count, called from Python

    count_numba, count_prange, array = compiled(workers)
    chunks = [(start, min(start + chunk, limit)) for start in range(0, limit, chunk)]
    # prange gives each thread one block of the iterations: deal the chunks out like
    # cards, so that each block holds cheap and dear chunks alike.
    dealt = [chunks[i] for w in range(workers) for i in range(w, len(chunks), workers)]
    starts, ends = (array(column) for column in zip(*dealt))
    # numba compiles a function at its first call: a cost paid once, timed apart.
    # That call also starts numba's threads, as the next one starts rayon's.
    start = time.perf_counter()
    count_numba(0, 10)
    count_prange(starts[:1], ends[:1])
    print(f"numba compile: {time.perf_counter() - start:.4f} s")
    primes.count_primes_rayon(10, 10)
    ways = {
        "while loop": lambda: sum(count_while(*c) for c in chunks),
        "for loop": lambda: sum(count_for(*c) for c in chunks),
        "thread pool": lambda: in_pool(ThreadPoolExecutor, count_for, chunks, workers),
        "process pool": lambda: in_pool(ProcessPoolExecutor, count_for, chunks, workers),
        "numba": lambda: sum(count_numba(*c) for c in chunks),
        "numba prange": lambda: count_prange(starts, ends),
        "extension in threads": lambda: in_pool(
            ThreadPoolExecutor, primes.count_primes_detached, chunks, workers),
        "extension rayon": lambda: primes.count_primes_rayon(limit, chunk),
        "sieve": lambda: sieve(limit),
    }
    times = {name: [] for name in ways}
    found = {name: set() for name in ways}
    # Other programs share the machine: every way once per round, in turns.
    for _ in range(rounds):
        for name, way in ways.items():
            start = time.perf_counter()
            found[name].add(way())
            times[name].append(time.perf_counter() - start)
    for name in ways:
        if len(found[name]) > 1:
            sys.exit(f"{name} counted {sorted(found[name])} primes in different rounds")
        print(f"{name}: {found[name].pop()} primes in "
              f"{statistics.median(times[name]):.4f} s, "
              f"fastest {min(times[name]):.4f} s, slowest {max(times[name]):.4f} s")


async def sleep_in_tasks(tasks, seconds, eager):
    """How long until all are done, and the most alive at once."""
    if eager:  # Python 3.12+: create_task runs each task's first step at once
        asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    start = time.perf_counter()
    # All alive at once: no sleep can end before this coroutine awaits.
    await asyncio.gather(*[asyncio.create_task(asyncio.sleep(seconds)) for _ in range(tasks)])
    return time.perf_counter() - start, tasks


def sleep_in_threads(count, seconds):
    """How long until all are joined, and the most alive at once."""
    start, most, before = time.perf_counter(), 0, threading.active_count()
    threads = [threading.Thread(target=time.sleep, args=(seconds,)) for _ in range(count)]
    for thread in threads:
        thread.start()
        most = max(most, threading.active_count() - before)  # started and not yet ended
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, most


def peak_memory():
    """The process's high-water mark of resident memory, in bytes, or None."""
    try:
        with open("/proc/self/status") as status:  # Linux: VmHWM, in KiB
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import resource  # Unix only
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def report(name, count, measured):
    seconds, at_once = measured
    peak = peak_memory()
    print(f"{name}: {count} in {seconds:.4f} s, at most {at_once} at once, "
          f"peak {'n/a' if peak is None else peak} bytes")


def in_tasks(loop, tasks, seconds):
    eager = loop.endswith("-eager")
    if eager and sys.version_info < (3, 12):
        print(f"{loop}: n/a, eager_task_factory needs Python 3.12 or later")
        return
    if loop == "uvloop":
        run = need("uvloop").run  # an event loop built on libuv, the I/O library of Node.js
    else:
        run = asyncio.run
    report(loop, tasks, run(sleep_in_tasks(tasks, seconds, eager)))


def in_threads(count, seconds):
    report("threads", count, sleep_in_threads(count, seconds))


def which_python():
    if not sysconfig.get_config_var("Py_GIL_DISABLED"):
        build = "with the GIL"
    elif sys._is_gil_enabled():  # a free-threaded build can turn the GIL back on
        build = "free-threaded build, GIL enabled"
    else:
        build = "free-threaded build, no GIL"
    print(f"{platform.python_implementation()} {platform.python_version()}, {build}")


def main(args):
    try:
        match args:
            case []:
                job = which_python
            case ["cpu", limit, chunk, workers, rounds]:
                job = partial(cpu, int(limit), int(chunk), int(workers), int(rounds))
            case [("asyncio" | "asyncio-eager" | "uvloop") as loop, tasks, seconds]:
                job = partial(in_tasks, loop, int(tasks), float(seconds))
            case ["threads", count, seconds]:
                job = partial(in_threads, int(count), float(seconds))
            case _:
                raise ValueError(args)
    except ValueError:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    job()


if __name__ == "__main__":  # spawn and forkserver import this file again, under another name
    main(sys.argv[1:])
