"""Two child processes that each sleep for one second, and a parent that waits for both."""
import multiprocessing
import os
import sys
import time


def work(snooze):
    # One write per line: both children write to the same output at once.
    sys.stdout.write(f"Process id: {os.getpid()}\n")
    time.sleep(snooze)


if __name__ == "__main__":
    print(f"Parent process id: {os.getpid()}")
    start = time.perf_counter()
    p1 = multiprocessing.Process(target=work, args=(1,))
    p2 = multiprocessing.Process(target=work, args=(1,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print(f"Finished in {time.perf_counter() - start:.2f} seconds")
    print("Exit codes:", p1.exitcode, p2.exitcode)
