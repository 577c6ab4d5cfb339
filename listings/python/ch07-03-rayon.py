"""One call that counts on every core, and a callback from rayon's threads."""
import subprocess
import sys
import threading

import primes

LIMIT, CHUNK = 200_000, 10_000

parallel = primes.count_primes_rayon(LIMIT, CHUNK)
sequential = primes.count_primes_held(0, LIMIT)
print(f"count_primes_rayon: {parallel} primes below {LIMIT}, "
      f"the same as one thread counts: {parallel == sequential}")

calls = []


def progress(start, count):
    # Called on rayon's threads; CPython's list.append is safe from any thread.
    calls.append((start, count, threading.get_ident()))


total = primes.count_primes_reporting(LIMIT, CHUNK, progress)
threads = {ident for _, _, ident in calls}
print(f"count_primes_reporting: {total} primes, {len(calls)} calls to progress, "
      f"whose counts add up to {sum(count for _, count, _ in calls)}")
print(f"  made from {len(threads)} threads, the calling thread among them: "
      f"{threading.get_ident() in threads}")

# The held version never returns, so it runs in a child process, which
# subprocess kills when its time is up.
for name, seconds in [("count_primes_reporting", 60), ("count_primes_reporting_held", 2)]:
    code = f"import primes; primes.{name}({LIMIT}, {CHUNK}, lambda start, count: None)"
    try:
        child = subprocess.run([sys.executable, "-c", code], timeout=seconds)
        print(f"{name} in a child: returned, exit code {child.returncode}")
    except subprocess.TimeoutExpired:
        print(f"{name} in a child: no answer after {seconds} s, killed")
