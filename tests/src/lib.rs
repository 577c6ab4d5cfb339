//! The book's tests.
//!
//! - The doctests of this crate are the book's chapters, includes expanded
//!   (see `build.rs`): `cargo test` compiles every Rust block with rustdoc,
//!   and checks that every `compile_fail` block fails.
//! - `tests/skeptic.rs` compiles the same blocks with skeptic.
//! - `tests/listings/` runs every listing and compares its output with the
//!   file the chapter shows.
//! - `tests/python.rs` runs every Python block.
//! - `tests/compile_fail.rs` checks the error codes of `compile_fail` blocks.
//! - `tests/book.rs` builds the whole book, admonitions included.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The crates the listings of `listings/examples/` use besides std, as code
/// names them (the introduction names the same; Chapter 6's loom aside).
pub const LISTING_CRATES: [&str; 10] = [
    "tokio",
    "rayon",
    "crossbeam",
    "futures",
    "rand",
    "tokio_util",
    "tracing",
    "tracing_subscriber",
    "serde",
    "serde_json",
];

/// The root of the book: where `book.toml` is.
pub fn book_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// What a program printed, stdout and stderr interleaved as a terminal shows them.
pub struct Run {
    pub status: ExitStatus,
    pub output: String,
}

/// Runs `command` with stdout and stderr sent to one pipe, as a terminal would
/// show them, and kills it (and any processes it started) after `timeout`.
///
/// Panics naming `what` if the program cannot start or does not finish in time.
pub fn run_with_timeout(what: &str, mut command: Command, timeout: Duration) -> Run {
    let (mut reader, writer) = std::io::pipe().expect("create a pipe");
    command
        .stdin(Stdio::null())
        .stdout(writer.try_clone().expect("clone the pipe"))
        .stderr(writer);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: could not start {command:?}: {e}"));
    // Our copies of the pipe's write end must go, or reading never ends.
    drop(command);
    let collector = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        bytes
    });

    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if Instant::now() >= deadline {
            kill_group(&mut child);
            let partial = collector.join().unwrap_or_default();
            panic!(
                "{what}: timed out after {timeout:?} and was killed. It printed:\n{}",
                String::from_utf8_lossy(&partial)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    // Anything the program left running would hold the pipe open forever.
    kill_group(&mut child);
    let output = collector.join().expect("read the output");
    Run {
        status,
        output: String::from_utf8_lossy(&output).into_owned(),
    }
}

fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

// One empty module per chapter, documented by the chapter itself: its Rust
// blocks are this crate's doctests.
include!(concat!(env!("OUT_DIR"), "/doctests.rs"));

/// Checks, from the JSON messages of a `cargo build` that built PyO3, that
/// PyO3 was configured for the `python3` the tests run. PyO3's build asks the
/// interpreter once (`PYO3_PYTHON`, set in `.cargo/config.toml`) and is not
/// rebuilt when `python3` becomes another version (another pyenv version,
/// say); an extension module built for one version and loaded by another may
/// import and then misbehave. Panics saying how to rebuild.
pub fn check_pyo3_python(cargo_messages: &str) {
    // `Py_3_7` ... `Py_3_N` in the `cfgs` of pyo3-ffi's build script: the
    // newest is the interpreter's version (the lines are JSON, read as text).
    let built_for = cargo_messages
        .lines()
        .filter(|line| {
            line.contains(r#""reason":"build-script-executed""#) && line.contains("pyo3-ffi")
        })
        .flat_map(|line| line.split(r#""Py_3_"#).skip(1))
        .filter_map(|rest| rest.split('"').next()?.parse::<u32>().ok())
        .max();
    let Some(minor) = built_for else {
        panic!("the cargo build did not say which Python PyO3 was configured for");
    };
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info.minor)"])
        .output()
        .expect("run python3 (the tests need it)");
    let here: u32 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("python3's minor version");
    assert!(
        here == minor,
        "PyO3 was configured for Python 3.{minor}, and python3 is now 3.{here}: the extension \
         modules would be loaded by another Python than the one they were built for. Rebuild \
         them with `cargo clean -p pyo3-build-config`, then run the tests again"
    );
}
