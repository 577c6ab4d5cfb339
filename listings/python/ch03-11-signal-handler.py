"""SIGTERM or Ctrl-C in a program of threads: the handler sets the stop Event."""
import os
import signal
import threading

PERIOD = 0.02
stop = threading.Event()
ticks = {}


def on_signal(signum, frame):
    # Python runs it in the main thread, between two bytecodes: here, inside
    # join(), whose wait a signal interrupts (on POSIX) and which then goes on.
    name = signal.Signals(signum).name
    print(f"handler, in {threading.current_thread().name}: {name}, setting the stop event")
    stop.set()


def worker(id):
    count = 0
    while not stop.wait(PERIOD):
        count += 1  # the periodic work
    ticks[id] = count


signal.signal(signal.SIGTERM, on_signal)
signal.signal(signal.SIGINT, on_signal)  # instead of KeyboardInterrupt
workers = [threading.Thread(target=worker, args=(id,)) for id in (1, 2)]
for thread in workers:
    thread.start()
# The signal `kill PID` sends, from another thread, a little later.
threading.Timer(PERIOD * 3, os.kill, (os.getpid(), signal.SIGTERM)).start()
for thread in workers:
    thread.join()
for id, count in sorted(ticks.items()):
    print(f"main: worker {id} joined, ticks: {count}")
print("main: every thread has exited")
