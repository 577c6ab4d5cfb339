"""Tasks that raise, and that nobody awaits: asyncio logs each error when the
task is freed."""
import asyncio


async def save(name):
    await asyncio.sleep(0.01)
    raise OSError(f"cannot save {name}")


async def main():
    asyncio.create_task(save("a.txt"))  # no reference kept: freed as soon as it fails
    await asyncio.sleep(0.05)
    print("main: 50 ms later, nothing was raised here")

    task = asyncio.create_task(save("b.txt"))  # kept, never awaited
    await asyncio.sleep(0.05)
    print(f"main: returns, b.txt's task done: {task.done()}")


asyncio.run(main())
