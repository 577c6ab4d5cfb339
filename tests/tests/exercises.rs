//! The exercises (`listings/exercises/NAME/`): each is a package whose
//! starter (`starter.rs`, binary `NAME`) and solution (`solution.rs`, binary
//! `NAME-solution`) share the tests in `tests.rs`.
//!
//! - The starter compiles (without warnings: `cargo clippy` checks that) and
//!   every one of its tests fails: each test asks for work the reader has
//!   not done yet.
//! - Every test passes on the solution.
//!
//! Each is compiled with its tests as `cargo test -p NAME` would, by rustc,
//! once (see `practice/mod.rs`): a warm run only runs the tests.
//! - The chapter's exercises page shows the starter, the tests and the solution.

use std::fs;
use std::process::Command;
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};
use regex::Regex;

mod practice;

fn exercises() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(book_root().join("listings/exercises"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    names
}

/// Compiles `file` of the exercise `name` with its tests, as `cargo test`
/// does (or finds it compiled by an earlier run), and runs the tests:
/// (passed, failed, everything it printed).
fn run_tests(what: &str, name: &str, file: &str) -> (usize, usize, String) {
    let dir = book_root().join("listings/exercises").join(name);
    let read = |f: &str| fs::read_to_string(dir.join(f)).unwrap();
    let (program, tests) = (read(file), read("tests.rs"));
    let crate_name = name.replace('-', "_");
    let args = ["--edition", "2024", "--test", "--crate-name", &crate_name];
    let exe = practice::compile(what, &dir, file, &[&program, &tests], &args, true)
        .unwrap_or_else(|errors| panic!("{what} does not compile:\n{errors}"));
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

    let (passed, failed, output) = run_tests(&format!("the starter of {name}"), name, "starter.rs");
    assert!(
        passed == 0 && failed > 0,
        "{name}: every test must fail on the starter ({passed} passed, {failed} failed):\n{output}"
    );
    let (passed, failed, output) =
        run_tests(&format!("the solution of {name}"), name, "solution.rs");
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
