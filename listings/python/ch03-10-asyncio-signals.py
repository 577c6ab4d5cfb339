"""Shutting down on SIGTERM: the loop's handler sets a stop Event."""
import asyncio
import os
import signal


async def worker(stop):
    while not stop.is_set():
        await asyncio.sleep(0.01)  # a job
    print("worker: stopping, saving its state")
    await asyncio.sleep(0.02)
    print("worker: stopped cleanly")


def on_sigterm(stop):
    # A callback of the loop, run in its turn like any other, so it may touch the Event.
    print("main: SIGTERM")
    stop.set()


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, on_sigterm, stop)
    task = asyncio.create_task(worker(stop))
    await asyncio.sleep(0.03)
    os.kill(os.getpid(), signal.SIGTERM)  # as `kill PID` would
    await task
    print("main: every task has exited")
    loop.remove_signal_handler(signal.SIGTERM)
    restored = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    print("main: SIGTERM ends the process again:", restored)


asyncio.run(main())
