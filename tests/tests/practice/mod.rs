//! What the quiz and exercise tests share: compiling a program with rustc,
//! once. A compiled program is kept in the tests' target directory, keyed by
//! its source, how it is compiled, the compiler and the locked dependencies,
//! so a warm `cargo test` only runs it.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};

/// Compiles `main` (in `dir`, with `args`), or finds it compiled by an earlier
/// run: the executable, or what the compiler said. `sources` are the files
/// the result depends on; `with_crates` passes the book's crates.
pub fn compile(
    what: &str,
    dir: &Path,
    main: &str,
    sources: &[&str],
    args: &[&str],
    with_crates: bool,
) -> Result<PathBuf, String> {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("practice");
    fs::create_dir_all(&cache).unwrap();
    let mut hasher = std::hash::DefaultHasher::new();
    (main, sources, args, with_crates, rustc_version()).hash(&mut hasher);
    // And how this file compiles: a fix here must not find a result (an
    // error, say) cached by the version before it.
    include_str!("mod.rs").hash(&mut hasher);
    if with_crates {
        // The crates are built for the whole workspace, so any member's
        // manifest may change their features.
        for file in manifests() {
            fs::read_to_string(&file).unwrap().hash(&mut hasher);
        }
    }
    let key = format!("{:016x}", hasher.finish());
    let exe = cache.join(&key);
    let errors = cache.join(format!("{key}.errors"));
    if exe.exists() {
        return Ok(exe);
    }
    if let Ok(text) = fs::read_to_string(&errors) {
        return Err(text);
    }

    let partial = cache.join(format!("{key}.partial"));
    let mut rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()));
    rustc
        .arg(main)
        .args(args)
        .args(["--color", "never", "-o"])
        .arg(&partial)
        .current_dir(dir)
        .env_remove("RUSTFLAGS");
    if with_crates {
        rustc.args(crates());
    }
    let run = {
        let _slot = CompileSlot::take();
        run_with_timeout(what, rustc, Duration::from_secs(600))
    };
    if run.status.success() {
        fs::rename(&partial, &exe).unwrap();
        Ok(exe)
    } else {
        fs::write(&errors, &run.output).unwrap();
        Err(run.output)
    }
}

/// A cold run compiles dozens of programs (quizzes, exercises and their wrong
/// solutions), from many test threads at once: a few compilers at a time keep
/// the machine's memory and the compile timeout safe.
struct CompileSlot;

static SLOTS: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());

impl CompileSlot {
    fn take() -> CompileSlot {
        let most = std::thread::available_parallelism().map_or(2, |n| n.get()) + 1;
        let (running, free) = &SLOTS;
        let mut running = running.lock().unwrap_or_else(PoisonError::into_inner);
        while *running >= most {
            running = free.wait(running).unwrap_or_else(PoisonError::into_inner);
        }
        *running += 1;
        CompileSlot
    }
}

impl Drop for CompileSlot {
    fn drop(&mut self) {
        let (running, free) = &SLOTS;
        *running.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        free.notify_one();
    }
}

/// `Cargo.lock` and the manifest of every package of the workspace.
fn manifests() -> Vec<PathBuf> {
    let root = book_root();
    let mut files = vec![root.join("Cargo.lock"), root.join("Cargo.toml")];
    files.extend(["tests", "listings"].map(|dir| root.join(dir).join("Cargo.toml")));
    let mut exercises: Vec<PathBuf> = fs::read_dir(root.join("listings/exercises"))
        .unwrap()
        .map(|e| e.unwrap().path().join("Cargo.toml"))
        .collect();
    exercises.sort();
    files.extend(exercises);
    files
}

fn rustc_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let out = Command::new(rustc)
            .arg("-vV")
            .output()
            .expect("run rustc -vV");
        String::from_utf8_lossy(&out.stdout).into_owned()
    })
}

/// `--extern` and `-L` arguments for the crates the book's programs may use,
/// as built for this workspace (the build the listings test makes too, so
/// nothing is compiled twice). Only needed when something is compiled.
///
/// pyo3 is built as `.cargo/config.toml` says, with
/// `PYO3_BUILD_EXTENSION_MODULE` set: pyo3-ffi's build script then links
/// nothing to libpython (on Linux and macOS), and a module built with it
/// finds Python's symbols in the python3 that loads it. Build scripts read
/// the variable, rustc does not: a program compiled here needs nothing more.
fn crates() -> &'static Vec<String> {
    static ARGS: OnceLock<Vec<String>> = OnceLock::new();
    ARGS.get_or_init(|| {
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
        // The exercises' extension modules link this build's PyO3.
        book_tests::check_pyo3_python(&String::from_utf8_lossy(&output.stdout));
        // Crate name -> ((version, features), rlib): the newest version wins
        // (rand 0.8 is also in the build, for mdBook), and of one version the
        // build with the most features: mdBook, a build dependency, has its
        // own tokio, built for the build script with fewer features than the
        // workspace's (no `test-util`), and cargo reports the two in
        // whichever order they finish.
        let mut found: BTreeMap<String, ((Vec<u64>, usize), String)> = BTreeMap::new();
        let mut deps_dir = None;
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let message: serde_json::Value = serde_json::from_str(line).unwrap();
            let name = message["target"]["name"].as_str().unwrap_or("");
            let wanted =
                book_tests::LISTING_CRATES.contains(&name) || ["loom", "pyo3"].contains(&name);
            if !wanted {
                continue;
            }
            let id = message["package_id"].as_str().unwrap_or("");
            let version: Vec<u64> = id
                .rsplit(['@', '#'])
                .next()
                .unwrap_or("")
                .split('.')
                .map(|part| part.parse().unwrap_or(0))
                .collect();
            let features = message["features"].as_array().map_or(0, Vec::len);
            let key = (version, features);
            let rlib = message["filenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str())
                .find(|f| f.ends_with(".rlib"));
            if let Some(rlib) = rlib {
                deps_dir = Path::new(rlib).parent().map(Path::to_path_buf);
                if found.get(name).is_none_or(|(k, _)| key > *k) {
                    found.insert(name.to_string(), (key, rlib.to_string()));
                }
            }
        }
        assert_eq!(
            found.len(),
            book_tests::LISTING_CRATES.len() + 2,
            "not every crate was found: {found:?}"
        );
        let mut args = vec![
            "-L".to_string(),
            format!("dependency={}", deps_dir.unwrap().display()),
        ];
        for (name, (_, rlib)) in found {
            args.push("--extern".into());
            args.push(format!("{name}={rlib}"));
        }
        args
    })
}
