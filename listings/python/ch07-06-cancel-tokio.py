"""Cancels Rust futures from asyncio: wait_for gives up on ten tokio sleeps
of 10 s after 0.1 s, and cancels them."""
import asyncio
import time

import primes

N = 10


async def main():
    dropped_before = primes.dropped_unfinished()
    started = time.perf_counter()
    sleeps = [primes.tokio_sleep(10_000) for _ in range(N)]
    try:
        await asyncio.wait_for(asyncio.gather(*sleeps), timeout=0.1)
    except asyncio.TimeoutError as e:  # the builtin TimeoutError since 3.11
        ms = (time.perf_counter() - started) * 1000
        print(f"wait_for raised {type(e).__name__} after {ms:.0f} ms")
    print(f"asyncio futures cancelled: {sum(s.cancelled() for s in sleeps)} of {N}")

    # Each cancel reaches its Rust future on a tokio thread, which drops it:
    # wait (a little) until all have been dropped.
    def dropped():
        return primes.dropped_unfinished() - dropped_before

    deadline = time.perf_counter() + 5
    while dropped() < N and time.perf_counter() < deadline:
        await asyncio.sleep(0.01)
    print(f"Rust futures dropped before their sleep ended: {dropped()} of {N}")
    ms = (time.perf_counter() - started) * 1000
    print(f"all done after {ms:.0f} ms")


asyncio.run(main())
