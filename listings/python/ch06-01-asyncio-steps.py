"""Counts how often asyncio steps each of 10,000 sleeping tasks."""

import asyncio
from asyncio import tasks

STEPS = {"sleepers": 0, "others": 0}
step = tasks._PyTask._Task__step  # the pure-Python Task's __step


def counting_step(self, exc=None):
    kind = "sleepers" if self.get_name().startswith("sleeper") else "others"
    STEPS[kind] += 1
    return step(self, exc)


tasks._PyTask._Task__step = counting_step


async def sleeper(i):
    await asyncio.sleep((50 + i % 50) / 1000)


async def main():
    loop = asyncio.get_running_loop()
    # Tasks of the pure-Python class, so that counting_step sees every step.
    loop.set_task_factory(lambda loop, coro, **kw: tasks._PyTask(coro, loop=loop, **kw))
    sleepers = [asyncio.create_task(sleeper(i), name=f"sleeper {i}") for i in range(10_000)]
    await asyncio.gather(*sleepers)
    print(f"10000 sleeping tasks, {STEPS['sleepers']} steps")


asyncio.run(main())
