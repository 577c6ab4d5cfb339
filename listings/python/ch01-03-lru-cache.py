"""functools.lru_cache from four threads that want the same value at once."""
import functools
import threading
import time

calls = 0
calls_lock = threading.Lock()


@functools.lru_cache(maxsize=None)
def slow_square(n):
    global calls
    with calls_lock:  # `+=` is a read, then a write: threads could interleave
        calls += 1
    time.sleep(0.05)  # releases the GIL: the other threads miss too
    return n * n


threads = [threading.Thread(target=slow_square, args=(7,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"4 threads asked for slow_square(7): it ran {calls} times")
print(f"The cache holds {slow_square.cache_info().currsize} entry")
