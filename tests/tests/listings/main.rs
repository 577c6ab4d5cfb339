//! Runs every listing and compares what it printed with the output file its
//! chapter shows (`listings/output/NAME.txt`).
//!
//! What legitimately changes from run to run is declared per listing, as
//! [`Rule`]s, and normalised on both sides before comparing; nothing else is.
//! A timing must still fall in its range, and lines printed by concurrent work
//! must still all be there.
//!
//! Regenerate every output file from real runs with
//! `UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings`
//! (add a filter, such as `ch02`, to regenerate one chapter).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{OnceLock, PoisonError, RwLock};
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};
use regex::Regex;

/// Declares a chapter's listings: one test each, named after the listing
/// with `_` for `-`, and the table `ALL` that the coverage test checks.
macro_rules! listings {
    ($($name:ident: $listing:expr,)*) => {
        pub const ALL: &[(&str, Listing)] = &[$((stringify!($name), $listing),)*];
        $(
            #[test]
            fn $name() {
                check(&stringify!($name).replace('_', "-"), &$listing);
            }
        )*
    };
}

mod declared;
mod figures;
mod timeline;
use declared::*;
use figures::Figure;

// One file per chapter, beside this one.
mod ch01;
mod ch02;
mod ch03;
mod ch04;
mod ch05;
mod ch06;
mod ch07;

fn check(name: &str, listing: &Listing) {
    let updating = std::env::var_os("UPDATE_OUTPUTS").is_some();
    if listing.slow && !updating {
        return check_output_file(name, listing);
    }
    if listing.release {
        // Built before taking the lock: a first release build takes a while.
        release_examples();
    }
    static RUNNING: RwLock<()> = RwLock::new(());
    let _alone = listing
        .alone
        .then(|| RUNNING.write().unwrap_or_else(PoisonError::into_inner));
    let _shared = (!listing.alone).then(|| RUNNING.read().unwrap_or_else(PoisonError::into_inner));
    let root = book_root();
    let run = run_listing(&root, listing.of.unwrap_or(name), listing);
    let expected_path = root.join("listings/output").join(format!("{name}.txt"));

    assert_eq!(
        run.status.code(),
        Some(listing.code),
        "listing {name} exited with {} instead of code {}. It printed:\n{}",
        run.status,
        listing.code,
        run.output
    );
    // What differs between two installations of the same toolchain.
    let run_output = match listing.kind {
        Kind::Compiler => toolchain_paths(&run.output),
        _ => run.output.clone(),
    };
    let actual = normalise(name, "this run", &run_output, listing.rules);

    if std::env::var_os("UPDATE_OUTPUTS").is_some() {
        fs::write(&expected_path, &run.output).unwrap();
        if listing.kind == Kind::Compiler {
            record_compiler(name);
        }
        if let Some(figure) = &listing.figure {
            fs::write(
                root.join("src").join(figure.file),
                (figure.draw)(&run.output),
            )
            .unwrap();
        }
        return;
    }
    let expected_raw = fs::read_to_string(&expected_path).unwrap_or_else(|e| {
        panic!(
            "listing {name}: cannot read {}: {e}\n\
             Create it from a real run: UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings",
            expected_path.display()
        )
    });
    let expected = match listing.kind {
        Kind::Compiler => toolchain_paths(&expected_raw),
        _ => expected_raw.clone(),
    };
    let expected = normalise(name, "the output file", &expected, listing.rules);
    if let Some(figure) = &listing.figure {
        check_figure(&root, figure, &expected_raw, &expected_path);
    }
    if listing.kind == Kind::Compiler {
        let recorded = recorded_compiler(name);
        if let Err(difference) = compare_compiler(&expected, &actual, &recorded, rustc_version()) {
            panic!(
                "listing {name}: the compiler said something other than {} shows.\n{difference}\n\
                 If the change is intended, regenerate the output: \
                 UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings {}",
                expected_path.display(),
                name.replace('-', "_"),
            );
        }
        return;
    }
    if actual != expected {
        panic!(
            "listing {name} printed something other than {} shows.\n{}\n\
             If the change is intended, regenerate the outputs: \
             UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings",
            expected_path.display(),
            first_difference(&expected, &actual)
        );
    }
}

/// A slow listing's output file, checked without running the listing: its
/// rules still apply (ranges included), and its figure must be its drawing.
fn check_output_file(name: &str, listing: &Listing) {
    let root = book_root();
    let path = root.join("listings/output").join(format!("{name}.txt"));
    let output = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("listing {name}: cannot read {}: {e}", path.display()));
    normalise(name, "the output file", &output, listing.rules);
    if let Some(figure) = &listing.figure {
        check_figure(&root, figure, &output, &path);
    }
}

/// A figure must be the drawing of the output file it is drawn from. With
/// `UPDATE_FIGURES` set, it is redrawn from that file instead: for a change
/// to the drawing code, which needs no new runs.
fn check_figure(root: &Path, figure: &Figure, output: &str, output_path: &Path) {
    let path = root.join("src").join(figure.file);
    let drawing = (figure.draw)(output);
    if std::env::var_os("UPDATE_FIGURES").is_some() {
        fs::write(&path, drawing).unwrap();
        return;
    }
    let drawn = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        drawn == drawing,
        "{} is not the drawing of {}: regenerate the outputs \
         (UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings), or only \
         the figures if the drawing code changed \
         (UPDATE_FIGURES=1 cargo test -p book-tests --test listings)",
        path.display(),
        output_path.display()
    );
}

fn run_listing(root: &Path, name: &str, listing: &Listing) -> book_tests::Run {
    let timeout = Duration::from_secs(listing.timeout_secs);
    let what = format!("listing {name}");
    let mut command = match listing.kind {
        Kind::Example => {
            let built = if listing.release {
                release_examples()
            } else {
                examples()
            };
            let exe = built.get(name).unwrap_or_else(|| {
                panic!("listing {name}: no example listings/examples/{name}.rs was built")
            });
            // Chapter 5's benchmark runs its Python half with this Python.
            let mut example = Command::new(exe);
            example.env("PYTHON", python_venv());
            example
        }
        Kind::Python => {
            // Line-buffered output, as on a terminal: see tests/python/sitecustomize.py.
            // Chapter 7's listings import the extension modules.
            let path =
                std::env::join_paths([root.join("tests/python"), extensions().clone()]).unwrap();
            let mut python = Command::new(python_venv());
            python
                .env("PYTHONPATH", path)
                .arg(root.join(format!("listings/python/{name}.py")));
            python
        }
        Kind::Compiler => return compile_alone(root, name, timeout),
        Kind::Script => {
            let mut bash = Command::new("bash");
            bash.arg(format!("listings/scripts/{name}.sh"));
            bash
        }
    };
    // The same output in any locale (bash's `time` writes "1,00" in some),
    // and a panic message without a backtrace whatever the caller's
    // `RUST_BACKTRACE`, as on the Playground.
    command
        .args(listing.args)
        .current_dir(root)
        .env("LC_ALL", "C")
        .env("RUST_BACKTRACE", "0");
    run_with_timeout(&what, command, timeout)
}

/// Compiles `listings/compiler/NAME.rs` as `src/main.rs` of a fresh project, so
/// the message names the file a reader would have.
fn compile_alone(root: &Path, name: &str, timeout: Duration) -> book_tests::Run {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("compiler")
        .join(name);
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::copy(
        root.join(format!("listings/compiler/{name}.rs")),
        dir.join("src/main.rs"),
    )
    .unwrap_or_else(|e| panic!("listing {name}: listings/compiler/{name}.rs: {e}"));
    let mut rustc = Command::new(rustc());
    rustc
        .args(["--edition", "2024", "--crate-type", "bin", "--crate-name"])
        .arg(name.replace('-', "_"))
        .args(["--emit", "metadata", "--color", "never", "-o", "main.rmeta"])
        .arg("src/main.rs")
        .current_dir(&dir)
        .env_remove("RUSTFLAGS");
    run_with_timeout(&format!("listing {name}"), rustc, timeout)
}

/// The compiler that compiles `Kind::Compiler` listings: cargo's, when the
/// tests are run with `RUSTC` set.
fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into())
}

/// `rustc --version` of that compiler, such as `rustc 1.95.0 (59807616e 2026-04-14)`.
fn rustc_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let output = Command::new(rustc())
            .arg("--version")
            .output()
            .expect("run rustc --version");
        assert!(output.status.success(), "rustc --version failed");
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    })
}

/// Which compiler printed each compiler output: `NAME: rustc --version`.
const RECORDED: &str = "listings/compiler/recorded-with.txt";

const RECORDED_HEADER: &str = "\
# The compiler that printed the output (listings/output/NAME.txt) of each
# listing in listings/compiler/, as `rustc --version` names it. Written by
# `UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings`. With this
# compiler the tests compare an output exactly; with any other, they compare
# what must hold on every version: the error codes, the primary messages and
# the lines they point at.
";

fn recorded() -> BTreeMap<String, String> {
    let text = fs::read_to_string(book_root().join(RECORDED)).unwrap_or_default();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (name, version) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("{RECORDED}: bad line {line:?}"));
            (name.to_string(), version.to_string())
        })
        .collect()
}

fn recorded_compiler(name: &str) -> String {
    recorded().remove(name).unwrap_or_else(|| {
        panic!(
            "listing {name}: {RECORDED} does not say which compiler printed its output: \
             regenerate it with UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings {}",
            name.replace('-', "_")
        )
    })
}

fn record_compiler(name: &str) {
    // Tests run in parallel: one writer at a time.
    static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    let mut all = recorded();
    all.insert(name.to_string(), rustc_version().to_string());
    let mut text = RECORDED_HEADER.to_string();
    for (name, version) in all {
        text.push_str(&format!("{name}: {version}\n"));
    }
    fs::write(book_root().join(RECORDED), text).unwrap();
}

/// Paths into the standard library's source differ between installations of
/// one toolchain: `/rustc/<commit>/library/...` without the `rust-src`
/// component, `.../lib/rustlib/src/rust/library/...` with it (and then the
/// compiler also quotes the library's source lines). Both become
/// `<rust>/library/...`, without quoted lines.
fn toolchain_paths(text: &str) -> String {
    static PATH: OnceLock<Regex> = OnceLock::new();
    let path = PATH.get_or_init(|| {
        Regex::new(r"(?:/rustc/[0-9a-f]{7,40}|[^\s:]*/lib/rustlib/src/rust)/library/").unwrap()
    });
    let quoted = Regex::new(r"^ *(?:\d+ *)?\|").unwrap();
    let mut out = String::new();
    let mut in_library = false;
    for line in text.lines() {
        let line = path.replace_all(line, "<rust>/library/");
        if in_library && quoted.is_match(&line) {
            continue;
        }
        in_library = line.trim_start().starts_with("--> <rust>/library/");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Compares two compiler outputs (normalised). Printed by the compiler that
/// recorded the expected output (`recorded`), they must be the same. Printed by
/// another, diagnostics are worded and drawn differently from release to
/// release, so only what must hold on every version is compared:
/// [`diagnostics`].
fn compare_compiler(
    expected: &str,
    actual: &str,
    recorded: &str,
    here: &str,
) -> Result<(), String> {
    if recorded == here {
        if expected == actual {
            return Ok(());
        }
        return Err(first_difference(expected, actual));
    }
    let (expected, actual) = (diagnostics(expected), diagnostics(actual));
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "The output was recorded with {recorded}; this is {here}, so only the error codes, \
         primary messages and the lines they point at are compared.\n{}",
        first_difference(&expected, &actual)
    ))
}

/// Builds the example listings once per test run and finds their executables.
fn examples() -> &'static BTreeMap<String, PathBuf> {
    static EXAMPLES: OnceLock<BTreeMap<String, PathBuf>> = OnceLock::new();
    // The whole workspace, tests included, resolves dependency features as
    // `cargo test` did, so the examples it built are reused: building
    // `-p listings` alone would compile tokio and the rest a second time.
    EXAMPLES.get_or_init(|| build_examples(&["--workspace", "--all-targets"]))
}

/// Builds the listings declared `release` as the reader's
/// `cargo run --release -p listings --example NAME` does (sharing its build).
fn release_examples() -> &'static BTreeMap<String, PathBuf> {
    static RELEASE: OnceLock<BTreeMap<String, PathBuf>> = OnceLock::new();
    RELEASE.get_or_init(|| {
        let names: BTreeSet<String> = all()
            .filter(|(_, listing)| listing.release)
            .map(|(ident, listing)| listing.file_name(ident))
            .collect();
        let mut args = vec!["--release".to_string(), "-p".into(), "listings".into()];
        for name in names {
            args.extend(["--example".into(), name]);
        }
        build_examples(&args)
    })
}

/// Runs `cargo build` with `args` and returns the examples it built, by name.
fn build_examples<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> BTreeMap<String, PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--quiet"])
        .args(args)
        .args(["--message-format", "json-render-diagnostics"])
        .current_dir(book_root())
        .output()
        .expect("run cargo build");
    assert!(
        output.status.success(),
        "building the listings failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut found = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let message: serde_json::Value = serde_json::from_str(line).unwrap();
        let is_example = message["target"]["kind"]
            .as_array()
            .is_some_and(|kinds| kinds.iter().any(|k| k == "example"));
        if let (true, Some(exe)) = (is_example, message["executable"].as_str()) {
            let name = message["target"]["name"].as_str().unwrap();
            found.insert(name.to_string(), PathBuf::from(exe));
        }
    }
    found
}

/// The Python of the virtual environment `target/python-venv`: `python3`
/// with the packages pinned in `listings/python/requirements.txt` (Chapter
/// 5's numba and uvloop) and Chapter 7's extension modules, installed the
/// first time a test needs them, as cargo fetches crates. Every Python
/// listing runs with it.
fn python_venv() -> &'static PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let root = book_root();
        let venv = root.join("target/python-venv");
        let python = venv.join("bin/python");
        let requirements = fs::read_to_string(root.join("listings/python/requirements.txt"))
            .expect("read listings/python/requirements.txt");
        // What the environment was made from: the pins, and python3's version.
        let version = Command::new("python3")
            .arg("--version")
            .output()
            .expect("run python3 (the tests need it)");
        let made_from = format!("{}{requirements}", String::from_utf8_lossy(&version.stdout));
        let stamp = venv.join("made-from.txt");
        if fs::read_to_string(&stamp).ok().as_deref() != Some(made_from.as_str()) {
            let _ = fs::remove_dir_all(&venv);
            let run = |command: &mut Command, what: &str| {
                let output = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
                assert!(
                    output.status.success(),
                    "{what} failed; the Python listings need it (python3's venv module, on \
                     Debian the package python3-venv, and PyPI):\n{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                String::from_utf8_lossy(&output.stdout).into_owned()
            };
            run(
                Command::new("python3").args(["-m", "venv"]).arg(&venv),
                "python3 -m venv target/python-venv",
            );
            run(
                Command::new(&python)
                    .args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                    ])
                    .args(["--require-virtualenv", "-r"])
                    .arg(root.join("listings/python/requirements.txt")),
                "installing listings/python/requirements.txt into target/python-venv with pip",
            );
            // Chapter 7's modules, where the tests build them: a reader who
            // runs this Python imports them too.
            let site = run(
                Command::new(&python).args([
                    "-c",
                    "import sysconfig; print(sysconfig.get_path('purelib'))",
                ]),
                "asking target/python-venv for its site-packages",
            );
            let pth = Path::new(site.trim()).join("book-extensions.pth");
            fs::write(pth, format!("{}\n", extensions().display())).unwrap();
            fs::write(&stamp, made_from).unwrap();
        }
        extensions();
        python
    })
}

/// Builds Chapter 7's extension modules (the packages in
/// `listings/extensions/`) once per test run, as a release build (their
/// listings time them), and returns the directory where each is copied under
/// the name Python imports: `MODULE.so`, as `maturin develop` installs it
/// (with a longer suffix that names the Python it is for).
fn extensions() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = book_root();
        let mut args = vec!["build", "--quiet", "--release"];
        let packages: Vec<String> = fs::read_dir(root.join("listings/extensions"))
            .unwrap()
            .map(|entry| {
                let manifest =
                    fs::read_to_string(entry.unwrap().path().join("Cargo.toml")).unwrap();
                let name = Regex::new(r#"(?m)^name = "([^"]+)""#).unwrap();
                name.captures(&manifest).expect("a package name")[1].to_string()
            })
            .collect();
        for package in &packages {
            args.extend(["-p", package]);
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = Command::new(cargo)
            .args(args)
            .args(["--message-format", "json-render-diagnostics"])
            .current_dir(&root)
            .output()
            .expect("run cargo build");
        assert!(
            output.status.success(),
            "building the extension modules failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        book_tests::check_pyo3_python(&String::from_utf8_lossy(&output.stdout));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-extensions");
        fs::create_dir_all(&dir).unwrap();
        let mut copied = 0;
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let message: serde_json::Value = serde_json::from_str(line).unwrap();
            let is_cdylib = message["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k == "cdylib"));
            if !is_cdylib {
                continue;
            }
            // libNAME.so on Linux, libNAME.dylib on macOS: Python wants NAME.so on both.
            let module = message["target"]["name"].as_str().unwrap();
            for file in message["filenames"].as_array().unwrap() {
                let file = Path::new(file.as_str().unwrap());
                if file.extension().is_some_and(|e| e == "so" || e == "dylib") {
                    // Through a new file: a running Python may have mapped the old one.
                    let partial = dir.join(format!("{module}.so.partial"));
                    fs::copy(file, &partial).unwrap();
                    fs::rename(&partial, dir.join(format!("{module}.so"))).unwrap();
                    copied += 1;
                }
            }
        }
        assert_eq!(
            copied,
            packages.len(),
            "not every extension module was built: {packages:?}"
        );
        dir
    })
}

/// An include of a missing anchor shows nothing, without a word from mdBook:
/// every `{{#include FILE:NAME}}` and `{{#rustdoc_include FILE:NAME}}` of a
/// chapter names an anchor its file has.
#[test]
fn every_included_anchor_exists() {
    let root = book_root();
    let include =
        Regex::new(r"\{\{#(?:rustdoc_)?include \.\./([^:}]+):([A-Za-z_][\w-]*)\}\}").unwrap();
    let mut problems = Vec::new();
    for entry in fs::read_dir(root.join("src")).unwrap() {
        let page = entry.unwrap().path();
        let text = fs::read_to_string(&page).unwrap_or_default();
        for c in include.captures_iter(&text) {
            let file = fs::read_to_string(root.join(&c[1])).unwrap_or_default();
            let (start, end) = (
                format!("ANCHOR: {}", &c[2]),
                format!("ANCHOR_END: {}", &c[2]),
            );
            if !file.contains(&start) || !file.contains(&end) {
                problems.push(format!(
                    "{} includes {}:{}, which has no `{start}` and `{end}`",
                    page.display(),
                    &c[1],
                    &c[2]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every listing file has a test and an output file that a chapter shows,
/// and every declared listing has its file.
#[test]
fn every_listing_is_declared_and_shown() {
    let root = book_root();
    let chapters: String = fs::read_dir(root.join("src"))
        .unwrap()
        .map(|entry| fs::read_to_string(entry.unwrap().path()).unwrap_or_default())
        .collect();
    let runs: BTreeSet<String> = all().map(|(ident, _)| ident.replace('_', "-")).collect();
    let declared: BTreeMap<String, Kind> = all()
        .map(|(ident, listing)| {
            let name = listing.file_name(ident);
            (name, listing.kind)
        })
        .collect();

    let mut on_disk = BTreeSet::new();
    for (dir, ext, kind) in [
        ("examples", "rs", Kind::Example),
        ("python", "py", Kind::Python),
        ("compiler", "rs", Kind::Compiler),
        ("scripts", "sh", Kind::Script),
    ] {
        for entry in fs::read_dir(root.join("listings").join(dir))
            .into_iter()
            .flatten()
        {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == ext) {
                let name = path.file_stem().unwrap().to_str().unwrap().to_string();
                assert!(
                    !name.contains('_'),
                    "{}: listing names use '-', not '_'",
                    path.display()
                );
                assert_eq!(
                    declared.get(&name),
                    Some(&kind),
                    "{} has no test: declare it in tests/tests/listings/chNN.rs",
                    path.display()
                );
                let file = format!("listings/{dir}/{name}.{ext}");
                assert!(chapters.contains(&file), "no chapter shows {file}");
                on_disk.insert(name);
            }
        }
    }
    for name in declared.keys() {
        assert!(on_disk.contains(name), "{name} is declared but has no file");
    }
    for name in &runs {
        let output = format!("listings/output/{name}.txt");
        assert!(
            chapters.contains(&output),
            "no chapter shows the output {output}"
        );
    }
    let figures: BTreeSet<String> = all()
        .filter_map(|(_, listing)| listing.figure.as_ref().map(|f| f.file.to_string()))
        .collect();
    for entry in fs::read_dir(root.join("src/img")).into_iter().flatten() {
        let file = format!("img/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(
            figures.contains(&file),
            "src/{file} is drawn from no listing's output"
        );
    }
    for name in recorded().keys() {
        assert_eq!(
            declared.get(name),
            Some(&Kind::Compiler),
            "{RECORDED} names {name}, which is no listing in listings/compiler/"
        );
    }
    for entry in fs::read_dir(root.join("listings/output")).unwrap() {
        let name = entry.unwrap().path().file_stem().unwrap().to_owned();
        assert!(
            runs.contains(name.to_str().unwrap()),
            "listings/output/{} belongs to no listing",
            name.display()
        );
    }
}

/// The crates a section of a page names as its docs.rs links, as a set.
fn docs_rs_links(page: &str, heading: &str) -> BTreeSet<String> {
    let section = page
        .split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("no section \"## {heading}\""));
    let link = Regex::new(r"\]\(https://docs\.rs/([a-z0-9_-]+)\)").unwrap();
    link.captures_iter(section)
        .map(|c| c[1].to_string())
        .collect()
}

/// The crate names of a `[section]` of a Cargo.toml.
fn cargo_section(manifest: &str, section: &str) -> BTreeSet<String> {
    let name = Regex::new(r"^([A-Za-z0-9_-]+)(?:\.workspace)? *=").unwrap();
    manifest
        .split("\n[")
        .filter(|table| table.starts_with(&format!("{section}]")))
        .flat_map(|table| table.lines().skip(1))
        .filter_map(|line| name.captures(line).map(|c| c[1].to_string()))
        .collect()
}

/// The introduction says which crates the listings use (its docs.rs links
/// under "Running the code"), and that a listing pasted into a fresh project
/// with those crates builds. The listings crate depends on exactly those, so
/// every listing that builds here builds there.
#[test]
fn the_listings_use_exactly_the_crates_the_introduction_names() {
    let root = book_root();
    let intro = fs::read_to_string(root.join("src/introduction.md")).unwrap();
    let named = docs_rs_links(&intro, "Running the code");
    let manifest = fs::read_to_string(root.join("listings/Cargo.toml")).unwrap();
    let used: BTreeSet<String> = cargo_section(&manifest, "dependencies")
        .into_iter()
        .chain(cargo_section(&manifest, "dev-dependencies"))
        .collect();
    assert!(!named.is_empty(), "the introduction names no crate");
    assert_eq!(
        used, named,
        "listings/Cargo.toml depends on other crates than the introduction names \
         (its docs.rs links under \"## Running the code\")"
    );
}

/// The comparison of compiler outputs, on the compiler that recorded them and
/// on another one (simulated by naming another recorded version).
#[test]
fn compiler_outputs_compare_what_must_hold_on_other_versions() {
    let recorded = "\
error[E0499]: cannot borrow `value` as mutable more than once at a time
  --> src/main.rs:7:21
   |
 7 |               s.spawn(|| {
   |                       ^^ `value` was mutably borrowed here in the previous iteration of the loop
   |
note: requirement that the value outlives `'1` introduced here
  --> /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/scoped.rs:203:34

error: aborting due to 1 previous error

For more information about this error, try `rustc --explain E0499`.
";
    let this = "rustc 1.95.0 (59807616e 2026-04-14)";
    let other = "rustc 1.99.0 (0123456789 2027-01-01)";
    let same = |text: &str, here: &str| {
        compare_compiler(
            &toolchain_paths(recorded),
            &toolchain_paths(text),
            this,
            here,
        )
    };
    // Reworded help, redrawn spans, another library path and line: the same
    // diagnostics, so only the recording compiler sees a difference.
    let redrawn = recorded
        .replace("was mutably borrowed here", "is borrowed mutably here")
        .replace(
            "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/scoped.rs:203:34",
            "/rustc/0123456789abcdef0123456789abcdef01234567/library/std/src/thread/scoped.rs:210:30",
        )
        .replace("aborting due to 1 previous error", "aborting due to previous error");
    assert!(same(recorded, this).is_ok());
    assert!(same(recorded, other).is_ok());
    assert!(same(&redrawn, other).is_ok());
    assert!(same(&redrawn, this).is_err());
    // The library's source seen through the rust-src component: the same.
    let with_rust_src = recorded.replace(
        "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/",
        "/home/reader/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/",
    ).replace(
        "scoped.rs:203:34\n",
        "scoped.rs:203:34\n    |\n203 |         F: FnOnce(&'scope Scope<'scope, 'env>) -> T,\n    |                                  ^^\n",
    );
    assert!(same(&with_rust_src, this).is_ok());
    // Another primary message, error code or line pointed at fails everywhere.
    for changed in [
        recorded.replace("cannot borrow `value`", "cannot borrow `other`"),
        recorded.replace("error[E0499]", "error[E0502]"),
        recorded.replace("src/main.rs:7:21", "src/main.rs:8:21"),
        recorded.replace(
            "error: aborting",
            "error[E0382]: use of moved value\n  --> src/main.rs:9:1\n\nerror: aborting",
        ),
    ] {
        assert!(same(&changed, this).is_err(), "{changed}");
        assert!(same(&changed, other).is_err(), "{changed}");
    }
}

/// Whether a listing has a ▶ is decided listing by listing, and the page says
/// so: the Playground check (`tests/playground.rs`, run by `.ci/run`) builds
/// and runs every listing with a ▶ as the Playground would. Here, on every
/// `cargo test`: a listing whose numbers come from a release build asks the
/// Playground for one (`release`), and a listing without a ▶
/// (`noplayground`) says in its caption why and how to run it.
#[test]
fn every_run_button_is_decided() {
    let root = book_root();
    let release: BTreeSet<String> = all()
        .filter(|(_, listing)| listing.release)
        .map(|(ident, listing)| listing.file_name(ident))
        .collect();
    let command = Regex::new(r"<code>(?:[A-Z_]+=\S+\s+)*cargo (run|test) [^<]*</code>").unwrap();
    let mut problems = Vec::new();
    // The ▶ asks for book.toml's edition; the Playground check builds with
    // its manifest's.
    let edition_of = |file: &str, table: &str| -> String {
        let text = fs::read_to_string(root.join(file)).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        value[table]["edition"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let edition = edition_of("book.toml", "rust");
    let playground = edition_of("playground/Cargo.toml", "package");
    if edition != playground {
        problems.push(format!(
            "book.toml's [rust] edition is {edition:?}, and playground/Cargo.toml's \
             {playground:?}: the Playground check must build what the ▶ asks for"
        ));
    }
    let blocks = shown_blocks(&root);
    assert!(!blocks.is_empty(), "no Rust block found under src/");
    for shown in &blocks {
        let at = format!("{}:{} ({})", shown.page, shown.line, shown.file);
        let is_release = release.contains(&shown.name());
        if shown.has_run_button() && is_release && !shown.has("release") {
            problems.push(format!(
                "{at}: its output comes from a release build, and its ▶ asks for a debug \
                 one: add `release` to the fence"
            ));
        }
        // `no_run` hides the ▶ and keeps the editor: for an exercise's
        // starter, whose tests the ▶ would not send. Any other listing
        // without a ▶ is `noplayground`, and says why.
        if shown.has("no_run") && !shown.name().ends_with("-starter") {
            problems.push(format!(
                "{at}: `no_run` hides its ▶ without a word: mark it `noplayground` and \
                 say in its caption why"
            ));
        }
        // mdBook wraps a block without `fn main` in one, and the ▶ would send
        // a fragment of the listing.
        if shown.has_run_button() && !shown.sent_code(&root).contains("fn main") {
            problems.push(format!(
                "{at}: its ▶ sends a part of the listing without its `main`: include the \
                 listing whole, or with {{{{#rustdoc_include}}}}"
            ));
        }
        if shown.attributes.iter().any(|a| a.starts_with("edition")) {
            problems.push(format!(
                "{at}: every listing is edition {edition}, as book.toml and the \
                 Playground check's manifest say: no edition of its own"
            ));
        }
        if shown.has("noplaypen") {
            problems.push(format!(
                "{at}: `noplaypen` is the old name: use `noplayground`"
            ));
        }
        if shown.has("release") && !shown.has_run_button() {
            problems.push(format!(
                "{at}: `release` on a block without a ▶ does nothing"
            ));
        }
        // An exercise's solution has no declared run: the Playground check
        // runs it in the build its fence asks for, and it must succeed there.
        if shown.has("release") && !is_release && !shown.name().ends_with("-solution") {
            problems.push(format!(
                "{at}: its ▶ asks for a release build, and the listings test runs it as a \
                 debug one: declare it `release` in tests/tests/listings/chNN.rs, or drop \
                 `release` from the fence"
            ));
        }
        if shown.has("noplayground") {
            // The caption that names the listing says why; it, or the caption
            // of the output under the listing, gives the command.
            let page = fs::read_to_string(root.join(&shown.page)).unwrap();
            let named = format!("<code>{}</code>", shown.file);
            let caption = page
                .split("\n\n")
                .find(|paragraph| paragraph.contains(&named))
                .unwrap_or("");
            let below: String = page
                .lines()
                .skip(shown.line)
                .skip_while(|line| !line.starts_with("```"))
                .skip(1)
                .take_while(|line| !line.starts_with("```"))
                .collect::<Vec<_>>()
                .join("\n");
            let output_caption = below
                .split("\n\n")
                .find(|p| p.contains("class=\"caption output\""))
                .unwrap_or("");
            if !caption.contains("Playground")
                || !(command.is_match(caption) || command.is_match(output_caption))
            {
                problems.push(format!(
                    "{at}: no ▶ (`noplayground`), so the caption that names {named} must say \
                     why the Playground cannot run it, and it or the caption of the output \
                     below how to run it instead (<code>cargo run ...</code>). \
                     It says: {caption:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
