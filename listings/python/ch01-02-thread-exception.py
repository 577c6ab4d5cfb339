"""An exception in a thread: threading.excepthook prints it, and join() returns."""
import threading

results = {}


def parse(text):
    results[text] = int(text)


threads = [threading.Thread(target=parse, args=(text,)) for text in ["12", "x7"]]
for t in threads:
    t.start()
for t in threads:
    t.join()  # returns normally, whether the target returned or raised
print("Both joined. Results:", results)

# A hook of our own can record the failure for the main thread to see. While
# installed, it gets every thread's exception: put the previous hook back after.
failures = []


def record_failure(args):
    # A string, not args.exc_value or args.thread: keeping those can create a
    # reference cycle, or resurrect the thread (the threading docs warn of both).
    failures.append(f"{args.thread.name}: {args.exc_type.__name__}: {args.exc_value}")


previous = threading.excepthook
threading.excepthook = record_failure
try:
    t = threading.Thread(target=parse, args=("x7",))
    t.start()
    t.join()
finally:
    threading.excepthook = previous
print("Failures:", failures)
