"""A panic on rayon's pool: in a parallel iterator, in a scope, in a spawned job."""
import os
import subprocess
import sys

import primes

# The panic messages on stderr without a backtrace (Rust reads this at the
# first panic; the children inherit it).
os.environ["RUST_BACKTRACE"] = "0"

for call in [primes.panic_in_par_iter, primes.panic_in_scope]:
    try:
        call()
    except BaseException as e:  # not Exception: section 7.4 says why
        print(f"{call.__name__}: caught {type(e).__name__}: {e}")

# rayon aborts the process this one runs in, so it runs in a child.
code = "import primes, time; primes.panic_in_spawn(); time.sleep(10); print('still here')"
child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
print(f"panic_in_spawn in a child: exit code {child.returncode}, stdout {child.stdout!r}, stderr:")
for line in child.stderr.splitlines():
    if line:  # Rust starts a panic message with a blank line
        print(f"  {line}")
print("this process goes on")
