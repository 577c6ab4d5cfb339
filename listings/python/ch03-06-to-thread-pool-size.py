"""A hundred blocking sleeps through asyncio.to_thread: how many threads the loop's
default executor starts for them, with its default max_workers and with ten."""
import asyncio
import concurrent.futures
import os
import threading
import time

SLEEPS = 100


def blocking_sleep():
    time.sleep(0.05)
    return threading.get_ident()


async def measure(label, max_workers=None):
    if max_workers is not None:
        # to_thread always uses the loop's default executor: replace it.
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=max_workers)
        asyncio.get_running_loop().set_default_executor(pool)
    start = time.perf_counter()
    threads = await asyncio.gather(*(asyncio.to_thread(blocking_sleep) for _ in range(SLEEPS)))
    ms = round((time.perf_counter() - start) * 1000)
    print(f"{label:<17} {SLEEPS} sleeps of 50 ms on {len(set(threads)):>3} threads, {ms:>4} ms")


asyncio.run(measure("default executor:"))
# What ThreadPoolExecutor() takes when it is given no max_workers (3.8 and later).
if hasattr(os, "process_cpu_count"):  # 3.13 and later: the CPUs this process may use
    cpus, name = os.process_cpu_count() or 1, "os.process_cpu_count()"
else:
    cpus, name = os.cpu_count() or 1, "os.cpu_count()"
print(f"  its max_workers: min(32, {name} + 4) = min(32, {cpus} + 4) = {min(32, cpus + 4)}")
asyncio.run(measure("max_workers=10:", max_workers=10))
