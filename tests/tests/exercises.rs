//! The exercises (`listings/exercises/NAME/`): each is a package whose
//! starter (`starter.rs`, binary `NAME`) and solution (`solution.rs`, binary
//! `NAME-solution`) share the tests in `tests.rs`.
//!
//! - The starter compiles (without warnings: `cargo clippy` checks that) and
//!   every one of its tests fails: each test asks for work the reader has
//!   not done yet.
//! - Every test passes on the solution.
//! - Every wrong solution (`wrong/SLUG.diff`, a mistake a learner is likely
//!   to make, as a diff against `solution.rs`) fails: the tests its header
//!   names (`Caught by: a, b`) fail, within the run's timeout, so no test
//!   hangs on the bug it is there to catch.
//!
//! Each is compiled with its tests as `cargo test -p NAME` would, by rustc,
//! once (see `practice/mod.rs`): a warm run only runs the tests.
//! An exercise whose library is a `cdylib` (its starter; the solution is an
//! example) is a Python extension module: each program is also compiled as
//! the module, which its tests import in python3 (see [`extension`]).
//! - The chapter's exercises page shows the starter, the tests and the solution.

use std::fs;
use std::path::{Path, PathBuf};
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
fn run_tests(what: &str, name: &str, file: &str, test_args: &[&str]) -> (usize, usize, String) {
    let dir = book_root().join("listings/exercises").join(name);
    run_tests_in(what, name, &dir, file, test_args)
}

/// [`run_tests`] on `file` of `dir`, which holds a copy of the exercise's
/// `tests.rs` beside it.
fn run_tests_in(
    what: &str,
    name: &str,
    dir: &Path,
    file: &str,
    test_args: &[&str],
) -> (usize, usize, String) {
    let read = |f: &str| fs::read_to_string(dir.join(f)).unwrap();
    let (program, tests) = (read(file), read("tests.rs"));
    let crate_name = name.replace('-', "_");
    let args = ["--edition", "2024", "--test", "--crate-name", &crate_name];
    let exe = practice::compile(what, dir, file, &[&program, &tests], &args, true)
        .unwrap_or_else(|errors| panic!("{what} does not compile:\n{errors}"));
    let mut command = Command::new(exe);
    command
        .args(test_args)
        .current_dir(book_root())
        .env("RUST_BACKTRACE", "0");
    if let Some(module) = extension_module(name) {
        let built = extension(what, &module, dir, file, &[&program, &tests]);
        command.env("PYTHON_EXTENSION_DIR", built);
    }
    let run = run_with_timeout(what, command, Duration::from_secs(120));
    let summary = Regex::new(r"test result: \w+\. (\d+) passed; (\d+) failed").unwrap();
    let (mut passed, mut failed) = (0, 0);
    for caps in summary.captures_iter(&run.output) {
        passed += caps[1].parse::<usize>().unwrap();
        failed += caps[2].parse::<usize>().unwrap();
    }
    (passed, failed, run.output)
}

/// The Python module an exercise is, if it is one: the name of its library
/// when its `Cargo.toml` makes that a `cdylib`. Its tests run python3 on
/// programs that import it.
fn extension_module(name: &str) -> Option<String> {
    let manifest = book_root()
        .join("listings/exercises")
        .join(name)
        .join("Cargo.toml");
    let manifest: toml::Value = toml::from_str(&fs::read_to_string(manifest).unwrap()).unwrap();
    let lib = manifest.get("lib")?;
    let crate_types = lib.get("crate-type")?.as_array()?;
    crate_types
        .iter()
        .any(|t| t.as_str() == Some("cdylib"))
        .then(|| lib["name"].as_str().unwrap().to_string())
}

/// Compiles `file` of `dir` as the Python module `module`, as cargo builds
/// the exercise's library (or finds it compiled by an earlier run), and
/// returns a directory of its own that holds it under the name Python
/// imports, `MODULE.so`: the tests find it through `PYTHON_EXTENSION_DIR`.
/// (Without it, they build the module with cargo, as `cargo test -p NAME`
/// needs.)
fn extension(what: &str, module: &str, dir: &Path, file: &str, sources: &[&str]) -> PathBuf {
    let mut args = vec!["--edition", "2024", "--crate-type", "cdylib"];
    args.extend(["--crate-name", module]);
    // What the exercise's build.rs asks for: on macOS, Python's symbols are
    // found when python3 loads the module.
    if cfg!(target_os = "macos") {
        args.extend(["-C", "link-arg=-undefined", "-C", "link-arg=dynamic_lookup"]);
    }
    let library = practice::compile(what, dir, file, sources, &args, true)
        .unwrap_or_else(|errors| panic!("{what} does not compile as a module:\n{errors}"));
    // One per build: the wrong solutions are tested at once.
    let modules = library.with_extension("python");
    let installed = modules.join(format!("{module}.so"));
    if !installed.exists() {
        fs::create_dir_all(&modules).unwrap();
        let partial = modules.join(format!("{module}.so.partial"));
        fs::copy(&library, &partial).unwrap();
        fs::rename(&partial, &installed).unwrap();
    }
    modules
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

    let (passed, failed, output) =
        run_tests(&format!("the starter of {name}"), name, "starter.rs", &[]);
    assert!(
        passed == 0 && failed > 0,
        "{name}: every test must fail on the starter ({passed} passed, {failed} failed):\n{output}"
    );
    let (passed, failed, output) =
        run_tests(&format!("the solution of {name}"), name, "solution.rs", &[]);
    assert!(
        passed > 0 && failed == 0,
        "{name}: every test must pass on the solution ({passed} passed, {failed} failed):\n{output}"
    );

    // The wrong solutions at once, each with all its tests at once: a test
    // that catches a hang waits for its watchdog, and the waits overlap.
    let wrongs = wrong_solutions(name);
    std::thread::scope(|s| {
        for wrong in &wrongs {
            s.spawn(move || check_wrong(name, wrong));
        }
    });
}

fn check_wrong(name: &str, wrong: &Wrong) {
    let what = format!("the wrong solution {name}/{}", wrong.file);
    // The solution with the diff applied, beside a copy of the tests.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("wrong-solutions")
        .join(name)
        .join(&wrong.slug);
    fs::create_dir_all(&dir).unwrap();
    let exercise = book_root().join("listings/exercises").join(name);
    fs::copy(exercise.join("tests.rs"), dir.join("tests.rs")).unwrap();
    fs::write(dir.join("wrong.rs"), &wrong.program).unwrap();
    let test_args = ["--test-threads", "64"];
    let (_, failed, output) = run_tests_in(&what, name, &dir, "wrong.rs", &test_args);
    let missed: Vec<&String> = wrong
        .caught_by
        .iter()
        .filter(|test| !output.contains(&format!("test tests::{test} ... FAILED")))
        .collect();
    assert!(
        failed > 0 && missed.is_empty(),
        "{what} ({}) must fail the tests {:?}, and these did not fail: {missed:?}\n{output}",
        wrong.mistake,
        wrong.caught_by
    );
}

/// A wrong solution of an exercise, and the tests that must reject it.
struct Wrong {
    /// `wrong/SLUG.diff`, relative to the exercise's directory.
    file: String,
    slug: String,
    /// What it gets wrong: its header's `Wrong: ...` line.
    mistake: String,
    /// Its header's `Caught by: a, b`: tests of `tests.rs` that must fail.
    caught_by: Vec<String>,
    /// The solution with the diff applied.
    program: String,
}

/// The wrong solutions in `listings/exercises/NAME/wrong/`: every exercise
/// ships at least one. Each is a diff against `solution.rs` (`diff -u`),
/// headed by the mistake and the tests that catch it, so that it shows the
/// mistake alone and follows the solution when the solution changes.
fn wrong_solutions(name: &str) -> Vec<Wrong> {
    let exercise = book_root().join("listings/exercises").join(name);
    let solution = fs::read_to_string(exercise.join("solution.rs")).unwrap();
    let dir = exercise.join("wrong");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (every exercise ships its wrong solutions)",
                dir.display()
            )
        })
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no wrong solution", dir.display());
    files
        .into_iter()
        .map(|file| {
            let what = format!("listings/exercises/{name}/wrong/{file}");
            let slug = file
                .strip_suffix(".diff")
                .unwrap_or_else(|| {
                    panic!("{what}: a wrong solution is a .diff against solution.rs")
                })
                .to_string();
            let text = fs::read_to_string(dir.join(&file)).unwrap();
            let header = |key: &str| {
                text.lines()
                    .take_while(|line| !line.starts_with("--- "))
                    .find_map(|line| line.strip_prefix(key))
                    .map(str::trim)
                    .unwrap_or_else(|| panic!("{what} has no `{key}` line"))
                    .to_string()
            };
            let caught_by: Vec<String> = header("Caught by:")
                .split(',')
                .map(|test| test.trim().to_string())
                .collect();
            assert!(
                caught_by.iter().all(|t| !t.is_empty()),
                "{what}: `Caught by:` names no test"
            );
            let patch = diffy::Patch::from_str(&text)
                .unwrap_or_else(|e| panic!("{what} is not a unified diff: {e}"));
            let program = diffy::apply(&solution, &patch).unwrap_or_else(|e| {
                panic!(
                    "{what} no longer applies to solution.rs ({e}): make the \
                     mistake again on the new solution and `diff -u` it"
                )
            });
            Wrong {
                mistake: header("Wrong:"),
                file: format!("wrong/{file}"),
                slug,
                caught_by,
                program,
            }
        })
        .collect()
}

/// One test, the exercises checked in parallel (each one's wrong solutions in turn).
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
