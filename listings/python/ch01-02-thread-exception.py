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

# A hook of our own can record the failure for the main thread to see.
failures = []


def record_failure(args):
    # A string, not args.exc_value or args.thread: keeping those can keep
    # objects alive (the threading docs warn of it).
    failures.append(f"{args.thread.name}: {args.exc_type.__name__}: {args.exc_value}")


threading.excepthook = record_failure
t = threading.Thread(target=parse, args=("x7",))
t.start()
t.join()
threading.excepthook = threading.__excepthook__  # the default hook, back
print("Failures:", failures)
