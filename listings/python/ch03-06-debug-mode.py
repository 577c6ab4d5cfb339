"""asyncio's debug mode names the task that held the event loop too long."""
import asyncio
import time


async def blocking():
    time.sleep(0.15)  # the bug: it holds the event loop's thread


async def awaiting():
    await asyncio.sleep(0.15)


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(awaiting(), name="awaiting")
        group.create_task(blocking(), name="blocking")
    print("main: both tasks done")


# asyncio's debug mode, as PYTHONASYNCIODEBUG=1 turns it on (python3 -X dev does too, with more).
asyncio.run(main(), debug=True)
