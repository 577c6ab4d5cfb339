"""Ten threads add one to a global 300,000 times each, two ways."""
import threading

THREADS = 10
INCREMENTS = 300_000
value = 0


def add_one(n):
    return n + 1


def inline():
    global value
    for _ in range(INCREMENTS):
        plus_one = value + 1  # read...
        value = plus_one  # ...then write


def with_a_call():
    global value
    for _ in range(INCREMENTS):
        plus_one = add_one(value)  # read, then call a function...
        value = plus_one  # ...then write


for body in [inline, with_a_call]:
    value = 0
    threads = [threading.Thread(target=body) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{body.__name__:>11}: {value} (expected {THREADS * INCREMENTS})")
