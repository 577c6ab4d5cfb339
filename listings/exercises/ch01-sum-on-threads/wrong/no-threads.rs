//! Wrong: splits the numbers right, but sums the slices one after the other on the calling thread
//! Caught by: each_part_is_summed_on_a_thread_of_its_own, the_threads_run_at_the_same_time
//!
//! Exercise 1-1: sum a large vector on N threads, then with rayon.
use std::thread::{self, ThreadId};
use std::time::Instant;

use rayon::prelude::*;

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
    assert!(threads > 0, "at least one thread");
    let (size, longer) = (numbers.len() / threads, numbers.len() % threads);
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 0..threads {
        let end = start + size + usize::from(i < longer);
        if end == start {
            break;
        }
        // No thread: the slice is summed right here.
        parts.push(Part {
            start,
            end,
            sum: sum_slice(&numbers[start..end]),
            thread: thread::current().id(),
        });
        start = end;
    }
    parts
}

/// The same sum, computed by rayon's pool.
fn sum_with_rayon(numbers: &[u64]) -> u64 {
    numbers.par_iter().sum()
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
#[path = "../tests.rs"]
mod tests;
