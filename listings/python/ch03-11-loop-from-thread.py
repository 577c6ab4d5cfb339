"""An ordinary thread calls into a running event loop: it submits a coroutine and
waits for it, puts into an asyncio.Queue and sets a Future's result, all through the
loop's thread-safe entry points. Then the same wait made on the loop's own thread."""
import asyncio
import concurrent.futures
import threading


async def answer():
    await asyncio.sleep(0.02)
    return 6 * 7, threading.current_thread().name


def worker(loop, lines, result):
    try:
        # The coroutine runs on the loop's thread; .result() blocks this one until it is done.
        future = asyncio.run_coroutine_threadsafe(answer(), loop)
        value, ran_on = future.result()
        line = f"thread: the coroutine it submitted returned {value}, on {ran_on}"
        # asyncio.Queue and Future are not thread-safe: the loop's thread must touch them.
        loop.call_soon_threadsafe(lines.put_nowait, line)

        total = sum(range(1, 1_000_001))  # ordinary blocking work
        loop.call_soon_threadsafe(result.set_result, total)
    except Exception as error:  # main would otherwise wait for ever
        loop.call_soon_threadsafe(result.set_exception, error)
    finally:
        loop.call_soon_threadsafe(lines.put_nowait, None)  # no more lines, error or not


async def main():
    loop = asyncio.get_running_loop()
    lines = asyncio.Queue()
    result = loop.create_future()
    thread = threading.Thread(target=worker, args=(loop, lines, result), name="bridge")
    thread.start()

    while (line := await lines.get()) is not None:
        print(line)
    print(f"main: the thread's result, through a Future: {await result}")
    await asyncio.to_thread(thread.join)  # joining blocks, so not on the loop's thread

    # On the loop's own thread, waiting for the loop deadlocks; a timeout shows it.
    future = asyncio.run_coroutine_threadsafe(answer(), loop)
    try:
        future.result(timeout=0.1)
    except concurrent.futures.TimeoutError:  # the builtin TimeoutError since 3.11
        print("on the loop's thread, future.result() waits in vain: TimeoutError")
    value, _ = await asyncio.wrap_future(future)
    print(f"awaited instead, once the loop is free: {value}")


asyncio.run(main())
