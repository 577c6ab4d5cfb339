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
    if !args.is_empty() {
        let [mode, number] = args.as_slice() else {
            return usage();
        };
        let ("job", Ok(number)) = (mode.as_str(), number.parse()) else {
            return usage();
        };
        job(number);
        return ExitCode::SUCCESS;
    }

    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    println!("Pool of {workers} worker processes");
    let me = env::current_exe().expect("find our own executable");
    let next_job = AtomicUsize::new(0);

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
                    assert!(status.success(), "job {number} failed: {status}");
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
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-02-process-pool (the pool takes no arguments)");
    ExitCode::from(2)
}
