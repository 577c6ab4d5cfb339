"""A thread's target returns a count, and Thread throws it away."""
import threading


def count(n):
    total = 0
    for _ in range(n):
        total += 1
    return total


threads = [threading.Thread(target=count, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
print("join() returned:", [t.join() for t in threads])

# To get the counts back, each thread must store its own somewhere.
counts = [0] * 4


def count_into(i, n):
    counts[i] = count(n)


threads = [threading.Thread(target=count_into, args=(i, 100_000)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Counts:", counts, "total:", sum(counts))
