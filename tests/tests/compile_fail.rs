//! Every `compile_fail` block of every chapter must fail to compile with
//! exactly the error codes its fence lists (`rust,compile_fail,E0499`).
//! rustdoc checks that such a block fails, but on a stable toolchain it
//! ignores the codes, so this test compiles each block with rustc itself.
//! The blocks use only the standard library.

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

use book_tests::run_with_timeout;
use regex::Regex;

fn check_compile_fail(location: &str, file: &str, codes: &[&str]) {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("compile_fail.rmeta");
    let mut rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()));
    rustc
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit",
            "metadata",
        ])
        .args(["--color", "never", "-o"])
        .arg(out)
        .arg(file);
    let run = run_with_timeout(location, rustc, Duration::from_secs(60));
    assert!(
        !run.status.success(),
        "the compile_fail block at {location} compiles"
    );
    let code = Regex::new(r"error\[(E\d{4})\]").unwrap();
    let found: BTreeSet<&str> = code
        .captures_iter(&run.output)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let expected: BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(
        found, expected,
        "the compile_fail block at {location} fails with other error codes than its fence lists \
         (blocks may use only std). The compiler said:\n{}",
        run.output
    );
}

include!(concat!(env!("OUT_DIR"), "/compile_fail_tests.rs"));
