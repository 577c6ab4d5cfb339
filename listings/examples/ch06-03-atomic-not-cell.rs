//! Listing 6-8 fixed: an atomic may be changed through a shared reference by
//! several threads at once.
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;

fn main() {
    let count = AtomicI32::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| count.fetch_add(1, Ordering::Relaxed));
        }
    });
    println!("{}", count.into_inner());
}
