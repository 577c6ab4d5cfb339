//! Each test runs a small Python program that imports the module `handoff`
//! built from your code, in python3, a child process: a program that has
//! not finished after 6 s is killed, and the test fails with what it waited
//! for. No test measures time.
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use std::{env, fs, thread};

const TIMEOUT: Duration = Duration::from_secs(6);

/// What every program starts with: `check` ends the program with `why` as
/// the test's failure message when `ok` is false.
const PRELUDE: &str = "\
import sys, threading, time
from handoff import Slot

def check(ok, why):
    if not ok:
        sys.exit(why)
";

/// Runs `program` in python3 with the module on its path; the test fails if
/// it fails, or with `hung` if it has not finished after 6 s.
fn python(program: &str, hung: &str) {
    let mut path = vec![module_dir().to_path_buf()];
    path.extend(env::var_os("PYTHONPATH").iter().flat_map(env::split_paths));
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(format!("{PRELUDE}{program}"))
        .env("PYTHONPATH", env::join_paths(path).unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3");
    // Read as it comes, so that a full pipe never blocks the program.
    let mut stderr = child.stderr.take().unwrap();
    let reader = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("not finished after 6 s: {hung}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let stderr = reader.join().unwrap();
    assert!(status.success(), "python3 failed ({status}):\n{stderr}");
}

#[test]
fn a_value_put_before_take_is_taken() {
    python(
        "
slot = Slot()
slot.put(7)
got = slot.take()
check(got == 7, f'put(7), then take() returned {got}')
check(slot.waiters() == 0, f'waiters() is {slot.waiters()}, and no take is waiting')
",
        "take() never returned, though put(7) came before it: take must look for a value \
         before it waits (a notify that comes before the wait wakes nobody), and \
         wait_while's condition says when to go on waiting",
    );
}

#[test]
fn each_value_is_taken_once() {
    python(
        "
slot = Slot()
slot.put(1)
first = slot.take()
try:
    slot.put(2)
except RuntimeError as error:
    sys.exit(f'put(1), take() returned {first}, then put(2) failed: {error}. '
             'take must take the value out of the slot, not copy it')
second = slot.take()
check((first, second) == (1, 2), f'put(1), take(), put(2), take() returned {first}, {second}')
",
        "take() never returned, though put(1) came before it: take must look for a value \
         before it waits",
    );
}

#[test]
fn take_releases_the_gil() {
    python(
        "
slot = Slot()

def producer():
    # Puts once a take is waiting: while that take holds the GIL, this
    # thread cannot even look.
    while slot.waiters() == 0:
        time.sleep(0.001)
    slot.put(42)

threading.Thread(target=producer, daemon=True).start()
got = slot.take()
check(got == 42, f'a thread put 42, and take() returned {got}')
check(slot.waiters() == 0,
      f'waiters() is {slot.waiters()} once take returned: take must count itself out')
",
        "the main thread is in take(), and the thread that is to put the value waits \
         until waiters() says that a take is waiting. Either take holds the GIL while it \
         waits, and no other Python thread can run (wait inside py.detach), or it does \
         not count itself in waiters while it waits",
    );
}

#[test]
fn several_takers_take_one_value_each() {
    python(
        "
slot = Slot()
got, errors = [], []

def taker():
    try:
        got.append(slot.take())
    except BaseException as error:
        errors.append(error)

takers = [threading.Thread(target=taker, daemon=True) for _ in range(4)]
for thread in takers:
    thread.start()
for value in range(1, 5):
    # Every taker not yet served is waiting, and the last value was taken.
    while (slot.waiters() < 5 - value or len(got) < value - 1) and not errors:
        time.sleep(0.001)
    if errors:
        raise errors[0]
    slot.put(value)
for thread in takers:
    thread.join()
check(not errors, f'a taker failed: {errors}')
check(sorted(got) == [1, 2, 3, 4], f'four threads took {sorted(got)} of 1, 2, 3, 4')
check(slot.waiters() == 0,
      f'waiters() is {slot.waiters()}, and every take returned: take must count itself out')
",
        "four threads are in take(), and before each of its puts (1, 2, 3, 4) the main \
         thread waits until waiters() counts every thread not yet served. take must add \
         itself to waiters while it waits (`+= 1`), take itself off once it has its value \
         (`-= 1`), and release the GIL",
    );
}

/// The directory that holds the module under test as `handoff.so`, the name
/// Python imports: where the book's tests built it (`PYTHON_EXTENSION_DIR`),
/// or, under `cargo test`, where this builds it with cargo.
fn module_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| match env::var_os("PYTHON_EXTENSION_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => build_with_cargo(),
    })
}

/// Builds the module of the crate under test: the package's library (your
/// code) or its example (the solution), whichever these tests are part of.
fn build_with_cargo() -> PathBuf {
    let Some(crate_name) = option_env!("CARGO_CRATE_NAME") else {
        panic!("not built by cargo: set PYTHON_EXTENSION_DIR to where handoff.so is");
    };
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--quiet", "--lib", "--examples"])
        .args(["-p", "ch07-release-the-gil"])
        .args(["--message-format", "json-render-diagnostics"])
        .output()
        .expect("run cargo build");
    // Its output only if it fails: its warnings are those that the build of
    // these tests showed already.
    assert!(
        output.status.success(),
        "cargo build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // libNAME.so on Linux, libNAME.dylib on macOS: one line per artifact,
    // with its files in quotes.
    let built = String::from_utf8(output.stdout).unwrap();
    let library = built
        .split('"')
        .find(|text| {
            [".so", ".dylib"]
                .iter()
                .any(|ext| text.ends_with(&format!("/lib{crate_name}{ext}")))
        })
        .unwrap_or_else(|| panic!("cargo built no lib{crate_name}.so"));
    let dir = Path::new(library)
        .parent()
        .unwrap()
        .join(format!("{crate_name}-python"));
    fs::create_dir_all(&dir).unwrap();
    // Through a new file: a Python still running may have the old one open.
    let partial = dir.join(format!("handoff.so.{}", std::process::id()));
    fs::copy(library, &partial).unwrap();
    fs::rename(&partial, dir.join("handoff.so")).unwrap();
    dir
}
