"""Shows, without timing anything, which of the two waits releases the GIL."""
import platform
import sys
import threading
import time

import primes


def opener(stop):
    """Opens the gate once a thread waits at it. This loop is Python code, so it
    needs the GIL: while the waiting thread holds it, the loop cannot run."""
    while not primes.is_waiting():
        if stop.is_set():
            return
        time.sleep(0.001)  # sleeps with the GIL released, as CPython's blocking calls generally do
    primes.open_gate()


# sys._is_gil_enabled() exists since 3.13; before that, CPython always has a GIL.
gil = "with" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without"
print(f"{platform.python_implementation()} {platform.python_version()}, {gil} the GIL")
# How long each wait gives up after: only a wait that holds the GIL should need it.
for wait, seconds in [(primes.wait_detached, 10.0), (primes.wait_held, 1.0)]:
    stop = threading.Event()
    thread = threading.Thread(target=opener, args=(stop,))
    thread.start()
    start = time.perf_counter()
    opened = wait(seconds)
    took = time.perf_counter() - start
    stop.set()
    thread.join()
    print(f"{wait.__name__}({seconds}): opened {opened}, after {took:.3f} s")
