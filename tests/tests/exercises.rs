//! The exercises (`listings/exercises/NAME/`): each is a package whose
//! starter (`starter.rs`, binary `NAME`) and solution (`solution.rs`, binary
//! `NAME-solution`) share the tests in `tests.rs`.
//!
//! - The starter compiles (without warnings: `cargo clippy` checks that) and
//!   every one of its tests fails: each test asks for work the reader has
//!   not done yet.
//! - Every test passes on the solution.
//! - The chapter's exercises page shows the starter, the tests and the solution.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};
use regex::Regex;

fn exercises() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(book_root().join("listings/exercises"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    names
}

/// The test executables of the workspace's binaries, by binary name, from the
/// build the listings test makes too (so nothing is compiled twice).
fn test_executables() -> &'static BTreeMap<String, PathBuf> {
    static FOUND: OnceLock<BTreeMap<String, PathBuf>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = Command::new(cargo)
            .args(["build", "--quiet", "--workspace", "--all-targets"])
            .args(["--message-format", "json-render-diagnostics"])
            .current_dir(book_root())
            .output()
            .expect("run cargo build");
        assert!(
            output.status.success(),
            "building the workspace failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut found = BTreeMap::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let message: serde_json::Value = serde_json::from_str(line).unwrap();
            let is_bin = message["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k == "bin"));
            let is_test = message["profile"]["test"].as_bool() == Some(true);
            if let (true, true, Some(exe)) = (is_bin, is_test, message["executable"].as_str()) {
                let name = message["target"]["name"].as_str().unwrap();
                found.insert(name.to_string(), PathBuf::from(exe));
            }
        }
        found
    })
}

/// Runs the tests of one binary: (passed, failed, everything it printed).
fn run_tests(what: &str, binary: &str) -> (usize, usize, String) {
    let exe = test_executables()
        .get(binary)
        .unwrap_or_else(|| panic!("{what}: no test executable for the binary {binary}"));
    let mut command = Command::new(exe);
    command.current_dir(book_root()).env("RUST_BACKTRACE", "0");
    let run = run_with_timeout(what, command, Duration::from_secs(120));
    let summary = Regex::new(r"test result: \w+\. (\d+) passed; (\d+) failed").unwrap();
    let (mut passed, mut failed) = (0, 0);
    for caps in summary.captures_iter(&run.output) {
        passed += caps[1].parse::<usize>().unwrap();
        failed += caps[2].parse::<usize>().unwrap();
    }
    (passed, failed, run.output)
}

fn check(name: &str) {
    let root = book_root();
    let dir = root.join("listings/exercises").join(name);
    for file in ["Cargo.toml", "starter.rs", "tests.rs", "solution.rs"] {
        assert!(
            dir.join(file).exists(),
            "listings/exercises/{name}/{file} is missing"
        );
    }
    let chapter = &name[..4];
    let page = fs::read_dir(root.join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let file = p.file_name().unwrap().to_string_lossy();
            file.starts_with(chapter) && file.ends_with("-exercises.md")
        })
        .unwrap_or_else(|| panic!("no src/{chapter}-NN-exercises.md for {name}"));
    let text = fs::read_to_string(&page).unwrap();
    for file in ["starter.rs", "tests.rs", "solution.rs"] {
        let include = format!("{{{{#include ../listings/exercises/{name}/{file}}}}}");
        assert!(
            text.contains(&include),
            "{} does not show {include}",
            page.display()
        );
    }

    let (passed, failed, output) = run_tests(&format!("the starter of {name}"), name);
    assert!(
        passed == 0 && failed > 0,
        "{name}: every test must fail on the starter ({passed} passed, {failed} failed):\n{output}"
    );
    let solution = format!("{name}-solution");
    let (passed, failed, output) = run_tests(&format!("the solution of {name}"), &solution);
    assert!(
        passed > 0 && failed == 0,
        "{name}: every test must pass on the solution ({passed} passed, {failed} failed):\n{output}"
    );
}

/// One test, the exercises checked in parallel.
#[test]
fn starters_fail_their_tests_and_solutions_pass_them() {
    let names = exercises();
    std::thread::scope(|s| {
        let checks: Vec<_> = names
            .iter()
            .map(|name| (name, s.spawn(move || check(name))))
            .collect();
        let failed: Vec<&String> = checks
            .into_iter()
            .filter_map(|(name, check)| check.join().is_err().then_some(name))
            .collect();
        assert!(
            failed.is_empty(),
            "exercises that failed their checks: {failed:?}"
        );
    });
}
