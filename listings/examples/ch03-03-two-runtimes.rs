//! The same two CPU-bound tasks on a one-thread runtime and on a two-worker runtime.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Runtime};

static RUNNING: AtomicUsize = AtomicUsize::new(0); // tasks inside `crunch` now
static PEAK: AtomicUsize = AtomicUsize::new(0); // the most there ever were

/// A fraction of a second of pure computation: no `.await` inside.
fn crunch() -> u64 {
    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
    PEAK.fetch_max(now, Ordering::SeqCst);
    let mut x: u64 = 1;
    for i in 0..60_000_000u64 {
        x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(i));
    }
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    x
}

/// Runs two `crunch` tasks on `runtime`, prints how long they took and how
/// many were inside `crunch` at the same time, and returns the time.
fn two_tasks(name: &str, runtime: &Runtime) -> Duration {
    PEAK.store(0, Ordering::SeqCst);
    let start = Instant::now();
    runtime.block_on(async {
        let a = tokio::spawn(async { crunch() });
        let b = tokio::spawn(async { crunch() });
        a.await.unwrap() ^ b.await.unwrap()
    });
    let time = start.elapsed();
    let peak = PEAK.load(Ordering::SeqCst);
    let ms = time.as_millis();
    println!("{name:<34} {ms:>3} ms, at most {peak} task(s) in crunch at once");
    time
}

fn main() {
    let one_thread = Builder::new_current_thread().build().unwrap();
    let two_workers = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let one = two_tasks("current_thread runtime (1 thread):", &one_thread);
    let two = two_tasks("multi_thread runtime (2 workers):", &two_workers);
    // Being in `crunch` together is not computing together: the time tells.
    let speedup = one.as_secs_f64() / two.as_secs_f64();
    println!("speedup with 2 workers: {speedup:.1}x");
}
