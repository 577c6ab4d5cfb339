"""A coroutine that reports progress while it waits, run alone and then two at once."""
import asyncio
import random
import time


async def task(name, steps):
    for step in range(1, steps + 1):
        print(f"Task {name} is working... (step {step} of {steps})")
        await asyncio.sleep(0.1)  # suspends this coroutine; the loop runs others
    result = random.randint(10_000, 20_000)
    print(f"Task {name} completed with result {result}")
    return result


async def main():
    start = time.perf_counter()
    print("Single task result:", await task("A", 2))
    results = await asyncio.gather(task("B", 2), task("C", 3))
    print("Multiple task results:", results)
    print(f"Took {time.perf_counter() - start:.1f} s in all: 0.2 + 0.3")


asyncio.run(main())
