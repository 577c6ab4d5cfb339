//! The Playground check: every listing the book shows with a ▶, built and run
//! under a model of the Rust Playground's conditions, as it would be when a
//! reader presses ▶.
//!
//! - mdBook 0.4.51's `book.js` sends the block's code, hidden lines included,
//!   to `https://play.rust-lang.org/evaluate.json` and gives up after 6
//!   seconds, compile time included. It asks for a debug build
//!   (`optimize: "0"`); the book's `theme/playground.js` asks for a release
//!   build for a block marked `release` (listings that time work).
//! - The Playground builds it with `cargo run` in a crate whose dependencies
//!   are built already: `playground/Cargo.toml` and its `Cargo.lock` hold the
//!   Playground's profiles and its versions of the crates the listings use.
//!   Each ▶ is built here from the code it sends ([`Shown::sent_code`]).
//! - It runs in a container with 512 MB of memory (640 MB with swap), 512
//!   tasks, no network but loopback, as an unprivileged user without
//!   capabilities: `playground/sandbox.sh` runs each listing under the same.
//! - The page then shows what the program printed to stdout, or, if it
//!   failed, cargo's messages and the program's stderr, then its stdout. A
//!   run whose stdout or stderr passes 640 KiB ends in an error instead, and
//!   the Playground answers only once every process the program started has
//!   ended.
//!
//! Each listing must finish compile and run within [`BUDGET`], exit as the
//! listings test expects, and print what the book shows under the same rules
//! (timings in their ranges); a listing that shows a compiler's errors must
//! show the same ones. A listing that cannot has no ▶ (`noplayground`), and
//! its caption says why and how to run it instead: the listings test checks
//! that part on every `cargo test`.
//!
//! Not modelled: the Playground's own machine (its speed, and its number of
//! cores, which sets the size of thread pools: the outputs that depend on it
//! are ranges), its newer stable compiler, Docker's seccomp filter, the
//! compile and the Playground's worker running inside the same limits as the
//! program (a debug build of a listing peaks at about 230 MB), cargo's
//! messages at the top of a failed run's output, and cargo's reading of the
//! 487 crates the Playground's crate depends on, against the 84 here.
//!
//! Too slow for `cargo test` (a second build of the dependencies, and every
//! listing run one at a time), it is a test target of its own, run by
//! `.ci/run`: `cargo test -p book-tests --test playground`. Linux only, as root
//! or with passwordless `sudo` (cgroups and a network namespace). The copy of
//! the Playground's crate is built in the system's temporary directory, away
//! from the book's own cargo configuration. It writes what it found to
//! `target/playground-check/report.json`, which the browser check reads: no ▶
//! on the site may send code this check did not pass.

use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use book_tests::book_root;

macro_rules! listings {
    ($($name:ident: $listing:expr,)*) => {
        pub const ALL: &[(&str, Listing)] = &[$((stringify!($name), $listing),)*];
    };
}

// The listings' declarations, shared with the listings test, which reads the
// rest of them (timeouts, figures) and draws the figures.
#[allow(dead_code)]
#[path = "listings/declared.rs"]
mod declared;
#[allow(dead_code)]
#[path = "listings/figures.rs"]
mod figures;
#[allow(dead_code)]
#[path = "listings/timeline.rs"]
mod timeline;
use declared::*;
use figures::Figure;
#[path = "listings/ch01.rs"]
mod ch01;
#[path = "listings/ch02.rs"]
mod ch02;
#[path = "listings/ch03.rs"]
mod ch03;
#[path = "listings/ch04.rs"]
mod ch04;
#[path = "listings/ch05.rs"]
mod ch05;
#[path = "listings/ch06.rs"]
mod ch06;
#[path = "listings/ch07.rs"]
mod ch07;

/// How long `book.js` waits for the Playground's answer.
const BOOK_JS_TIMEOUT: Duration = Duration::from_secs(6);

/// What compiling and running a listing may take here. The rest of book.js's
/// six seconds is for what this check does not time: the network, the
/// Playground's queue, the start of its container, cargo's look at its many
/// more crates, and a machine slower than this one. The compile time measured
/// here is a lower bound of the Playground's.
const BUDGET: Duration = Duration::from_secs(4);

/// A listing still running after this is stopped (by `sandbox.sh`), and fails.
const HANG: Duration = Duration::from_secs(30);

/// How much a program may print to stdout, and to stderr, before the
/// Playground gives up on the run (`OUTPUT_BYTE_LIMIT` in
/// compiler/base/orchestrator/src/worker.rs).
const OUTPUT_LIMIT: usize = 640 * 1024;

/// One program a ▶ sends: the listing's code as a block of the book shows it.
struct Sent<'a> {
    /// The binary's name: the listing's, with a number if two blocks of one
    /// listing send different code.
    bin: String,
    shown: &'a Shown,
    code: String,
    release: bool,
}

/// Every distinct program a ▶ sends, in page order.
fn sent_programs<'a>(root: &Path, blocks: &'a [Shown]) -> Vec<Sent<'a>> {
    let mut sent: Vec<Sent> = Vec::new();
    for shown in blocks.iter().filter(|s| s.has_run_button()) {
        let code = shown.sent_code(root);
        let release = shown.has("release");
        if sent.iter().any(|s| s.code == code && s.release == release) {
            continue;
        }
        let same_name = sent
            .iter()
            .filter(|s| s.shown.name() == shown.name())
            .count();
        let bin = match same_name {
            0 => shown.name(),
            n => format!("{}-{}", shown.name(), n + 1),
        };
        sent.push(Sent {
            bin,
            shown,
            code,
            release,
        });
    }
    sent
}

/// The copy of the Playground's crate, with every program a ▶ sends as a
/// binary of its own: in the temporary directory, where no cargo
/// configuration of the book's applies.
fn project(root: &Path, sent: &[Sent]) -> PathBuf {
    // One directory per checkout of the book: two checkouts' runs must not
    // build each other's listings.
    // (FNV-1a of the path: the same name on every run and toolchain.)
    let hash = root
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let dir = std::env::temp_dir().join(format!("book-playground-check-{hash:016x}"));
    let _ = fs::remove_dir_all(dir.join("src"));
    fs::create_dir_all(dir.join("src/bin")).unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "src/main.rs"] {
        fs::copy(root.join("playground").join(file), dir.join(file)).unwrap();
    }
    for program in sent {
        fs::write(
            dir.join(format!("src/bin/{}.rs", program.bin)),
            &program.code,
        )
        .unwrap();
    }
    dir
}

fn cargo_build(dir: &Path, bin: &str, release: bool) -> (bool, String, Option<PathBuf>) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args([
            "build",
            "--locked",
            "--bin",
            bin,
            "--message-format",
            "json",
        ])
        .current_dir(dir)
        .env_remove("RUSTFLAGS")
        .env("CARGO_TARGET_DIR", dir.join("target"));
    if release {
        command.arg("--release");
    }
    let output = command.output().expect("run cargo build");
    let mut rendered = String::new();
    let mut exe = None;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(text) = message["message"]["rendered"].as_str() {
            rendered.push_str(text);
        }
        if message["target"]["name"] == bin
            && let Some(path) = message["executable"].as_str()
        {
            exe = Some(PathBuf::from(path));
        }
    }
    if !output.status.success() && rendered.is_empty() {
        rendered = String::from_utf8_lossy(&output.stderr).into_owned();
    }
    (output.status.success(), rendered, exe)
}

/// What a program printed under the Playground's limits.
struct Sandboxed {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
    peak_bytes: u64,
    out_of_memory: bool,
    /// Processes still running when the program ended.
    left_running: u32,
}

/// A fresh directory that the sandbox's unprivileged user may use, as the
/// Playground's user has its own: the program runs from it.
fn run_dir() -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "playground-check-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

/// Runs `program` (a path) with `playground/sandbox.sh`, as root (through
/// `sudo -n` when this test is not root), from its own directory, and stops
/// it after `limit`.
fn sandboxed(root: &Path, program: &Path, args: &[&str], limit: Duration) -> Sandboxed {
    let stats_dir = run_dir();
    let stats = stats_dir.join("stats");
    let mut command = if is_root() {
        Command::new("bash")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", "bash"]);
        sudo
    };
    command
        .arg(root.join("playground/sandbox.sh"))
        .arg(&stats)
        .arg(limit.as_secs().to_string())
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {command:?}: {e}"));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reading_out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = out.read_to_end(&mut bytes);
        bytes
    });
    let reading_err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    // sandbox.sh stops the program after `limit`; should it hang itself, it
    // (or sudo, which passes the signal on) is asked to stop, and cleans up.
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit + Duration::from_secs(15) {
            let _ = Command::new("kill").arg(child.id().to_string()).status();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&reading_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&reading_err.join().unwrap()).into_owned();
    let recorded = fs::read_to_string(&stats).unwrap_or_default();
    let _ = fs::remove_dir_all(&stats_dir);
    let numbers: Vec<u64> = recorded
        .split_whitespace()
        .map(|n| n.parse().unwrap_or(u64::MAX))
        .collect();
    // No stats: sandbox.sh could not start (the caller says why).
    let [peak_bytes, ooms, left] = numbers[..] else {
        assert!(
            recorded.is_empty(),
            "playground/sandbox.sh wrote stats that are not three numbers: {recorded:?}"
        );
        return Sandboxed {
            code: status.code(),
            stdout,
            stderr,
            took,
            peak_bytes: 0,
            out_of_memory: false,
            left_running: 0,
        };
    };
    assert!(
        !numbers.contains(&u64::MAX),
        "playground/sandbox.sh wrote stats that are not numbers: {recorded:?}"
    );
    let out_of_memory = ooms > 0;
    let left_running = left as u32;
    Sandboxed {
        left_running,
        code: status.code(),
        stdout,
        stderr,
        took,
        peak_bytes,
        out_of_memory,
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Fails at once, saying what is missing, where the sandbox cannot work.
fn require_sandbox(root: &Path) {
    #[cfg(not(target_os = "linux"))]
    panic!(
        "the Playground check runs listings in Linux cgroups and network namespaces: \
         run it on Linux (CI does)"
    );
    for tool in ["unshare", "setpriv", "ip", "timeout"] {
        assert!(
            Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success()),
            "the Playground check needs `{tool}`: install util-linux, iproute2 and \
             coreutils (apt-get install util-linux iproute2 coreutils)"
        );
    }
    let probe = sandboxed(root, Path::new("/bin/cat"), &["/proc/self/cgroup"], HANG);
    assert!(
        probe.code == Some(0) && probe.stdout.contains("playground-check-"),
        "playground/sandbox.sh cannot run a program in its cgroup: it must run as root, or \
         this test with passwordless sudo, where cgroups (memory, pids) can be made \
         (it also makes a network namespace).\n{}{}",
        probe.stdout,
        probe.stderr
    );
    assert!(
        probe.stderr.is_empty(),
        "playground/sandbox.sh adds to the stderr of a program that prints none: {:?}",
        probe.stderr
    );
}

/// One ▶, checked.
struct Verdict {
    compile: Duration,
    run: Duration,
    peak_bytes: u64,
    problems: Vec<String>,
}

/// The declared run of a listing that the Playground reproduces: the one
/// without arguments.
fn declared_run(file_name: &str) -> Option<(&'static str, &'static Listing)> {
    all()
        .find(|(ident, listing)| listing.file_name(ident) == file_name && listing.args.is_empty())
        .map(|(ident, listing)| (*ident, listing))
}

/// What the page shows under the ▶ for this run: stdout, or for a failure,
/// stderr and then stdout (the Playground's stderr starts with cargo's
/// messages).
fn shown_by_playground(run: &Sandboxed) -> String {
    if run.code == Some(0) {
        run.stdout.clone()
    } else {
        format!("{}{}", run.stderr, run.stdout)
    }
}

fn over_budget(verdict: &mut Verdict) {
    let total = verdict.compile + verdict.run;
    if total > BUDGET {
        verdict.problems.push(format!(
            "compile ({:.1} s) and run ({:.1} s) take {:.1} s: over the budget of {:?} \
             (book.js gives up after {:?})",
            verdict.compile.as_secs_f64(),
            verdict.run.as_secs_f64(),
            total.as_secs_f64(),
            BUDGET,
            BOOK_JS_TIMEOUT
        ));
    }
}

fn check_one(root: &Path, dir: &Path, program: &Sent) -> Verdict {
    let mut verdict = Verdict {
        compile: Duration::ZERO,
        run: Duration::ZERO,
        peak_bytes: 0,
        problems: Vec::new(),
    };
    let shown = program.shown;
    // Touched, so that it is compiled now, alone, as the Playground compiles
    // the reader's crate.
    let source = dir.join(format!("src/bin/{}.rs", program.bin));
    fs::File::options()
        .append(true)
        .open(&source)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .unwrap();
    let start = Instant::now();
    let (built, messages, exe) = cargo_build(dir, &program.bin, program.release);
    verdict.compile = start.elapsed();

    let file_name = Path::new(&shown.file)
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap();
    let declared = declared_run(file_name);
    let expected_code = declared.map_or(0, |(_, l)| l.code);

    if shown.file.starts_with("listings/compiler/") && expected_code != 0 {
        // The reader sees the compiler's errors: the same ones the book shows.
        over_budget(&mut verdict);
        if built {
            verdict.problems.push(
                "compiles with the Playground's crates, and the book says it does not".into(),
            );
        }
        let expected = fs::read_to_string(root.join(format!("listings/output/{file_name}.txt")))
            .unwrap_or_default();
        let messages = messages.replace(&format!("src/bin/{}.rs", program.bin), "src/main.rs");
        if diagnostics(&messages) != diagnostics(&expected) {
            verdict.problems.push(format!(
                "the Playground's compiler says something else than the book shows:\n\
                 --- the book\n{}--- the Playground's build\n{}",
                diagnostics(&expected),
                diagnostics(&messages)
            ));
        }
        return verdict;
    }
    let Some(exe) = exe.filter(|_| built) else {
        verdict.problems.push(format!(
            "does not build with the Playground's crates:\n{messages}"
        ));
        return verdict;
    };
    let run_in = run_dir();
    let copy = run_in.join(exe.file_name().unwrap());
    fs::copy(&exe, &copy).unwrap();
    let run = sandboxed(root, &copy, &[], HANG);
    let _ = fs::remove_dir_all(&run_in);
    verdict.run = run.took;
    verdict.peak_bytes = run.peak_bytes;
    if run.out_of_memory {
        verdict
            .problems
            .push("was killed for using more than the Playground's 512 MB".into());
    }
    if matches!(run.code, Some(124 | 137)) && run.took >= HANG && !run.out_of_memory {
        verdict
            .problems
            .push(format!("still running after {HANG:?}: stopped"));
    } else if run.code != Some(expected_code) {
        verdict.problems.push(format!(
            "exited with {:?} instead of {expected_code}. stdout:\n{}stderr:\n{}",
            run.code, run.stdout, run.stderr
        ));
    }
    if run.left_running > 0 {
        verdict.problems.push(format!(
            "leaves {} processes running when it ends: the Playground waits for them \
             before it answers",
            run.left_running
        ));
    }
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        if text.len() > OUTPUT_LIMIT {
            verdict.problems.push(format!(
                "prints {} bytes to {stream}: the Playground gives up after {OUTPUT_LIMIT}",
                text.len()
            ));
        }
    }
    over_budget(&mut verdict);
    // What the book shows under it: the listing's output file.
    if let Some((ident, listing)) =
        declared.filter(|_| shown.file.starts_with("listings/examples/"))
    {
        let output_name = ident.replace('_', "-");
        let expected =
            fs::read_to_string(root.join(format!("listings/output/{output_name}.txt"))).unwrap();
        let seen = shown_by_playground(&run);
        let name = &program.bin;
        let compared = std::panic::catch_unwind(|| {
            (
                normalise(name, "the output file", &expected, listing.rules),
                normalise(name, "the Playground's run", &seen, listing.rules),
            )
        });
        match compared {
            Ok((expected, seen)) if expected == seen => {}
            Ok((expected, seen)) => verdict.problems.push(format!(
                "prints something else than the book shows (listings/output/{output_name}.txt). {}",
                first_difference(&expected, &seen)
            )),
            Err(panic) => verdict.problems.push(format!(
                "its output does not follow its rules: {}\nstdout:\n{}stderr:\n{}",
                panic.downcast_ref::<String>().cloned().unwrap_or_default(),
                run.stdout,
                run.stderr
            )),
        }
    }
    verdict
}

/// One test, so that no other test of this file runs beside the timed
/// listings (`.ci/run` skips the figures' tests that come with the shared
/// modules), and no report is written before the sandbox has shown its
/// limits.
#[test]
fn every_listing_with_a_run_button_works_on_the_playground() {
    let root = book_root();
    let report_path = root.join("target/playground-check/report.json");
    let _ = fs::remove_file(&report_path);
    require_sandbox(&root);
    the_sandbox_has_the_playgrounds_limits(&root);
    let blocks = shown_blocks(&root);
    let sent = sent_programs(&root, &blocks);
    assert!(!sent.is_empty(), "no listing with a ▶ found under src/");
    let dir = project(&root, &sent);
    // The dependencies, built once, as the Playground's image has them.
    for release in [false, true] {
        let (built, messages, _) = cargo_build(&dir, "playground", release);
        assert!(built, "the Playground's crates do not build:\n{messages}");
    }

    let mut report = Vec::new();
    let mut failures = String::new();
    for program in &sent {
        let verdict = check_one(&root, &dir, program);
        println!(
            "{:<44} {:<7} compile {:>4.1} s  run {:>4.1} s  peak {:>4} MB  {}",
            program.bin,
            if program.release { "release" } else { "debug" },
            verdict.compile.as_secs_f64(),
            verdict.run.as_secs_f64(),
            verdict.peak_bytes / 1_000_000,
            if verdict.problems.is_empty() {
                "ok"
            } else {
                "FAILED"
            }
        );
        report.push(serde_json::json!({
            "file": program.shown.file,
            "code": program.code,
            "release": program.release,
            "passed": verdict.problems.is_empty(),
        }));
        for problem in &verdict.problems {
            writeln!(
                failures,
                "{} ({}:{}): {problem}\n",
                program.bin, program.shown.page, program.shown.line
            )
            .unwrap();
        }
    }
    fs::create_dir_all(report_path.parent().unwrap()).unwrap();
    fs::write(
        &report_path,
        serde_json::to_string_pretty(&serde_json::json!({ "listings": report })).unwrap(),
    )
    .unwrap();
    assert!(
        failures.is_empty(),
        "listings with a ▶ that do not work on the Playground: make each work there \
         (a smaller workload, if the lesson survives it), or take its ▶ away \
         (`noplayground`) and say in its caption why and how to run it.\n\n{failures}"
    );
}

/// The sandbox is what makes the check mean something: a listing over the
/// Playground's limits must fail in it.
fn the_sandbox_has_the_playgrounds_limits(root: &Path) {
    let python = Path::new("/usr/bin/python3");
    assert!(
        python.exists(),
        "this test runs /usr/bin/python3 in the sandbox: install python3 (apt-get install python3)"
    );
    let run = |code: &str| sandboxed(root, python, &["-c", code], HANG);

    let memory = run("bytearray(700 * 1024 * 1024)");
    assert!(
        memory.out_of_memory && memory.code != Some(0),
        "700 MB fit in the sandbox, which has 512 MB (640 MB with swap)"
    );
    let tasks = run("import threading, time\n\
         n = 0\n\
         try:\n    \
             for _ in range(600):\n        \
                 threading.Thread(target=time.sleep, args=(2,), daemon=True).start(); n += 1\n\
         except RuntimeError:\n    pass\n\
         print(n)");
    let started: u32 = tasks.stdout.trim().parse().unwrap_or(0);
    assert!(
        (400..512).contains(&started),
        "the sandbox let {started} threads start: the Playground stops at 512 tasks"
    );
    let network = run("import socket\n\
         s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n\
         socket.create_connection(s.getsockname()).close()\n\
         print('loopback works')\n\
         try:\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\n\
         except OSError as e:\n    print('no route:', e.errno)");
    assert_eq!(
        network.stdout, "loopback works\nno route: 101\n",
        "the sandbox's network is not loopback alone:\n{}",
        network.stderr
    );
    let who = run("import os\n\
         status = open('/proc/self/status').read()\n\
         caps = [l.split()[1] for l in status.splitlines() if l.startswith('CapEff')]\n\
         print(os.getuid(), caps[0], sorted(k for k in os.environ if k != 'LC_CTYPE'))");
    assert_eq!(
        who.stdout, "65534 0000000000000000 ['HOME', 'PATH', 'USER']\n",
        "the sandbox's program must run as nobody, without capabilities, in a bare \
         environment:\n{}",
        who.stderr
    );
    let orphan = sandboxed(
        root,
        Path::new("/bin/sh"),
        &["-c", "(sleep 5; echo late) & echo early"],
        HANG,
    );
    assert!(
        orphan.stdout == "early\n" && orphan.left_running > 0,
        "a process left running by the program is not seen: {} left, stdout {:?}",
        orphan.left_running,
        orphan.stdout
    );
    let limit = Duration::from_secs(2);
    let hang = sandboxed(root, Path::new("/bin/sleep"), &["60"], limit);
    assert!(
        hang.code == Some(124) && hang.took < limit + Duration::from_secs(5),
        "a program that hangs is not stopped after {limit:?}: {:?} after {:?}",
        hang.code,
        hang.took
    );
    let deaf = sandboxed(
        root,
        Path::new("/bin/sh"),
        &["-c", "trap '' TERM; sleep 60"],
        limit,
    );
    assert!(
        deaf.code == Some(137) && deaf.took < limit + Duration::from_secs(7),
        "a program that ignores TERM is not killed 2 s after {limit:?}: {:?} after {:?}",
        deaf.code,
        deaf.took
    );
    // Every cgroup it made for this test is gone: they are named after the
    // run directories, which carry this test's process id.
    let ours = format!("playground-check-{}-", std::process::id());
    let left: Vec<String> = [
        "/sys/fs/cgroup",
        "/sys/fs/cgroup/memory",
        "/sys/fs/cgroup/pids",
    ]
    .iter()
    .flat_map(|dir| fs::read_dir(dir).into_iter().flatten().flatten())
    .map(|entry| entry.path().display().to_string())
    .filter(|path| path.contains(&ours))
    .collect();
    assert!(left.is_empty(), "sandbox.sh left cgroups behind: {left:?}");
}
