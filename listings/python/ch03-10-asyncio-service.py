import asyncio


class Ticker:
    def __init__(self):
        self._ticks = 0
        self._task = None

    def start(self):
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def _run(self):
        while True:
            await asyncio.sleep(0.01)
            self._ticks += 1

    def stats(self):
        return self._ticks

    async def stop(self):
        if self._task is not None:
            self._task.cancel()
            # wait() does not re-raise the task's CancelledError.
            await asyncio.wait([self._task])
            self._task = None


async def main():
    service = Ticker()
    service.start()
    while service.stats() < 3:
        await asyncio.sleep(0.005)
    print(f"while running: stats() >= 3 is {service.stats() >= 3}")

    await service.stop()
    after_stop = service.stats()
    await asyncio.sleep(0.05)
    print(f"after stop: stats() unchanged is {service.stats() == after_stop}")


asyncio.run(main())
