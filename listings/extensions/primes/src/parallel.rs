//! Section 7.3: rayon inside the extension.
use pyo3::prelude::*;
use rayon::prelude::*;

// ANCHOR: rayon
/// Counts the primes below `limit` on rayon's global pool, in ranges of
/// `chunk` numbers: one call from Python keeps every core busy.
#[pyfunction]
pub fn count_primes_rayon(py: Python<'_>, limit: u64, chunk: u64) -> u64 {
    // Detached first: this thread only waits for the workers, and Python's
    // other threads run meanwhile.
    py.detach(|| {
        chunks(limit, chunk)
            .map(|(start, end)| crate::count_primes(start, end))
            .sum()
    })
}

/// The ranges `start..end` of `chunk` numbers each that cover `0..limit`.
fn chunks(limit: u64, chunk: u64) -> impl ParallelIterator<Item = (u64, u64)> {
    (0..limit.div_ceil(chunk)).into_par_iter().map(move |i| {
        let start = i * chunk;
        (start, start.saturating_add(chunk).min(limit))
    })
}

/// Counts as `count_primes_rayon` does, and calls `progress(start, count)`
/// for each chunk, from the worker thread that counted it.
#[pyfunction]
pub fn count_primes_reporting(
    py: Python<'_>,
    limit: u64,
    chunk: u64,
    progress: Py<PyAny>,
) -> PyResult<u64> {
    py.detach(|| report(limit, chunk, &progress))
}

/// The same without `detach`: a deadlock. This thread holds the GIL while it
/// waits for the workers, and the first worker to report waits for the GIL.
#[pyfunction]
pub fn count_primes_reporting_held(limit: u64, chunk: u64, progress: Py<PyAny>) -> PyResult<u64> {
    report(limit, chunk, &progress)
}

fn report(limit: u64, chunk: u64, progress: &Py<PyAny>) -> PyResult<u64> {
    chunks(limit, chunk)
        .map(|(start, end)| {
            let count = crate::count_primes(start, end);
            // A rayon worker is not a Python thread: it attaches to call
            // Python, and detaches again when the closure returns. The call's
            // result is dropped inside, while the worker is attached.
            Python::attach(|py| progress.call1(py, (start, count)).map(drop))?;
            Ok(count)
        })
        // After an error rayon stops as soon as it can; an error is what Python sees raised.
        .try_reduce(|| 0, |a, b| Ok(a + b))
}
// ANCHOR_END: rayon

// ANCHOR: panics
/// One job of a parallel iterator panics: rayon carries the panic to the
/// thread that is waiting for the iterator, and PyO3 raises it in Python.
#[pyfunction]
pub fn panic_in_par_iter(py: Python<'_>) -> u64 {
    py.detach(|| {
        chunks(8_000, 1_000)
            .map(|(start, end)| {
                assert!(start != 5_000, "the job for {start}..{end} found a bug");
                crate::count_primes(start, end)
            })
            .sum()
    })
}

/// A job spawned in a scope panics: `scope` waits for its jobs, and panics
/// in turn once they have all finished.
#[pyfunction]
pub fn panic_in_scope(py: Python<'_>) {
    py.detach(|| {
        rayon::scope(|s| {
            s.spawn(|_| panic!("a job in a scope found a bug"));
        })
    })
}

/// A job started with `rayon::spawn` panics: nothing waits for it, so the
/// panic has nowhere to go, and rayon's default is to abort the process.
#[pyfunction]
pub fn panic_in_spawn() {
    rayon::spawn(|| panic!("a spawned job found a bug"));
}
// ANCHOR_END: panics
