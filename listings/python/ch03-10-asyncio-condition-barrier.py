"""asyncio.Condition: wait until shared state says so; asyncio.Barrier: wait
for n tasks."""
import asyncio


async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: len(items) >= 2)  # checked again at each notify
        print(f"{name}: sees {items}")


async def worker(i, barrier):
    await asyncio.sleep(0.01 * i)
    print(f"worker {i}: at the barrier")
    index = await barrier.wait()
    print(f"worker {i}: through, index {index}")


async def main():
    cond = asyncio.Condition()
    items = []
    consumers = [
        asyncio.create_task(consumer(f"consumer {i}", cond, items)) for i in (1, 2)
    ]
    for item in ("a", "b"):
        await asyncio.sleep(0.01)
        async with cond:
            items.append(item)
            print(f"main: added {item!r}")
            cond.notify_all()
    await asyncio.gather(*consumers)

    barrier = asyncio.Barrier(3)  # Python 3.11+
    await asyncio.gather(*(worker(i, barrier) for i in range(3)))


asyncio.run(main())
