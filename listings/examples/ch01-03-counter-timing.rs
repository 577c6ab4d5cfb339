//! The same count three ways, timed: one shared Mutex, one shared atomic, and
//! a count per thread summed after the joins.
use std::hint::black_box;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const THREADS: u64 = 4;
const INCREMENTS: u64 = 1_000_000;

/// Runs `count` on THREADS scoped threads; returns the total and the time taken.
fn timed(count: impl Fn() -> u64 + Sync) -> (u64, Duration) {
    let start = Instant::now();
    let total = thread::scope(|s| {
        // Every thread runs the same closure, through a shared reference to it.
        let handles: Vec<_> = (0..THREADS).map(|_| s.spawn(&count)).collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    (total, start.elapsed())
}

fn main() {
    let mutex = Mutex::new(0u64);
    let (_, mutex_time) = timed(|| {
        for _ in 0..INCREMENTS {
            *mutex.lock().unwrap() += 1;
        }
        0 // the count is in the mutex
    });
    let atomic = AtomicU64::new(0);
    let (_, atomic_time) = timed(|| {
        for _ in 0..INCREMENTS {
            atomic.fetch_add(1, Ordering::Relaxed);
        }
        0 // the count is in the atomic
    });
    let (sum, own_time) = timed(|| {
        let mut count = 0;
        for _ in 0..INCREMENTS {
            count = black_box(count) + 1; // black_box: really add, one at a time
        }
        count
    });

    println!("{THREADS} threads x {INCREMENTS} increments");
    for (how, total, time) in [
        ("one Mutex<u64>", mutex.into_inner().unwrap(), mutex_time),
        ("one AtomicU64", atomic.into_inner(), atomic_time),
        ("a count per thread", sum, own_time),
    ] {
        println!(
            "{how:>18}: {total} in {:>6.1} ms",
            time.as_secs_f64() * 1000.0
        );
    }
}
