"""Two threads print short lines to an unbuffered stdout, as `python3 -u` makes
it, three ways. Each way runs in a child process, whose lines this program
reads back and checks: a torn line is one that is not a whole line of one
thread."""
import subprocess
import sys
import threading

LINES = 20_000  # per thread
WAYS = {
    "print": "print(line)",
    "write": 'sys.stdout.write(line + "\\n")',
    "lock": "print(line) holding a Lock",
}
lock = threading.Lock()


def shout(letter, how):
    line = letter * 8
    for _ in range(LINES):
        if how == "print":
            print(line)  # writes line, then "\n": two writes
        elif how == "write":
            sys.stdout.write(line + "\n")  # one write
        else:
            with lock:
                print(line)


def count_torn(how):
    # -I: the child ignores PYTHON* variables (PYTHONUNBUFFERED among them) and
    # the user's site directory, so only -u decides how its stdout is buffered.
    child = [sys.executable, "-I", "-u", __file__, how]
    out = subprocess.run(child, capture_output=True, check=True).stdout
    # errors="replace": a damaged line need not even be valid UTF-8. split("\n"),
    # not splitlines(), which also splits at "\r", "\x0c" and others in garbage.
    lines = out.decode(errors="replace").removesuffix("\n").split("\n")
    torn = [line for line in lines if line not in ("A" * 8, "B" * 8)]
    example = f", such as {torn[0][:24]!r}" if torn else ""
    print(f"{WAYS[how] + ':':31} {len(lines)} lines, {len(torn)} torn{example}")
    if len(lines) != 2 * LINES:  # a tear keeps the count; lost output does not
        print(f"    not {2 * LINES} lines: some output was lost or overwritten")


def main():
    if len(sys.argv) == 2:  # the child
        threads = [threading.Thread(target=shout, args=(c, sys.argv[1])) for c in "AB"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for how in WAYS:
            count_torn(how)


if __name__ == "__main__":
    main()
