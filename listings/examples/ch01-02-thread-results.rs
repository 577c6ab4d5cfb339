//! Each thread counts on its own and returns its count through `join`;
//! main sums the counts. No data is shared, so nothing needs a lock.
use std::thread::{self, JoinHandle};

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let handles: Vec<JoinHandle<u64>> = (0..THREADS)
        .map(|_| {
            thread::spawn(|| {
                let mut count = 0; // this thread's own counter
                for _ in 0..INCREMENTS {
                    count += 1;
                }
                count // the thread's result: `join` hands it back
            })
        })
        .collect();

    // `join` waits for the thread and returns `Ok(count)`, or `Err` if it panicked.
    let counts: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("Counts:   {counts:?}");
    println!("Total:    {}", counts.iter().sum::<u64>());
    println!("Expected: {}", THREADS * INCREMENTS);
}
