//! The same two CPU-bound tasks on a one-thread runtime and on a two-worker runtime.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

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

fn two_tasks(name: &str, runtime: &Runtime) {
    PEAK.store(0, Ordering::SeqCst);
    let start = Instant::now();
    runtime.block_on(async {
        let a = tokio::spawn(async { crunch() });
        let b = tokio::spawn(async { crunch() });
        a.await.unwrap() ^ b.await.unwrap()
    });
    let ms = start.elapsed().as_millis();
    let peak = PEAK.load(Ordering::SeqCst);
    println!("{name:<33} {ms} ms, at most {peak} task(s) computing at once");
}

fn main() {
    let one_thread = Builder::new_current_thread().build().unwrap();
    let two_workers = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    two_tasks("current_thread runtime (1 thread):", &one_thread);
    two_tasks("multi_thread runtime (2 workers):", &two_workers);
}
