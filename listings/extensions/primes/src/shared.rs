//! Section 7.5: objects shared between threads.
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use pyo3::prelude::*;

// ANCHOR: classes
/// A tally of primes that any number of threads may add to at once.
#[pyclass(frozen)]
pub struct Tally {
    // `frozen` gives the methods only `&self`, so the count changes through
    // an atomic: one indivisible read-modify-write, no lock.
    found: AtomicU64,
}

#[pymethods]
impl Tally {
    #[new]
    fn new() -> Self {
        Tally {
            found: AtomicU64::new(0),
        }
    }

    /// Counts the primes in `start..end` with the GIL released, adds them
    /// to the tally, and returns them.
    fn add(&self, py: Python<'_>, start: u64, end: u64) -> u64 {
        let primes = py.detach(|| crate::count_primes(start, end));
        self.found.fetch_add(primes, Ordering::Relaxed);
        primes
    }

    #[getter]
    fn found(&self) -> u64 {
        self.found.load(Ordering::Relaxed)
    }
}

/// The same tally as a plain `u64`, changed through `&mut self`: PyO3
/// checks at run time that nobody else borrows it meanwhile.
#[pyclass]
pub struct MutTally {
    found: u64,
}

#[pymethods]
impl MutTally {
    #[new]
    fn new() -> Self {
        MutTally { found: 0 }
    }

    /// Counts holding the GIL, then adds.
    fn add_held(&mut self, start: u64, end: u64) -> u64 {
        let primes = crate::count_primes(start, end);
        self.found += primes;
        primes
    }

    /// Counts with the GIL released, then adds. `self` stays borrowed
    /// mutably for the whole call, the count included.
    fn add(&mut self, py: Python<'_>, start: u64, end: u64) -> u64 {
        let primes = py.detach(|| crate::count_primes(start, end));
        self.found += primes;
        primes
    }

    #[getter]
    fn found(&self) -> u64 {
        self.found
    }
}
// ANCHOR_END: classes

// ANCHOR: threads
/// Adds the primes in `start..end` to `tally` from `threads` Rust threads,
/// each counting its share of the range, with the GIL released throughout.
#[pyfunction]
pub fn add_on_threads(py: Python<'_>, tally: Py<Tally>, start: u64, end: u64, threads: u64) {
    let threads = threads.max(1);
    let share = end.saturating_sub(start).div_ceil(threads);
    py.detach(|| {
        thread::scope(|s| {
            for i in 0..threads {
                let from = start.saturating_add(i.saturating_mul(share)).min(end);
                let to = from.saturating_add(share).min(end);
                // A `&Py<Tally>` may go to another thread (`Py<T>` is `Sync`),
                // and `get` needs no GIL: `Tally` is frozen and `Sync`.
                let tally = &tally;
                s.spawn(move || {
                    let primes = crate::count_primes(from, to);
                    tally.get().found.fetch_add(primes, Ordering::Relaxed);
                });
            }
        });
    });
}
// ANCHOR_END: threads
