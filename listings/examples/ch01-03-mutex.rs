//! The shared counter behind a Mutex: every increment counts.
use std::sync::Mutex;
use std::thread;

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let value: Mutex<u64> = Mutex::new(0);

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..INCREMENTS {
                    // The guard unlocks when it is dropped, at the end of the statement.
                    *value.lock().unwrap() += 1;
                }
            });
        }
    });

    println!("Value:    {}", value.into_inner().unwrap());
    println!("Expected: {}", THREADS * INCREMENTS);
}
