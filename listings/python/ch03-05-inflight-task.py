"""Three callers that want the same key, and one task between them."""
import asyncio

fetches = 0
inflight = {}


async def fetch(key):
    global fetches
    fetches += 1
    await asyncio.sleep(0.02)
    return f"value of {key}"


def get(key):
    # The first caller starts the task; every caller awaits that one task.
    if key not in inflight:
        inflight[key] = asyncio.create_task(fetch(key))
    return inflight[key]


async def caller(n):
    print(f"caller {n}: {await get('b')}")


async def main():
    await asyncio.gather(caller(1), caller(2), caller(3))
    # A finished task keeps its result: awaiting it again fetches nothing.
    print(f"again: {await get('b')}")
    print(f"fetches: {fetches}")


asyncio.run(main())
