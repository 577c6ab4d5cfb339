"""Ten producer threads put ten items each on a queue.Queue."""
import queue
import threading

q = queue.Queue()


def producer(n):
    for item in range(10):
        q.put((n, item))


threads = [threading.Thread(target=producer, args=(n,)) for n in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()

items = []
while not q.empty():  # safe only because every producer has been joined
    items.append(q.get())
print(f"Received {len(items)} items")
