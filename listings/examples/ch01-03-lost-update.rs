//! Ten threads add one a million times each to a shared atomic, but with a
//! separate load and store: increments are lost.
use std::sync::Barrier;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let value = AtomicU64::new(0);
    let start = Barrier::new(THREADS as usize); // start everyone at once

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                start.wait();
                for _ in 0..INCREMENTS {
                    // Read, then write: another thread may write in between.
                    let plus_one = value.load(Ordering::Relaxed) + 1;
                    value.store(plus_one, Ordering::Relaxed);
                }
            });
        }
    });

    let value = value.into_inner();
    println!("Value:    {value}");
    println!("Expected: {}", THREADS * INCREMENTS);
    println!("Lost:     {}", THREADS * INCREMENTS - value);
}
