//! Chapter 7's extension module, `primes`: one file per section of the chapter.
use pyo3::prelude::*;

mod aio;
mod errors;
mod gil;
mod parallel;
mod shared;

/// The primes in `start..end` by trial division: Chapter 5's test, in Rust.
pub fn count_primes(start: u64, end: u64) -> u64 {
    (start.max(2)..end).filter(|&n| is_prime(n)).count() as u64
}

fn is_prime(n: u64) -> bool {
    // `d <= n / d`, not `d * d <= n`: Python may pass any u64, and d * d
    // overflows past 2^32.
    (2..)
        .take_while(|&d| d <= n / d)
        .all(|d| !n.is_multiple_of(d))
}

/// What `import primes` finds.
#[pymodule]
mod primes {
    #[pymodule_export]
    use crate::aio::{dropped_unfinished, tokio_sleep, tokio_workers};
    #[pymodule_export]
    use crate::errors::{ChunkSizeError, count_primes_checked};
    #[pymodule_export]
    use crate::gil::{
        clock, count_primes_detached, count_primes_detached_timed, count_primes_held,
        count_primes_held_timed, is_waiting, open_gate, wait_detached, wait_held,
    };
    #[pymodule_export]
    use crate::parallel::{
        count_primes_rayon, count_primes_reporting, count_primes_reporting_held, panic_in_par_iter,
        panic_in_scope, panic_in_spawn,
    };
    #[pymodule_export]
    use crate::shared::{MutTally, Tally, add_on_threads};
}
