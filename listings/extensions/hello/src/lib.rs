//! Chapter 7, Listing 7-1: the smallest Python extension module.
use pyo3::prelude::*;

/// Counts the primes in `start..end` by trial division.
#[pyfunction]
fn count_primes(start: u64, end: u64) -> u64 {
    (start.max(2)..end).filter(|&n| is_prime(n)).count() as u64
}

fn is_prime(n: u64) -> bool {
    // `d <= n / d`, not `d * d <= n`: Python may pass any u64, and d * d
    // overflows past 2^32.
    (2..)
        .take_while(|&d| d <= n / d)
        .all(|d| !n.is_multiple_of(d))
}

/// `import hello` runs this on the new module: it adds the function.
#[pymodule]
fn hello(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(count_primes, m)?)
}
