"""Fan-out over a dict of bounded queues: a full queue refuses the newest."""

import asyncio


async def subscriber(name, queue):
    while (message := await queue.get()) is not None:
        print(f"{name}: {message}")


async def main():
    fast, slow = asyncio.Queue(maxsize=4), asyncio.Queue(maxsize=4)
    subscribers = {"fast": fast, "slow": slow}
    task = asyncio.create_task(subscriber("fast", fast))
    for message in range(1, 11):
        for name, queue in subscribers.items():
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:
                print(f"{name} is full: {message} dropped")
        await asyncio.sleep(0)  # lets the fast subscriber take each message
    await fast.put(None)  # a sentinel: no more messages
    await task
    # `slow` was busy elsewhere until now; its queue is full, so no sentinel.
    while not slow.empty():
        print(f"slow: {slow.get_nowait()}")


asyncio.run(main())
