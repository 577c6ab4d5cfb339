"""Two generator tasks take turns, driven by a hand-written event loop."""
import random
import time


def task(name, steps):
    for step in range(1, steps + 1):
        print(f"Task {name} is working... (step {step} of {steps})")
        time.sleep(0.1)  # some real work would go here
        yield  # let the other tasks have a turn
    result = random.randint(10_000, 20_000)
    print(f"Task {name} completed with result {result}")
    return result


def event_loop(tasks):
    results = {}
    while tasks:
        for name, gen in list(tasks.items()):
            try:
                next(gen)
            except StopIteration as done:  # the generator returned
                results[name] = done.value
                del tasks[name]
    return results


results = event_loop({"A": task("A", 2), "B": task("B", 3)})
print("All tasks completed. Results:", results)
