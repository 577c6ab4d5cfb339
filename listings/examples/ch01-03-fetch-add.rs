//! The shared counter as one atomic read-modify-write: no lock, no lost updates.
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let value = AtomicU64::new(0);

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..INCREMENTS {
                    value.fetch_add(1, Ordering::Relaxed); // read, add and write as one step
                }
            });
        }
    });

    println!("Value:    {}", value.into_inner());
    println!("Expected: {}", THREADS * INCREMENTS);
}
