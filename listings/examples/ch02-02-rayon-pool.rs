//! Five one-second jobs on a rayon thread pool of two threads: which worker
//! ran each job, when, and how long the five took.
use rayon::prelude::*;
use std::thread;
use std::time::{Duration, Instant};

fn job(number: u32, start: Instant) {
    // The index of the pool thread running this job: 0, 1, ...
    let worker = rayon::current_thread_index().expect("on a pool thread");
    let from = start.elapsed().as_secs_f64();
    thread::sleep(Duration::from_secs(1));
    let to = start.elapsed().as_secs_f64();
    println!("Job {number} on worker {worker}, from {from:.2} s to {to:.2} s");
}

const JOBS: u32 = 5;

fn main() {
    // Like `multiprocessing.Pool(processes=2)`: a pool of two workers.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("build the pool");
    let workers = pool.current_num_threads() as u32;
    println!("Pool of {workers} worker threads");

    let start = Instant::now();
    pool.install(|| (0..JOBS).into_par_iter().for_each(|n| job(n, start)));
    let elapsed = start.elapsed().as_secs_f64();

    let rounds = JOBS.div_ceil(workers); // ceil(jobs / workers)
    println!("Finished in {elapsed:.2} seconds");
    println!(
        "{JOBS} jobs / {workers} workers = {rounds} rounds of {:.2} seconds",
        elapsed / f64::from(rounds)
    );
}
