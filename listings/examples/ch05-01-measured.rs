//! Chapter 5's benchmark: the same work in CPython and in Rust, in one run, one table.
//! Build it optimised: `cargo run --release -p listings --example ch05-01-measured`.
use std::env;
use std::fs;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// How much work: the full size the chapter shows, or a quick run.
struct Size {
    /// Count the primes below this...
    limit: u64,
    /// ...in chunks of this many numbers.
    chunk: u64,
    /// Tasks (asyncio, tokio) that each sleep once, started as fast as possible.
    tasks: usize,
    /// Threads (CPython, Rust) that each sleep once, started as fast as possible.
    threads: usize,
    /// How long each task or thread sleeps.
    pause: Duration,
}

const FULL: Size = Size {
    limit: 3_000_000,
    chunk: 10_000,
    tasks: 100_000,
    threads: 10_000,
    pause: Duration::from_secs(1),
};

const QUICK: Size = Size {
    limit: 50_000,
    chunk: 500,
    tasks: 2_000,
    threads: 200,
    pause: Duration::from_millis(100),
};

/// Rust's times are the best of this many rounds: each takes a fraction of a
/// second, so one busy moment of the machine would distort a single round.
const ROUNDS: usize = 3;

const PYTHON_HALF: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/python/ch05-01-in-cpython.py");

// ANCHOR: cpu
/// The primes in `start..end` by trial division: Listing 4-2's test.
fn count_primes(start: u64, end: u64) -> usize {
    (start.max(2)..end)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

/// `0..limit` cut into chunks of `size` numbers, as the CPython half cuts it.
fn chunks(limit: u64, size: u64) -> Vec<(u64, u64)> {
    (0..limit)
        .step_by(size as usize)
        .map(|start| (start, (start + size).min(limit)))
        .collect()
}

fn sequential(chunks: &[(u64, u64)]) -> usize {
    chunks
        .iter()
        .map(|&(start, end)| count_primes(start, end))
        .sum()
}

/// Two threads, one per half of the numbers. The upper half costs more.
fn two_halves(limit: u64) -> usize {
    let middle = limit / 2;
    thread::scope(|s| {
        let low = s.spawn(|| count_primes(0, middle));
        let high = s.spawn(|| count_primes(middle, limit));
        low.join().unwrap() + high.join().unwrap()
    })
}

/// `workers` threads, each taking the next chunk from a shared counter until
/// none is left: what a pool's workers do with its queue.
fn shared_counter(chunks: &[(u64, u64)], workers: usize) -> usize {
    let next = AtomicUsize::new(0);
    thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut primes = 0;
                    while let Some(&(start, end)) = chunks.get(next.fetch_add(1, Ordering::Relaxed))
                    {
                        primes += count_primes(start, end);
                    }
                    primes
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

/// The chunks on rayon's pool, which has one thread per core.
fn with_rayon(chunks: &[(u64, u64)]) -> usize {
    chunks
        .par_iter()
        .map(|&(start, end)| count_primes(start, end))
        .sum()
}
// ANCHOR_END: cpu

/// The best time of `ROUNDS` runs of `work`, and what it returned.
fn best_of(mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = (Duration::MAX, 0);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let primes = work();
        best = best.min((start.elapsed(), primes));
    }
    best
}

// ANCHOR: waiting
/// `tasks` tokio tasks that each sleep for `pause`, spawned as fast as
/// possible: how long until all are done, and the most alive at once.
fn sleep_in_tasks(tasks: usize, pause: Duration) -> (Duration, usize) {
    let runtime = tokio::runtime::Runtime::new().expect("start tokio's runtime");
    runtime.block_on(async {
        // Spawned from a task on a worker thread, as the CPython half creates
        // its tasks inside a coroutine.
        let measure = tokio::spawn(async move {
            let metrics = tokio::runtime::Handle::current().metrics();
            let (start, mut most) = (Instant::now(), 0);
            let mut handles = Vec::with_capacity(tasks);
            for _ in 0..tasks {
                handles.push(tokio::spawn(tokio::time::sleep(pause)));
                // The tasks not finished yet, this one aside.
                most = most.max(metrics.num_alive_tasks().saturating_sub(1));
            }
            for handle in handles {
                handle.await.unwrap();
            }
            (start.elapsed(), most)
        });
        measure.await.unwrap()
    })
}

/// `count` threads that each sleep for `pause`, started as fast as possible:
/// how long until all are joined, and the most alive at once.
fn sleep_in_threads(count: usize, pause: Duration) -> std::io::Result<(Duration, usize)> {
    let alive = Arc::new(AtomicUsize::new(0));
    let (start, mut most) = (Instant::now(), 0);
    let mut handles = Vec::with_capacity(count);
    for _ in 0..count {
        most = most.max(alive.fetch_add(1, Ordering::Relaxed) + 1);
        let alive = Arc::clone(&alive);
        handles.push(thread::Builder::new().spawn(move || {
            thread::sleep(pause);
            alive.fetch_sub(1, Ordering::Relaxed);
        })?);
    }
    for handle in handles {
        handle.join().unwrap();
    }
    Ok((start.elapsed(), most))
}

/// This process's high-water mark of resident memory, in bytes: the `VmHWM`
/// line of `/proc/self/status`, which only Linux has.
fn peak_memory() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
// ANCHOR_END: waiting

/// The child process that measures one kind of waiting, so that its peak
/// memory is its own: prints the line the CPython half prints.
fn child(kind: &str, count: usize, pause: Duration) -> ExitCode {
    let (time, at_once) = match kind {
        "tokio" => sleep_in_tasks(count, pause),
        "threads" => match sleep_in_threads(count, pause) {
            Ok(measured) => measured,
            Err(e) => {
                eprintln!("could not start {count} threads: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => return usage(),
    };
    let peak = peak_memory().map_or("n/a".to_string(), |bytes| bytes.to_string());
    println!(
        "{kind}: {count} in {:.4} s, at most {at_once} at once, peak {peak} bytes",
        time.as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Runs `program` with `args` and returns what it printed, or says why not.
fn run(program: &str, args: &[String]) -> Result<String, String> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("could not run {program}: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "{program} {args:?} failed ({}):\n{stderr}",
            output.status
        ));
    }
    Ok(text)
}

/// A run of the CPython half, with `python3` or the command in `$PYTHON`.
fn python(args: &[String]) -> Result<String, String> {
    let python = env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let mut all = vec![PYTHON_HALF.to_string()];
    all.extend_from_slice(args);
    run(&python, &all)
}

/// A run of this program as a child process.
fn myself(args: &[String]) -> Result<String, String> {
    let exe = env::current_exe().map_err(|e| format!("where is this program? {e}"))?;
    let mut all = vec!["child".to_string()];
    all.extend_from_slice(args);
    run(&exe.to_string_lossy(), &all)
}

/// What a line of a measurement says, such as `sequential: 9592 primes in
/// 0.4570 s` or `tokio: 2000 in 0.1626 s, at most 2000 at once, peak 26869760
/// bytes`.
struct Measured {
    /// The number after the name: primes found, or tasks or threads started.
    count: usize,
    seconds: f64,
    /// The most tasks or threads alive at the same moment.
    at_once: Option<usize>,
    /// The process's peak memory, in bytes, where the system reports it.
    peak: Option<u64>,
}

/// The line of `output` that starts with `name:`, read.
fn measured(output: &str, name: &str) -> Result<Measured, String> {
    let line = output
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{name}: ")))
        .ok_or_else(|| format!("no line for {name} in:\n{output}"))?;
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let number = |i: usize| words.get(i).and_then(|w| w.parse::<f64>().ok());
    let after = |word: &str| {
        let i = words.iter().position(|w| *w == word)?;
        number(i + 1)
    };
    Ok(Measured {
        count: number(0).ok_or_else(|| format!("bad line {line:?}"))? as usize,
        seconds: words
            .iter()
            .position(|w| *w == "s")
            .and_then(|i| i.checked_sub(1))
            .and_then(number)
            .ok_or_else(|| format!("no time in {line:?}"))?,
        at_once: after("most").map(|n| n as usize),
        peak: after("peak").map(|b| b as u64),
    })
}

/// 3000000 as `3,000,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many times faster the second time is than the first.
fn faster(python: f64, rust: f64) -> String {
    if rust <= python {
        format!("{:.1}x faster", python / rust)
    } else {
        format!("{:.1}x slower", rust / python)
    }
}

/// How many times less memory the second peak is than the first.
fn less_memory(python: u64, rust: u64) -> String {
    if rust <= python {
        format!("{:.1}x less memory", python as f64 / rust as f64)
    } else {
        format!("{:.1}x more memory", rust as f64 / python as f64)
    }
}

fn header(title: &str, last: &str) {
    println!("{title}");
    println!("{:<32}{:>11}{:>12}   {last}", "", "time", "speedup");
}

/// A row of the table: `speedup` is already formatted.
fn row(name: &str, seconds: f64, speedup: String, rest: &str) {
    println!(
        "{}",
        format!("{name:<32}{seconds:>9.3} s{speedup:>12}   {rest}").trim_end()
    );
}

/// The CPython half's three ways, then Rust's four, on the same chunks.
fn cpu_rows(size: &Size, workers: usize) -> Result<(), String> {
    let work = chunks(size.limit, size.chunk);
    let title = format!(
        "Counting the primes below {} by trial division, in {} chunks of {} \
         (Rust: best of {ROUNDS} rounds)",
        thousands(size.limit),
        work.len(),
        thousands(size.chunk)
    );
    header(&title, "Rust vs CPython");
    let cpython = python(&[
        "cpu".into(),
        size.limit.to_string(),
        size.chunk.to_string(),
        workers.to_string(),
    ])?;
    let mut python_rows = Vec::new();
    for name in ["sequential", "thread pool", "process pool"] {
        let Measured {
            seconds,
            count: primes,
            ..
        } = measured(&cpython, name)?;
        let (first, counted) = python_rows
            .first()
            .map_or((seconds, primes), |&(_, first, counted)| (first, counted));
        if primes != counted {
            return Err(format!(
                "CPython's {name} found {primes} primes, its sequential {counted}"
            ));
        }
        row(
            &format!("CPython {name}"),
            seconds,
            format!("{:.2}x", first / seconds),
            "",
        );
        python_rows.push((name, seconds, primes));
    }
    let primes = python_rows[0].2;

    // Each Rust way, and the CPython row it does the same as.
    type Way<'a> = Box<dyn FnMut() -> usize + 'a>;
    let ways: [(&str, Option<usize>, Way); 4] = [
        ("sequential", Some(0), Box::new(|| sequential(&work))),
        ("two halves", None, Box::new(|| two_halves(size.limit))),
        (
            "threads + shared counter",
            Some(1),
            Box::new(|| shared_counter(&work, workers)),
        ),
        ("rayon", Some(2), Box::new(|| with_rayon(&work))),
    ];
    let mut rust_sequential = None;
    for (name, same_as, mut way) in ways {
        let (time, found) = best_of(&mut way);
        if found != primes {
            return Err(format!(
                "Rust's {name} found {found} primes, CPython {primes}"
            ));
        }
        let seconds = time.as_secs_f64();
        let first = *rust_sequential.get_or_insert(seconds);
        let versus = same_as.map_or(String::new(), |i| {
            let (python_name, python_seconds, _) = python_rows[i];
            format!(
                "{} than CPython {python_name}",
                faster(python_seconds, seconds)
            )
        });
        row(
            &format!("Rust {name}"),
            seconds,
            format!("{:.2}x", first / seconds),
            &versus,
        );
    }
    Ok(())
}

/// Each kind of waiting in a fresh process of each language, so that each
/// peak memory belongs to that measurement alone.
fn waiting_rows(size: &Size) -> Result<(), String> {
    let seconds = size.pause.as_secs_f64();
    header(
        &format!(
            "Waiting: tasks or threads that each sleep {seconds} s, started as fast as possible"
        ),
        "peak memory, and per task or thread alive at once",
    );
    let python_args =
        |kind: &str, count: usize| [kind.into(), count.to_string(), seconds.to_string()];
    let rust_args = |kind: &str, count: usize| {
        [
            kind.into(),
            count.to_string(),
            size.pause.as_millis().to_string(),
        ]
    };
    // What each process needs before it starts any: the baseline of each peak.
    let python_base = measured(&python(&python_args("threads", 0))?, "threads")?.peak;
    let rust_base = measured(&myself(&rust_args("threads", 0))?, "threads")?.peak;
    // The peak, and the peak above the baseline per task or thread alive at once.
    let memory = |run: &Measured, base: Option<u64>| {
        let at_once = run.at_once.unwrap_or(run.count);
        let memory = match (run.peak, base) {
            (Some(peak), Some(base)) => format!(
                "{:>7.1} MB {:>7} B each",
                peak as f64 / 1e6,
                peak.saturating_sub(base) / at_once.max(1) as u64
            ),
            _ => "n/a".to_string(),
        };
        format!("{memory}, {at_once:>6} at once")
    };
    for (count, python_kind, rust_kind, what) in [
        (size.tasks, "asyncio", "tokio", "tasks"),
        (size.threads, "threads", "threads", "threads"),
    ] {
        let n = thousands(count as u64);
        // One after the other, they would take `count` pauses.
        let one_by_one = count as f64 * seconds;
        let cpython = measured(&python(&python_args(python_kind, count))?, python_kind)?;
        let rust = measured(&myself(&rust_args(rust_kind, count))?, rust_kind)?;
        let python_name = if python_kind == "asyncio" {
            "asyncio tasks"
        } else {
            what
        };
        let rust_name = if rust_kind == "tokio" {
            "tokio tasks"
        } else {
            what
        };
        row(
            &format!("CPython {n} {python_name}"),
            cpython.seconds,
            format!("{:.0}x", one_by_one / cpython.seconds),
            &memory(&cpython, python_base),
        );
        let less = match (cpython.peak, rust.peak) {
            (Some(p), Some(r)) => format!(", {}", less_memory(p, r)),
            _ => String::new(),
        };
        row(
            &format!("Rust {n} {rust_name}"),
            rust.seconds,
            format!("{:.0}x", one_by_one / rust.seconds),
            &format!(
                "{}   {}{less}",
                memory(&rust, rust_base),
                faster(cpython.seconds, rust.seconds)
            ),
        );
    }
    println!(
        "(a process that starts none: CPython {}, Rust {})",
        memory_alone(python_base),
        memory_alone(rust_base)
    );
    Ok(())
}

fn memory_alone(peak: Option<u64>) -> String {
    peak.map_or("n/a".into(), |bytes| {
        format!("{:.1} MB", bytes as f64 / 1e6)
    })
}

fn measure(size: &Size) -> Result<(), String> {
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let python_version = python(&[])?;
    let rustc = run("rustc", &["--version".into()]).unwrap_or_else(|_| "rustc: unknown".into());
    println!("Cores: {workers}, so {workers} workers in every pool");
    println!("Python: {}", python_version.trim());
    println!("Rust: {}", rustc.trim());
    println!();
    cpu_rows(size, workers)?;
    println!();
    waiting_rows(size)
}

fn usage() -> ExitCode {
    eprintln!("usage: ch05-01-measured [quick]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // `debug_assertions` are on in the dev profile, whatever its `opt-level`.
    if cfg!(debug_assertions) {
        eprintln!(
            "This is a debug build, and the benchmark times only optimised code.\n\
             Run it with: cargo run --release -p listings --example ch05-01-measured"
        );
        return ExitCode::from(2);
    }
    let args: Vec<String> = env::args().skip(1).collect();
    let size = match args.as_slice() {
        [] => &FULL,
        [quick] if quick == "quick" => &QUICK,
        [child_, kind, count, millis] if child_ == "child" => {
            let (Ok(count), Ok(millis)) = (count.parse(), millis.parse()) else {
                return usage();
            };
            return child(kind, count, Duration::from_millis(millis));
        }
        _ => return usage(),
    };
    match measure(size) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
