//! The three years again, with computation instead of a sleep: one process
//! per year, rayon with one job per year, and rayon splitting the days of
//! each year, each timed against one year computed alone.
use rayon::prelude::*;
use std::env;
use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::Instant;

const YEARS: [u16; 3] = [2020, 2021, 2022];
/// How much arithmetic stands for one day of data.
const STEPS_PER_DAY: u32 = 300_000;
/// Other programs share the machine: each time is the best of a few runs.
const RUNS: usize = 3;

fn days_in(year: u16) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    if leap { 366 } else { 365 }
}

// ANCHOR: work
/// A day's work: pure computation, no waiting. Returns the days done (1).
fn day(year: u16, day: u32) -> u32 {
    let mut x = u64::from(year) << 16 | u64::from(day);
    for _ in 0..STEPS_PER_DAY {
        x = black_box(x ^ (x << 13) ^ (x >> 7)); // black_box: keep every step
    }
    1
}

/// One year, one day after the other, on the calling thread.
fn extract(year: u16) -> u32 {
    (0..days_in(year)).map(|d| day(year, d)).sum()
}

/// One year, its days spread over rayon's pool.
fn extract_split(year: u16) -> u32 {
    (0..days_in(year))
        .into_par_iter()
        .map(|d| day(year, d))
        .sum()
}
// ANCHOR_END: work

fn main() -> ExitCode {
    // Started by `main` below as `ch02-03-cpu-years YEAR`: one year, then exit.
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {} // no arguments: time the three ways
        [year] => {
            let Ok(year) = year.parse() else {
                return usage();
            };
            extract(year);
            return ExitCode::SUCCESS;
        }
        _ => return usage(),
    }
    // ANCHOR: main
    let me = env::current_exe().expect("find our own executable");
    let one = best_time(|| {
        extract(2020);
    });
    println!("One year alone, on one thread: {one:.2} s");
    println!("Three years on {} threads:", rayon::current_num_threads());

    let mut failed = 0;
    let three_processes = best_time(|| {
        let children: Vec<_> = YEARS
            .iter()
            .map(|year| Command::new(&me).arg(year.to_string()).spawn())
            .collect::<Result<_, _>>()
            .expect("start a process per year");
        for mut child in children {
            if !child.wait().expect("wait for a year").success() {
                failed += 1;
            }
        }
    });
    if failed > 0 {
        eprintln!("{failed} of the years' processes failed");
        return ExitCode::FAILURE;
    }
    report("one process per year", three_processes, one);

    let per_year = best_time(|| {
        let days: u32 = YEARS.par_iter().map(|&year| extract(year)).sum();
        assert_eq!(days, 1096);
    });
    report("rayon, one job per year", per_year, one);

    let split = best_time(|| {
        let days: u32 = YEARS.par_iter().map(|&year| extract_split(year)).sum();
        assert_eq!(days, 1096);
    });
    report("rayon, split inside each year", split, one);
    // ANCHOR_END: main
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-03-cpu-years [YEAR]");
    ExitCode::from(2)
}

/// The shortest of `RUNS` runs of `f`, in seconds.
fn best_time(mut f: impl FnMut()) -> f64 {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn report(how: &str, elapsed: f64, one: f64) {
    println!(
        "  {how:<30} {elapsed:.2} s = {:.1} × one year",
        elapsed / one
    );
}
