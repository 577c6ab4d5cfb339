"""A ContextVar: each task starts with a copy of the context it was created in."""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default=None)


async def handle(name):
    print(f"{name}: request {request_id.get()}")
    request_id.set(99)  # changes this task's copy of the context only
    await asyncio.sleep(0)
    print(f"{name}: set it to {request_id.get()}")


async def main():
    request_id.set(7)
    await asyncio.create_task(handle("task"))
    await asyncio.gather(handle("gathered 1"), handle("gathered 2"))
    print(f"main: request {request_id.get()}, the tasks' sets did not leak back")

    await handle("plain await")  # no task: it runs in main's context
    print(f"main: request {request_id.get()}")


asyncio.run(main())
print(f"outside asyncio.run: request {request_id.get()}")
