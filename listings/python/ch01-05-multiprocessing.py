"""Two tasks, each in its own process, started and joined."""
import multiprocessing
import os
import time


def task(name, seconds):
    print(f"Task {name} started in process {os.getpid()}")
    time.sleep(seconds)
    print(f"Task {name} completed")


if __name__ == "__main__":  # a child that imports this module must not run this
    print(f"Starting processes from process {os.getpid()}")
    procs = [
        multiprocessing.Process(target=task, args=("A", 0.2)),
        multiprocessing.Process(target=task, args=("B", 0.3)),
    ]
    for p in procs:
        p.start()
    print("Processes started")
    for p in procs:
        p.join()
    print("Processes finished")
