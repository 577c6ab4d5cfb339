//! Wrong: joins each thread right after spawning it, so the slices are summed one after the other
//! Caught by: the_threads_run_at_the_same_time
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
    // `threads` slices of `size` numbers, and one more number in each of the
    // first `longer` slices: the lengths differ by at most one.
    let (size, longer) = (numbers.len() / threads, numbers.len() % threads);
    // Every thread borrows `sum_slice`: the `move` closures below copy this
    // reference, not the closure itself.
    let sum_slice = &sum_slice;
    thread::scope(|s| {
        let mut handles = Vec::new();
        let mut start = 0;
        for i in 0..threads {
            let end = start + size + usize::from(i < longer);
            if end == start {
                break; // fewer numbers than threads: the other slices would be empty
            }
            let slice = &numbers[start..end];
            let handle = s.spawn(move || Part {
                start,
                end,
                sum: sum_slice(slice),
                thread: thread::current().id(),
            });
            // The part is ready as soon as its thread is joined.
            handles.push(handle.join().unwrap());
            start = end;
        }
        handles
    })
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
