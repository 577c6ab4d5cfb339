//! Section 7.4: errors and bad input.
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// Python's `class ChunkSizeError(ValueError)`, as `primes.ChunkSizeError`:
// callers that catch ValueError catch it too.
create_exception!(
    primes,
    ChunkSizeError,
    PyValueError,
    "A chunk size that cannot split the work."
);

/// Counts as `count_primes_rayon` does, after checking its input: a chunk
/// of 0 is the caller's mistake, so it raises an exception, not a panic.
#[pyfunction]
pub fn count_primes_checked(py: Python<'_>, limit: u64, chunk: u64) -> PyResult<u64> {
    // `?` hands an `Err` to the caller, as an uncaught exception does in
    // Python: PyO3 raises it once it reaches Python.
    let chunk = check_chunk(chunk)?;
    Ok(crate::parallel::count_primes_rayon(py, limit, chunk))
}

fn check_chunk(chunk: u64) -> PyResult<u64> {
    if chunk == 0 {
        return Err(ChunkSizeError::new_err("chunk must be at least 1, got 0"));
    }
    Ok(chunk)
}
