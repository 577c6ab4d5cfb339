//! A pool of child processes: five one-second jobs, each in a process of its
//! own, with no more processes at a time than the machine has cores.
use std::env;
use std::process::{self, Command, ExitCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const JOBS: usize = 5;

fn job(number: usize) {
    println!("Job {number} in process {}", process::id());
    thread::sleep(Duration::from_secs(1));
}

fn main() -> ExitCode {
    // Started by the pool below as `job NUMBER`: run that one job and exit.
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {} // no arguments: we are the pool
        [mode, number] if mode == "job" => {
            let Ok(number) = number.parse() else {
                return usage();
            };
            job(number);
            return ExitCode::SUCCESS;
        }
        _ => return usage(),
    }

    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    println!("Pool of {workers} worker processes");
    let me = env::current_exe().expect("find our own executable");
    let next_job = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);

    let start = Instant::now();
    thread::scope(|s| {
        // Each worker takes the next job, runs it in a child process, waits
        // for that process, and goes back for more until none are left.
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let number = next_job.fetch_add(1, Ordering::Relaxed);
                    if number >= JOBS {
                        break;
                    }
                    let status = Command::new(&me)
                        .args(["job", &number.to_string()])
                        .status()
                        .expect("start a job");
                    if !status.success() {
                        eprintln!("job {number} failed: {status}");
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let elapsed = start.elapsed().as_secs_f64();

    let rounds = JOBS.div_ceil(workers); // ceil(jobs / workers)
    println!("Finished in {elapsed:.2} seconds");
    println!(
        "{JOBS} jobs / {workers} workers = {rounds} rounds of {:.2} seconds",
        elapsed / rounds as f64
    );
    if failed.into_inner() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-02-process-pool (jobs are started as: job NUMBER)");
    ExitCode::from(2)
}
