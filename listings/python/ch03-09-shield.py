"""What asyncio.shield protects, and what it does not."""
import asyncio


async def protected_task():
    await asyncio.sleep(0.15)
    print("protected_task: completed")
    return "Completed"


async def main():
    # The notebook's line: create_task() wants a coroutine, shield() gives a Future.
    try:
        asyncio.create_task(asyncio.shield(asyncio.sleep(0)))
    except TypeError as error:
        print("create_task(shield(...)) raises TypeError:", str(error).split(",")[0])

    inner = asyncio.create_task(protected_task())
    outer = asyncio.shield(inner)  # a Future that follows `inner`
    await asyncio.sleep(0.05)
    outer.cancel()  # cancels the outer Future only
    try:
        await outer
    except asyncio.CancelledError:
        print("awaiting the shield raised CancelledError: the OUTER one was cancelled")
    print("inner task cancelled?", inner.cancelled())
    print("inner task result:", await inner)


asyncio.run(main())
