"""Two threads of different lengths, started and joined."""
import threading
import time


def task(name, seconds):
    print(f"Task {name} started")
    time.sleep(seconds)
    print(f"Task {name} completed")


print("Starting threads")
a = threading.Thread(target=task, args=("A", 0.2))
b = threading.Thread(target=task, args=("B", 0.3))
a.start()
b.start()
print("Threads started")
a.join()
b.join()
print("Threads finished")
