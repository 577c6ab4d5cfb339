//! Exercise 1-1: sum a large vector on N threads, then with rayon.
use std::thread;
use std::time::Instant;

use rayon::prelude::*;

/// The sum of `numbers`, computed on `threads` threads (at least 1): each
/// thread sums one slice and returns its part through `join`.
fn sum_on_threads(numbers: &[u64], threads: usize) -> u64 {
    assert!(threads > 0, "at least one thread");
    // Round up, so that at most `threads` slices cover every number (and never ask
    // `chunks` for slices of length 0).
    let size = numbers.len().div_ceil(threads).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(size)
            .map(|slice| s.spawn(move || slice.iter().sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

/// The same sum, computed by rayon's pool.
fn sum_with_rayon(numbers: &[u64]) -> u64 {
    numbers.par_iter().sum()
}

fn main() {
    let numbers: Vec<u64> = (1..=1_000_000).collect();

    let start = Instant::now();
    let sum = sum_on_threads(&numbers, 4);
    println!("4 threads: {sum} in {:?}", start.elapsed());

    let start = Instant::now();
    let sum = sum_with_rayon(&numbers);
    println!("rayon:     {sum} in {:?}", start.elapsed());
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
