"""The two threads of Listing 2-1 as daemon threads: the interpreter does not
wait for them."""
import threading
import time


def foo(snooze):
    print("start foo")
    time.sleep(snooze)  # stands for some slow operation
    print("end foo")


def bar(snooze):
    print("start bar")
    time.sleep(snooze)
    print("end bar")


start = time.perf_counter()
threading.Thread(target=foo, args=(1,), daemon=True).start()
threading.Thread(target=bar, args=(2,), daemon=True).start()
print(f"Finished in {time.perf_counter() - start:.2f} seconds")
