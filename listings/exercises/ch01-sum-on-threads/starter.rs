//! Exercise 1-1: sum a large vector on N threads, then with rayon.
use std::thread::ThreadId;
use std::time::Instant;

/// What one thread did: it summed `numbers[start..end]` into `sum`.
#[derive(Debug)]
struct Part {
    start: usize,
    end: usize,
    sum: u64,
    /// The thread that summed the slice (`thread::current().id()`).
    thread: ThreadId,
}

/// Sums `numbers` on `threads` threads (at least 1). Splits it into
/// `threads` contiguous slices whose lengths differ by at most one (fewer
/// slices when there are fewer numbers than threads: no slice is empty),
/// sums each slice with `sum_slice` on a scoped thread of its own, all the
/// threads running at the same time, and returns the parts in the order of
/// the slices.
fn sum_on_threads(
    numbers: &[u64],
    threads: usize,
    sum_slice: impl Fn(&[u64]) -> u64 + Sync,
) -> Vec<Part> {
    // Work out where each slice starts and ends, sum each slice with
    // `sum_slice` on a scoped thread (`std::thread::scope`), and collect the
    // parts `join` returns.
    todo!(
        "sum {} numbers on {threads} threads with {}",
        numbers.len(),
        std::any::type_name_of_val(&sum_slice)
    )
}

/// The same sum, computed by rayon's pool.
fn sum_with_rayon(numbers: &[u64]) -> u64 {
    // `use rayon::prelude::*;` gives slices a `par_iter` method.
    todo!("sum {} numbers with rayon", numbers.len())
}

fn main() {
    let numbers: Vec<u64> = (1..=1_000_000).collect();

    let start = Instant::now();
    let parts = sum_on_threads(&numbers, 4, |slice| slice.iter().sum());
    let sum: u64 = parts.iter().map(|part| part.sum).sum();
    println!("4 threads: {sum} in {:?}", start.elapsed());
    for part in &parts {
        let (start, end, sum, thread) = (part.start, part.end, part.sum, part.thread);
        println!("  numbers[{start}..{end}] on {thread:?}: {sum}");
    }

    let start = Instant::now();
    let sum = sum_with_rayon(&numbers);
    println!("rayon:     {sum} in {:?}", start.elapsed());
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
