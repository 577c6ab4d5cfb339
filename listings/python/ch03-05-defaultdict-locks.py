"""One lock per key: work on one key takes turns, different keys run at once."""
import asyncio
import itertools
from collections import defaultdict

locks = defaultdict(asyncio.Lock)  # a key's lock is made the first time it is asked for
clock = itertools.count()  # a logical clock: one order for every start and end
spans = defaultdict(list)


def overlap(x, y):
    return x[0] < y[1] and y[0] < x[1]


async def work(key, barrier):
    async with locks[key]:
        start = next(clock)
        # Opens only when one task of "a" and one of "b" hold their locks at once.
        await barrier.wait()
        spans[key].append((start, next(clock)))


async def main():
    barrier = asyncio.Barrier(2)  # Python 3.11+
    await asyncio.gather(*(work(key, barrier) for key in "abab"))
    a, b = spans["a"], spans["b"]
    print(f"the two tasks of a overlapped: {overlap(*a)}")
    print(f"the two tasks of b overlapped: {overlap(*b)}")
    across = any(overlap(x, y) for x in a for y in b)
    print(f"a task of a and a task of b overlapped: {across}")
    print(f"keys left in the dict: {len(locks)}")


asyncio.run(main())
