//! Section 7.2: the GIL, held and released.
use std::sync::{Condvar, LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// ANCHOR: count
/// Counts holding the GIL: no other Python thread runs until it returns.
#[pyfunction]
pub fn count_primes_held(start: u64, end: u64) -> u64 {
    crate::count_primes(start, end)
}

/// Counts with the GIL released: other Python threads run meanwhile.
#[pyfunction]
pub fn count_primes_detached(py: Python<'_>, start: u64, end: u64) -> u64 {
    py.detach(|| crate::count_primes(start, end))
}
// ANCHOR_END: count

// ANCHOR: timed
/// Rust's clock, started when it is first read.
static CLOCK: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Seconds on Rust's clock: the origin of the times the `_timed` functions return.
#[pyfunction]
pub fn clock() -> f64 {
    CLOCK.elapsed().as_secs_f64()
}

/// The count, and when the Rust code ran: a Python thread that reads
/// `time.perf_counter()` before its call may still wait for the GIL after it.
fn timed(start: u64, end: u64) -> (u64, f64, f64) {
    let began = clock();
    (crate::count_primes(start, end), began, clock())
}

#[pyfunction]
pub fn count_primes_held_timed(start: u64, end: u64) -> (u64, f64, f64) {
    timed(start, end)
}

#[pyfunction]
pub fn count_primes_detached_timed(py: Python<'_>, start: u64, end: u64) -> (u64, f64, f64) {
    py.detach(|| timed(start, end))
}
// ANCHOR_END: timed

// ANCHOR: gate
/// A gate one thread waits at and another opens.
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

struct GateState {
    waiting: bool,
    open: bool,
}

static GATE: Gate = Gate {
    state: Mutex::new(GateState {
        waiting: false,
        open: false,
    }),
    changed: Condvar::new(),
};

impl Gate {
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until the gate is opened, or `timeout` passes: whether it opened.
    fn wait(&self, timeout: Duration) -> bool {
        let mut state = self.lock();
        (state.waiting, state.open) = (true, false);
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |state| !state.open)
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting = false;
        state.open
    }
}

/// Seconds from Python as a `Duration`: `ValueError` for a negative, NaN or
/// huge value, rather than the panic of `Duration::from_secs_f64`.
fn timeout(seconds: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(seconds).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Waits at the gate holding the GIL.
#[pyfunction]
pub fn wait_held(seconds: f64) -> PyResult<bool> {
    Ok(GATE.wait(timeout(seconds)?))
}

/// Waits at the gate with the GIL released.
#[pyfunction]
pub fn wait_detached(py: Python<'_>, seconds: f64) -> PyResult<bool> {
    let timeout = timeout(seconds)?;
    Ok(py.detach(|| GATE.wait(timeout)))
}

/// Whether a thread is waiting at the gate now.
#[pyfunction]
pub fn is_waiting() -> bool {
    GATE.lock().waiting
}

/// Opens the gate for the thread waiting at it.
#[pyfunction]
pub fn open_gate() {
    GATE.lock().open = true;
    GATE.changed.notify_all();
}
// ANCHOR_END: gate
