"""Two threads take two locks in opposite orders and deadlock; faulthandler's
watchdog prints the stack of every thread after 2 s and ends the process."""
import faulthandler
import threading

# Armed first: from here on, anything that hangs for 2 s is reported.
faulthandler.dump_traceback_later(2, exit=True)

locks = {"a": threading.Lock(), "b": threading.Lock()}
balances = {"a": 100, "b": 100}
both_hold_one = threading.Barrier(2)


def transfer(src, dst, amount):
    with locks[src]:
        # Once both threads are past this point, each holds the lock the other wants.
        both_hold_one.wait()
        with locks[dst]:
            balances[src] -= amount
            balances[dst] += amount


threads = [
    threading.Thread(target=transfer, args=("a", "b", 10), name="a-then-b"),
    threading.Thread(target=transfer, args=("b", "a", 10), name="b-then-a"),
]
for thread in threads:
    thread.start()
    # exit=True ends the process without flushing stdout: flush each line.
    print(f"main: started {thread.name}, thread {thread.ident:#018x}", flush=True)
for thread in threads:
    thread.join()
faulthandler.cancel_dump_traceback_later()
print("main: both transfers done")
