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
use tokio::runtime::{Builder, Runtime};

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
    /// Every way is timed this many times, on both sides, and the table
    /// gives the median and the range.
    rounds: usize,
}

const FULL: Size = Size {
    limit: 1_000_000,
    chunk: 10_000,
    tasks: 100_000,
    threads: 10_000,
    pause: Duration::from_secs(1),
    rounds: 5,
};

const QUICK: Size = Size {
    limit: 50_000,
    chunk: 500,
    tasks: 2_000,
    threads: 200,
    pause: Duration::from_millis(100),
    rounds: 3,
};

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

/// Another algorithm: the sieve of Eratosthenes crosses out the multiples of
/// each prime, and what is left is prime.
fn sieve(limit: u64) -> usize {
    let limit = limit as usize;
    let mut is_prime = vec![true; limit];
    for n in (2..limit).take_while(|n| n * n < limit) {
        if is_prime[n] {
            for multiple in (n * n..limit).step_by(n) {
                is_prime[multiple] = false;
            }
        }
    }
    is_prime.iter().skip(2).filter(|&&p| p).count()
}
// ANCHOR_END: cpu

/// The median, fastest and slowest of some timings, in seconds.
#[derive(Clone, Copy)]
struct Spread {
    median: f64,
    fastest: f64,
    slowest: f64,
}

fn spread(mut seconds: Vec<f64>) -> Spread {
    seconds.sort_by(f64::total_cmp);
    let n = seconds.len();
    let median = if n % 2 == 1 {
        seconds[n / 2]
    } else {
        (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0
    };
    Spread {
        median,
        fastest: seconds[0],
        slowest: seconds[n - 1],
    }
}

/// The median of some numbers.
fn median(numbers: Vec<f64>) -> f64 {
    spread(numbers).median
}

// ANCHOR: waiting
/// tokio's two runtimes: one that runs every task on the thread that calls
/// `block_on`, as asyncio runs them on its one thread, or one with a worker
/// thread per core.
fn runtime(kind: &str) -> Option<std::io::Result<Runtime>> {
    match kind {
        "tokio-current-thread" => Some(Builder::new_current_thread().enable_time().build()),
        "tokio-multi-thread" => Some(Builder::new_multi_thread().enable_time().build()),
        _ => None,
    }
}

/// `tasks` tokio tasks that each sleep for `pause`, spawned as fast as
/// possible on `runtime`: how long until all are done, and the most alive
/// at once.
fn sleep_in_tasks(runtime: Runtime, tasks: usize, pause: Duration) -> (Duration, usize) {
    runtime.block_on(async {
        // Spawned from a task, run by the runtime, as the CPython half
        // creates its tasks inside a coroutine.
        let measure = tokio::spawn(async move {
            let metrics = tokio::runtime::Handle::current().metrics();
            let (start, mut most) = (Instant::now(), 0);
            let mut handles = Vec::with_capacity(tasks);
            for _ in 0..tasks {
                // `sleep` fixes its deadline in the task's first poll, as
                // `asyncio.sleep` does in its task's first step.
                handles.push(tokio::spawn(async move { tokio::time::sleep(pause).await }));
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
    let (time, at_once) = match (kind, runtime(kind)) {
        (_, Some(Ok(runtime))) => sleep_in_tasks(runtime, count, pause),
        (_, Some(Err(e))) => {
            eprintln!("could not start tokio's runtime: {e}");
            return ExitCode::FAILURE;
        }
        ("threads", None) => match sleep_in_threads(count, pause) {
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

/// What a line of a measurement says, such as `for loop: 9592 primes in
/// 0.4570 s, fastest 0.4512 s, slowest 0.4790 s` or `tokio-multi-thread: 2000
/// in 0.1626 s, at most 2000 at once, peak 26869760 bytes`.
struct Measured {
    /// The number after the name: primes found, or tasks or threads started.
    count: usize,
    /// The time, or, over several rounds, their median.
    seconds: f64,
    fastest: Option<f64>,
    slowest: Option<f64>,
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
        fastest: after("fastest"),
        slowest: after("slowest"),
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

/// A row of timings: the median, then the range.
fn timed(name: &str, time: Spread, rest: &str) {
    let range = format!("{:.3}-{:.3}", time.fastest, time.slowest);
    let line = format!("{name:<30}{:>8.3} s  {range:<12}{rest}", time.median);
    println!("{}", line.trim_end());
}

/// How many times faster `b` is than `a`, both medians.
fn ratio(a: f64, b: f64) -> String {
    if b <= a {
        format!("{:>5.1}x faster", a / b)
    } else {
        format!("{:>5.1}x slower", b / a)
    }
}

/// The Python half's ways, then Rust's, on the same chunks, every way timed
/// `size.rounds` times in turns.
fn cpu_rows(size: &Size, workers: usize) -> Result<(), String> {
    let work = chunks(size.limit, size.chunk);
    println!(
        "The primes below {} by trial division, in {} chunks of {}",
        thousands(size.limit),
        work.len(),
        thousands(size.chunk)
    );
    println!(
        "Each way {} times, in turns: median and range (fastest-slowest)",
        size.rounds
    );
    println!("{:<30}{:>10}  {:<12}speedup", "", "median", "range");
    let cpython = python(&[
        "cpu".into(),
        size.limit.to_string(),
        size.chunk.to_string(),
        workers.to_string(),
        size.rounds.to_string(),
    ])?;
    let from_python = |name: &str| -> Result<(Spread, usize), String> {
        let m = measured(&cpython, name)?;
        let time = Spread {
            median: m.seconds,
            fastest: m.fastest.ok_or_else(|| format!("no range for {name}"))?,
            slowest: m.slowest.ok_or_else(|| format!("no range for {name}"))?,
        };
        Ok((time, m.count))
    };

    // Rust's ways, timed as the Python half times its own: in turns.
    type Way<'a> = Box<dyn Fn() -> usize + 'a>;
    let ways: [(&str, Way); 5] = [
        ("sequential", Box::new(|| sequential(&work))),
        ("two halves", Box::new(|| two_halves(size.limit))),
        (
            "threads + shared counter",
            Box::new(|| shared_counter(&work, workers)),
        ),
        ("rayon", Box::new(|| with_rayon(&work))),
        ("sieve", Box::new(|| sieve(size.limit))),
    ];
    // rayon starts its global pool at its first use: before the rounds, as
    // the Python half starts numba's threads and the extension's rayon pool.
    with_rayon(&work[..1]);
    let mut times = vec![Vec::new(); ways.len()];
    let mut counts = Vec::new();
    for _ in 0..size.rounds {
        for ((_, way), times) in ways.iter().zip(&mut times) {
            let start = Instant::now();
            counts.push(way());
            times.push(start.elapsed().as_secs_f64());
        }
    }
    let rust: Vec<Spread> = times.into_iter().map(spread).collect();

    // Every way must find the same number of primes.
    let (for_loop, primes) = from_python("for loop")?;
    let python_rows = [
        ("CPython while loop, 1 thread", "while loop"),
        ("CPython for loop, 1 thread", "for loop"),
        ("CPython for loop, thread pool", "thread pool"),
        ("CPython for loop, process pool", "process pool"),
        ("numba, 1 thread", "numba"),
        ("numba prange", "numba prange"),
        ("extension, thread pool", "extension in threads"),
        ("extension, rayon inside", "extension rayon"),
        ("CPython sieve, 1 thread", "sieve"),
    ];
    let mut python_times = std::collections::HashMap::new();
    for (row, name) in python_rows {
        let (time, found) = from_python(name)?;
        if found != primes {
            return Err(format!("{row} found {found} primes, the for loop {primes}"));
        }
        python_times.insert(name, time);
    }
    if let Some(found) = counts.iter().find(|&&found| found != primes) {
        return Err(format!("a Rust way found {found} primes, CPython {primes}"));
    }
    let numba = python_times["numba"].median;
    let base = |name: &str| match name {
        n if n.starts_with("CPython") => for_loop.median,
        n if n.starts_with("numba") => numba,
        _ => rust[0].median,
    };
    let speedup = |name: &str, time: Spread| format!("{:>6.2}x", base(name) / time.median);
    for (row, name) in python_rows.iter().take(8) {
        let time = python_times[name];
        timed(row, time, &speedup(row, time));
    }
    for ((name, _), &time) in ways.iter().zip(&rust).take(4) {
        let row = format!("Rust {name}");
        timed(&row, time, &speedup(&row, time));
    }
    println!("Another algorithm, the sieve of Eratosthenes, on one thread:");
    timed("CPython sieve, 1 thread", python_times["sieve"], "");
    timed("Rust sieve, 1 thread", rust[4], "");
    println!(
        "(numba compiled its two functions at their first calls, in {:.3} s, once)",
        measured(&cpython, "numba compile")?.seconds
    );

    println!("The same job, the best each side does it (ratios of medians):");
    let pairs = [
        ("Rust sequential", rust[0], "CPython for loop", for_loop),
        ("Rust sequential", rust[0], "numba", python_times["numba"]),
        (
            "Rust rayon",
            rust[3],
            "CPython process pool",
            python_times["process pool"],
        ),
        (
            "Rust rayon",
            rust[3],
            "numba prange",
            python_times["numba prange"],
        ),
        (
            "extension, rayon inside",
            python_times["extension rayon"],
            "numba prange",
            python_times["numba prange"],
        ),
        (
            "Rust sieve",
            rust[4],
            "CPython sieve",
            python_times["sieve"],
        ),
    ];
    for (rust_name, rust_time, python_name, python_time) in pairs {
        let pair = format!("{rust_name} vs {python_name}:");
        println!(
            "  {pair:<44}{}",
            ratio(python_time.median, rust_time.median)
        );
    }
    Ok(())
}

/// What a kind of waiting cost, over `size.rounds` fresh processes.
struct Waited {
    time: Spread,
    /// The time beyond one pause, per task or thread, in seconds.
    per_task: f64,
    /// The peak memory above a process that starts none, per task or thread
    /// alive at once, in bytes.
    memory: Option<f64>,
    at_once: usize,
}

/// Each kind of waiting in a fresh process of each language, `size.rounds`
/// times in turns, so that each peak memory belongs to one measurement alone.
fn waiting_rows(size: &Size) -> Result<(), String> {
    let seconds = size.pause.as_secs_f64();
    println!(
        "Waiting: {} tasks or {} threads that each sleep {seconds} s, started at once",
        thousands(size.tasks as u64),
        thousands(size.threads as u64)
    );
    println!(
        "Each way {} times, each in a fresh process: median and range",
        size.rounds
    );
    println!(
        "{:<30}{:>10}  {:<12}{:>9}{:>9}{:>8}",
        "", "time", "range", "per task", "memory", "at once"
    );
    let python_kinds = ["asyncio", "asyncio-eager", "uvloop", "threads"];
    let rust_kinds = ["tokio-current-thread", "tokio-multi-thread", "threads"];
    let count = |kind: &str| {
        if kind == "threads" {
            size.threads
        } else {
            size.tasks
        }
    };
    let python_args =
        |kind: &str, count: usize| [kind.into(), count.to_string(), seconds.to_string()];
    let rust_args = |kind: &str, count: usize| {
        [
            kind.into(),
            count.to_string(),
            size.pause.as_millis().to_string(),
        ]
    };
    // Each kind's runs, Python's then Rust's, and those of the same command
    // with none to start (its runtime or event loop, and no task): the baseline.
    let kinds = python_kinds.len() + rust_kinds.len();
    let mut runs: Vec<Vec<Measured>> = (0..kinds).map(|_| Vec::new()).collect();
    let mut empty: Vec<Vec<Measured>> = (0..kinds).map(|_| Vec::new()).collect();
    let mut not_here = Vec::new();
    for round in 0..size.rounds {
        for (i, kind) in python_kinds.iter().enumerate() {
            let output = python(&python_args(kind, 0))?;
            if let Some(why) = output.strip_prefix(&format!("{kind}: n/a, ")) {
                if round == 0 {
                    not_here.push((i, why.trim().to_string()));
                }
                continue;
            }
            empty[i].push(measured(&output, kind)?);
            runs[i].push(measured(&python(&python_args(kind, count(kind)))?, kind)?);
        }
        for (i, kind) in rust_kinds.iter().enumerate() {
            let j = python_kinds.len() + i;
            empty[j].push(measured(&myself(&rust_args(kind, 0))?, kind)?);
            runs[j].push(measured(&myself(&rust_args(kind, count(kind)))?, kind)?);
        }
    }
    let base = |runs: &[Measured]| -> Option<f64> {
        let peaks: Option<Vec<f64>> = runs.iter().map(|m| m.peak.map(|p| p as f64)).collect();
        peaks.filter(|p| !p.is_empty()).map(median)
    };
    let bases: Vec<Option<f64>> = empty.iter().map(|runs| base(runs)).collect();
    let waited = |runs: &[Measured], base: Option<f64>| -> Option<Waited> {
        if runs.is_empty() {
            return None;
        }
        let time = spread(runs.iter().map(|m| m.seconds).collect());
        let count = runs[0].count.max(1) as f64;
        let at_once = median(
            runs.iter()
                .map(|m| m.at_once.unwrap_or(m.count) as f64)
                .collect(),
        );
        let memory = runs
            .iter()
            .map(|m| {
                let (peak, base) = (m.peak? as f64, base?);
                Some((peak - base).max(0.0) / m.at_once.unwrap_or(m.count).max(1) as f64)
            })
            .collect::<Option<Vec<f64>>>()
            .map(median);
        Some(Waited {
            time,
            per_task: (time.median - seconds) / count,
            memory,
            at_once: at_once as usize,
        })
    };
    // Each row's name, and the index of its runs.
    let rows: Vec<(&str, Option<Waited>)> = [
        ("asyncio", 0),
        ("asyncio, eager tasks", 1),
        ("asyncio on uvloop", 2),
        ("tokio current_thread", 4),
        ("tokio multi_thread", 5),
        ("CPython threads", 3),
        ("Rust threads", 6),
    ]
    .into_iter()
    .map(|(name, i)| {
        let row = waited(&runs[i], bases[i]);
        match &row {
            Some(w) => {
                let memory = w.memory.map_or("n/a".into(), |b| format!("{b:.0} B"));
                let rest = format!("{:>6.1} µs{memory:>9}{:>8}", w.per_task * 1e6, w.at_once);
                timed(name, w.time, &rest);
            }
            None => {
                let why = not_here.iter().find(|(kind, _)| *kind == i);
                let why = why.map_or("not measured", |(_, why)| why.as_str());
                println!("{name:<30}{why}");
            }
        }
        (name, row)
    })
    .collect();
    println!("per task: the time beyond the {seconds} s sleep, per task or thread started");
    let (python_bases, rust_bases) = bases.split_at(python_kinds.len());
    println!(
        "memory: the peak above the same command run with 0 (CPython {},",
        memory_alone(python_bases)
    );
    println!(
        "Rust {}), per task or thread alive at once",
        memory_alone(rust_bases)
    );
    let row = |name: &str| {
        rows.iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, w)| w.as_ref())
    };
    println!("The same job (ratios of medians, per task or thread):");
    for (rust_name, python_name) in [
        ("tokio current_thread", "asyncio on uvloop"),
        ("tokio current_thread", "asyncio"),
        ("Rust threads", "CPython threads"),
    ] {
        let (Some(r), Some(p)) = (row(rust_name), row(python_name)) else {
            continue;
        };
        let memory = match (r.memory, p.memory) {
            (Some(r), Some(p)) if r > 0.0 && p >= r => format!(", {:.1}x less memory", p / r),
            (Some(r), Some(p)) if p > 0.0 => format!(", {:.1}x more memory", r / p),
            _ => String::new(),
        };
        let pair = format!("{rust_name} vs {python_name}:");
        println!("  {pair:<44}{}{memory}", ratio(p.per_task, r.per_task));
    }
    Ok(())
}

/// The smallest and the largest of the baselines, as `23.6-25.8 MB`.
fn memory_alone(bases: &[Option<f64>]) -> String {
    let mb: Vec<f64> = bases.iter().flatten().map(|bytes| bytes / 1e6).collect();
    let (low, high) = (
        mb.iter().copied().reduce(f64::min),
        mb.iter().copied().reduce(f64::max),
    );
    match (low, high) {
        (Some(low), Some(high)) => format!("{low:.1}-{high:.1} MB"),
        _ => "n/a".into(),
    }
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
