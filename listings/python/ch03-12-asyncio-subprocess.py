"""Child processes from asyncio: collect all a child printed with communicate(), or read
its lines as they come and then wait() for it. The children are this same script, run
again by sys.executable with "count N"."""
import asyncio
import sys
import time


def count(n):
    for i in range(1, n + 1):
        time.sleep(0.03)
        # sys.stdout is block-buffered when it is not a terminal: flush, or the parent
        # sees nothing until the end (unless the child runs with -u or PYTHONUNBUFFERED=1).
        print(f"line {i} of {n}", flush=True)


async def parent():
    me = [sys.executable, __file__]

    proc = await asyncio.create_subprocess_exec(*me, "count", "3", stdout=asyncio.subprocess.PIPE)
    stdout, _ = await proc.communicate()
    print(f"communicate(): exit code {proc.returncode}, {stdout.decode().splitlines()}")

    start = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(*me, "count", "3", stdout=asyncio.subprocess.PIPE)
    async for line in proc.stdout:  # each line with its b"\n"; the loop ends with the output
        ms = round((time.perf_counter() - start) * 1000)
        print(f"{ms:>4} ms  read {line.decode().rstrip()!r}")
    code = await proc.wait()  # the end of its output is not its exit
    print(f"{round((time.perf_counter() - start) * 1000):>4} ms  wait(): exit code {code}")


if sys.argv[1:2] == ["count"] and len(sys.argv) == 3 and sys.argv[2].isdigit():
    count(int(sys.argv[2]))
elif len(sys.argv) == 1:
    asyncio.run(parent())
else:
    print("usage: ch03-12-asyncio-subprocess.py [count N]", file=sys.stderr)
    sys.exit(2)
