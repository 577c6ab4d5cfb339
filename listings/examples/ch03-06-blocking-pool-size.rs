//! A hundred blocking sleeps on tokio's blocking pool: how many threads it starts for them,
//! with its default limit and with `max_blocking_threads(10)`.
use std::collections::HashSet;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

const SLEEPS: usize = 100;
const SLEEP: Duration = Duration::from_millis(50);

/// Runs the sleeps on `runtime`'s blocking pool and counts the threads they ran on.
fn measure(runtime: &tokio::runtime::Runtime) -> (usize, u128) {
    runtime.block_on(async {
        let start = Instant::now();
        let tasks: Vec<_> = (0..SLEEPS)
            .map(|_| {
                tokio::task::spawn_blocking(|| -> ThreadId {
                    thread::sleep(SLEEP);
                    thread::current().id()
                })
            })
            .collect();
        let mut threads = HashSet::new();
        for task in tasks {
            threads.insert(task.await.unwrap());
        }
        (threads.len(), start.elapsed().as_millis())
    })
}

fn main() {
    // No enable_all(): the blocking pool needs neither timers nor I/O (tokio::time would panic).
    let default = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (threads, ms) = measure(&default);
    println!(
        "default pool:             {SLEEPS} sleeps of 50 ms on {threads:>3} threads, {ms:>4} ms"
    );
    drop(default); // and its hundred idle threads with it, before the next measurement

    let limited = tokio::runtime::Builder::new_current_thread()
        .max_blocking_threads(10)
        .build()
        .unwrap();
    let (threads, ms) = measure(&limited);
    println!(
        "max_blocking_threads(10): {SLEEPS} sleeps of 50 ms on {threads:>3} threads, {ms:>4} ms"
    );
}
