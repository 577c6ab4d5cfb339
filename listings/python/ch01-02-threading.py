"""Two threads of different lengths, started and joined."""
import sys
import threading
import time

# Write each line whole, even under `python3 -u`: threads print at the same time.
sys.stdout.reconfigure(line_buffering=True, write_through=False)


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
