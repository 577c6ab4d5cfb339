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
