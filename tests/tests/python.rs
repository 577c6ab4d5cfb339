//! Every ```` ```python ```` block of every chapter, run with `python3`.

use std::process::Command;
use std::time::Duration;

use book_tests::run_with_timeout;

fn run_python_block(location: &str, file: &str) {
    let mut python = Command::new("python3");
    python.arg(file);
    let run = run_with_timeout(location, python, Duration::from_secs(60));
    assert!(
        run.status.success(),
        "the Python block at {location} failed ({}):\n{}",
        run.status,
        run.output
    );
}

include!(concat!(env!("OUT_DIR"), "/python_tests.rs"));
