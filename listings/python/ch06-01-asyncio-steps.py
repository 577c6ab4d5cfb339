"""Counts how often asyncio steps each of 10,000 sleeping tasks."""

import asyncio
from asyncio import tasks

steps = 0
step = tasks._PyTask._Task__step  # the pure-Python Task's __step


def counting_step(self, exc=None):
    global steps
    steps += 1
    return step(self, exc)


tasks._PyTask._Task__step = counting_step


async def sleeper(i):
    await asyncio.sleep((50 + i % 50) / 1000)


async def main():
    loop = asyncio.get_running_loop()
    # From here on, tasks of the pure-Python class, so that counting_step sees
    # every step of theirs (main's own task, made before, is not one of them).
    loop.set_task_factory(lambda loop, coro, **kw: tasks._PyTask(coro, loop=loop, **kw))
    sleepers = [asyncio.create_task(sleeper(i)) for i in range(10_000)]
    await asyncio.gather(*sleepers)
    print(f"10000 sleeping tasks, {steps} steps")


asyncio.run(main())
