"""A thousand sleeps gathered by asyncio: asyncio's own, then Rust futures
served by tokio (Listing 7-18). Which threads run what?"""
import asyncio
import sys
import threading
import time

import primes

N = 1000


async def asyncio_sleep():
    await asyncio.sleep(0.1)
    return threading.current_thread().name


async def tokio_sleep():
    rust_thread = await primes.tokio_sleep(100)
    return rust_thread, threading.current_thread().name


async def main():
    started = time.perf_counter()
    names = await asyncio.gather(*(asyncio_sleep() for _ in range(N)))
    ms = (time.perf_counter() - started) * 1000
    print(f"{N} coroutines awaiting asyncio.sleep(0.1): {ms:.0f} ms")
    print(f"  the coroutines ran on {len(set(names))} thread(s): {sorted(set(names))}")

    started = time.perf_counter()
    results = await asyncio.gather(*(tokio_sleep() for _ in range(N)))
    ms = (time.perf_counter() - started) * 1000
    print(f"{N} coroutines awaiting primes.tokio_sleep(100): {ms:.0f} ms")
    # Thread ids vary from run to run: count them instead of printing them.
    rust_names = sorted({name for (name, _), _ in results})
    rust_ids = {thread_id for (_, thread_id), _ in results}
    print(f"  the sleeps ended on {len(rust_ids)} thread(s): {rust_names}")
    print(f"  tokio's runtime has {primes.tokio_workers()} worker thread(s)")
    names = {name for _, name in results}
    print(f"  the coroutines ran on {len(names)} thread(s): {sorted(names)}")


async def until_no_other_thread_runs_python():
    """A tokio thread may still be inside `call_soon_threadsafe`, which set the
    last result: wait until no thread but this one has a Python frame, so that
    the interpreter does not exit under it (see the text)."""
    me = threading.get_ident()
    while any(ident != me for ident in sys._current_frames()):
        await asyncio.sleep(0.001)


async def program():
    await main()
    await until_no_other_thread_runs_python()


asyncio.run(program())
