"""Taking a Lock that another thread holds, without waiting for ever."""
import threading
import time

lock = threading.Lock()
held = threading.Event()
tried = threading.Event()


def holder():
    with lock:
        held.set()  # main may try now: the lock is taken
        tried.wait()  # and stays taken until main has tried


thread = threading.Thread(target=holder)
thread.start()
held.wait()
print("acquire(blocking=False):", lock.acquire(blocking=False))
start = time.monotonic()
got = lock.acquire(timeout=0.05)
print(f"acquire(timeout=0.05):   {got} after {time.monotonic() - start:.2f} s")
tried.set()
thread.join()
got = lock.acquire(blocking=False)
print("acquire(blocking=False) once the holder let go:", got)
lock.release()
