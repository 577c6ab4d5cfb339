//! Ten threads add one a million times each to a shared atomic, but with a
//! separate load and store: increments are lost.
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let value = AtomicU64::new(0);

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for i in 0..INCREMENTS {
                    // Read, then write: another thread may write in between.
                    let plus_one = value.load(Ordering::Relaxed) + 1;
                    if i % 100_000 == 0 {
                        // Now and then, let another thread run right here, as
                        // the operating system may do at any instruction.
                        thread::yield_now();
                    }
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
