//! The Mutex counter on threads that are not scoped: they may outlive `main`'s
//! locals, so each owns a clone of an `Arc`, and the last owner frees the counter.
use std::sync::{Arc, Mutex};
use std::thread;

const THREADS: u64 = 10;
const INCREMENTS: u64 = 1_000_000;

fn main() {
    let value = Arc::new(Mutex::new(0u64));

    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let value = Arc::clone(&value); // one more owner; the counter is not copied
            thread::spawn(move || {
                for _ in 0..INCREMENTS {
                    *value.lock().unwrap() += 1;
                }
            }) // this thread's clone is dropped when it ends
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }

    println!("Owners after the joins: {}", Arc::strong_count(&value));
    println!("Value:    {}", value.lock().unwrap());
    println!("Expected: {}", THREADS * INCREMENTS);
}
