"""asyncio's debug mode names the task that held the event loop too long."""
import asyncio
import time


async def blocking():
    time.sleep(0.15)  # the bug: it holds the event loop's thread


async def awaiting():
    await asyncio.sleep(0.15)


async def main():
    await asyncio.gather(
        asyncio.create_task(awaiting(), name="awaiting"),
        asyncio.create_task(blocking(), name="blocking"),
    )
    print("main: both tasks done")


# The same as running the script with PYTHONASYNCIODEBUG=1 or python3 -X dev.
asyncio.run(main(), debug=True)
