"""The CPython half of Chapter 5's benchmark: ch05-01-measured.rs runs each command below in a
process of its own, the `cpu` one once for all three CPU-bound rows."""
import asyncio
import platform
import sys
import sysconfig
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

USAGE = """usage:
  ch05-01-in-cpython.py                          which Python this is
  ch05-01-in-cpython.py cpu LIMIT CHUNK WORKERS  the primes below LIMIT, 3 ways
  ch05-01-in-cpython.py asyncio TASKS SECONDS    TASKS tasks that each sleep
  ch05-01-in-cpython.py threads COUNT SECONDS    COUNT threads that each sleep"""


def count_primes(chunk):
    """The primes in [start, end) by trial division: Listing 4-3's test."""
    start, end = chunk
    count = 0
    for n in range(max(start, 2), end):
        d = 2
        while d * d <= n and n % d:
            d += 1
        if d * d > n:
            count += 1
    return count


def in_pool(pool_class, chunks, workers):
    # Starting the workers and stopping them are part of the cost.
    with pool_class(max_workers=workers) as pool:
        return sum(pool.map(count_primes, chunks))


def cpu(limit, chunk, workers):
    chunks = [(start, min(start + chunk, limit)) for start in range(0, limit, chunk)]
    ways = {
        "sequential": lambda: sum(map(count_primes, chunks)),
        "thread pool": lambda: in_pool(ThreadPoolExecutor, chunks, workers),
        "process pool": lambda: in_pool(ProcessPoolExecutor, chunks, workers),
    }
    for name, way in ways.items():
        start = time.perf_counter()
        primes = way()
        print(f"{name}: {primes} primes in {time.perf_counter() - start:.4f} s")


async def sleep_in_tasks(tasks, seconds):
    """How long until all are done, and the most alive at once."""
    start = time.perf_counter()
    # All alive at once: no task runs before this coroutine awaits.
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


def in_tasks(tasks, seconds):
    report("asyncio", tasks, asyncio.run(sleep_in_tasks(tasks, seconds)))


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
            case ["cpu", limit, chunk, workers]:
                job = partial(cpu, int(limit), int(chunk), int(workers))
            case ["asyncio", tasks, seconds]:
                job = partial(in_tasks, int(tasks), float(seconds))
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
