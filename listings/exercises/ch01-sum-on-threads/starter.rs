//! Exercise 1-1: sum a large vector on N threads, then with rayon.
use std::time::Instant;

/// The sum of `numbers`, computed on `threads` threads (at least 1): each
/// thread sums one slice and returns its part through `join`.
fn sum_on_threads(numbers: &[u64], threads: usize) -> u64 {
    // Split `numbers` into `threads` slices (`chunks` helps), sum each on a
    // scoped thread (`std::thread::scope`), and add up what `join` returns.
    todo!("sum {} numbers on {threads} threads", numbers.len())
}

/// The same sum, computed by rayon's pool.
fn sum_with_rayon(numbers: &[u64]) -> u64 {
    // `use rayon::prelude::*;` gives slices a `par_iter` method.
    todo!("sum {} numbers with rayon", numbers.len())
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
