"""Shutting down on SIGTERM: the loop's handler sets a stop Event."""
import asyncio
import signal


async def worker(stop):
    while not stop.is_set():
        await asyncio.sleep(0.01)  # a job
    print("worker: the stop event is set, saving its state")
    await asyncio.sleep(0.02)
    print("worker: stopped cleanly")


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # The loop calls it in its turn, as any callback, so it may set the Event.
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    task = asyncio.create_task(worker(stop))
    await asyncio.sleep(0.03)
    signal.raise_signal(signal.SIGTERM)  # the signal `kill PID` sends
    await task
    print("main: every task has exited")
    loop.remove_signal_handler(signal.SIGTERM)
    restored = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    print("main: SIGTERM ends the process again:", restored)


asyncio.run(main())
