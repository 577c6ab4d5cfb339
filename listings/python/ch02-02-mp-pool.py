"""Five one-second jobs on a pool of two worker processes."""
import multiprocessing
import os
import sys
import time


def job(number):
    # One write per line: both workers write to the same output at once.
    sys.stdout.write(f"Job {number} in process {os.getpid()}\n")
    time.sleep(1)
    return os.getpid()


if __name__ == "__main__":
    start = time.perf_counter()
    with multiprocessing.Pool(processes=2) as pool:
        pids = pool.map(job, range(5))  # the results, in the order of the jobs
    print(f"Finished in {time.perf_counter() - start:.2f} seconds")
    print(f"map returned {len(pids)} results, from {len(set(pids))} worker processes")
