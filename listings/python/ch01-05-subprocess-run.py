"""subprocess.run and its everyday options, on the programs the Rust listing runs."""
import os
import shlex
import subprocess
from subprocess import DEVNULL, PIPE


def run(args, **options):
    """What a Python program usually wants: the output as text, an exception on failure."""
    return subprocess.run(args, capture_output=True, text=True, check=True, **options).stdout


out = run(["printf", "%s\n", "one", "two"])
print(f"capture_output=True, text=True: {out!r}")

try:
    run(["sh", "-c", "echo 'disk full' >&2; exit 3"])
except subprocess.CalledProcessError as e:
    print(f"check=True: CalledProcessError, returncode {e.returncode}, stderr {e.stderr!r}")

killed = subprocess.run(["sh", "-c", "kill -9 $$"])
print(f"killed: returncode {killed.returncode}")

try:
    run(["no-such-program"])
except FileNotFoundError as e:
    print(f"no such program: FileNotFoundError: {e}")

print(f"cwd='/tmp': {run(['pwd'], cwd='/tmp')!r}")

# env= is the child's whole environment: to add a variable, copy os.environ.
script = 'echo "GREETING=$GREETING, PATH ${PATH:+inherited}"'
out = run(["sh", "-c", script], env={**os.environ, "GREETING": "hi"})
print(f"env={{**os.environ, ...}}: {out!r}")
print(f"env={{...}}: {run(['env'], env={'GREETING': 'hi'})!r}")

done = subprocess.run(["sh", "-c", "echo nobody sees this"], stdout=DEVNULL)
print(f"stdout=DEVNULL: returncode {done.returncode}")

# Without stdin=DEVNULL, wc would read this program's stdin: at a terminal, it would wait.
print(f"stdin=DEVNULL: {run(['wc', '-c'], stdin=DEVNULL)!r}")

out = run("printf '%s\\n' pear apple fig | sort", shell=True)
print(f"shell=True: {out!r}")

# Pasted into a script, a value is split by the shell; quoted or passed as $1, it is not.
name = "two words"
pasted = run(f"printf '<%s>' {name}", shell=True)
print(f"pasted into the script: {pasted}")
quoted = run(f"printf '<%s>' {shlex.quote(name)}", shell=True)
print(f"pasted with shlex.quote: {quoted}")
passed = run(["printf '<%s>' \"$1\"", "sh", name], shell=True)
print(f"passed as $1: {passed}")
print(f"no shell at all: {run(['printf', '<%s>', name])}")

# printf ... | sort, as the subprocess documentation writes a pipeline.
first = subprocess.Popen(["printf", "%s\n", "pear", "apple", "fig"], stdout=PIPE)
second = subprocess.Popen(["sort"], stdin=first.stdout, stdout=PIPE, text=True)
first.stdout.close()  # sort has its own copy; printf gets SIGPIPE if sort exits early
out, _ = second.communicate()
print(f"printf | sort: {out!r}, printf returncode {first.wait()}")
