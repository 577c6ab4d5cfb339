"""A task that owns a dict of counters; other tasks put requests in its
queue, each with a future for the reply."""

import asyncio


async def owner(requests):
    counters = {}
    # The only code that touches the dict: one request at a time, no lock.
    while (request := await requests.get()) is not None:
        command, reply = request
        match command:
            case ("get", key):
                result = counters.get(key, 0)
            case ("set", key, value):
                counters[key] = value
                result = None
            case ("increment", key):
                counters[key] = result = counters.get(key, 0) + 1
        # A client that stopped waiting cancelled its future, and
        # set_result on a cancelled future raises InvalidStateError.
        if not reply.cancelled():
            reply.set_result(result)
    return counters


async def ask(requests, command):
    reply = asyncio.get_running_loop().create_future()
    await requests.put((command, reply))
    return await reply


async def client(name, start, requests):
    await ask(requests, ("set", name, start))
    mine = await ask(requests, ("increment", name))
    # Three clients increment this one at the same time; none is lost.
    await ask(requests, ("increment", "visits"))
    return f"{name}: set to {start}, incremented to {mine}"


async def main():
    requests = asyncio.Queue(maxsize=8)
    owner_task = asyncio.create_task(owner(requests))

    clients = [
        asyncio.create_task(client(name, start, requests))
        for name, start in [("a", 10), ("b", 20), ("c", 30)]
    ]
    # The clients run at the same time; their reports are printed in order.
    for task in clients:
        print(await task)
    print(f"visits: {await ask(requests, ('get', 'visits'))}")

    # No Sender to drop: a sentinel tells the owner to end.
    await requests.put(None)
    counters = await owner_task
    print(f"owner ended with {len(counters)} counters")

    # An owner that ends while a client can still put requests: the queue
    # takes the request, and nobody ever sets its future.
    requests = asyncio.Queue(maxsize=8)
    owner_task = asyncio.create_task(owner(requests))
    owner_task.cancel()
    try:
        await owner_task
    except asyncio.CancelledError:
        pass
    try:
        await asyncio.wait_for(ask(requests, ("get", "visits")), timeout=0.1)
    except TimeoutError:
        print("a request after the owner is gone: no reply after 0.1 s")


asyncio.run(main())
