//! Exercise 7-1: a slot that one Python thread takes a value from while
//! another puts it there. `take` is yours: it waits for the value with the
//! GIL released, so that the thread that is to put it can run.
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// What the lock guards.
struct State {
    /// The value put and not yet taken.
    value: Option<u64>,
    /// How many threads are waiting in `take`.
    waiters: usize,
}

/// A slot for one value. `frozen`: Python threads share it, and it changes
/// only behind its own lock, so PyO3 need not track borrows of it.
#[pyclass(frozen)]
struct Slot {
    state: Mutex<State>,
    /// Notified when a value is put.
    changed: Condvar,
}

impl Slot {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl Slot {
    #[new]
    fn new() -> Slot {
        Slot {
            state: Mutex::new(State {
                value: None,
                waiters: 0,
            }),
            changed: Condvar::new(),
        }
    }

    /// Puts `value` in the slot and wakes one thread waiting in `take`. The
    /// slot holds one value: a `put` that finds one there fails.
    fn put(&self, value: u64) -> PyResult<()> {
        // Locked with the GIL held: no thread may wait for the GIL while it
        // holds this lock, or the two would wait for each other.
        let mut state = self.lock();
        if let Some(old) = state.value {
            return Err(PyRuntimeError::new_err(format!(
                "the slot already holds {old}: take it first"
            )));
        }
        state.value = Some(value);
        self.changed.notify_one();
        Ok(())
    }

    /// How many threads are waiting in `take` now.
    fn waiters(&self) -> usize {
        self.lock().waiters
    }

    /// Waits until the slot holds a value, and takes it out: each value is
    /// taken once. While it waits, it counts itself in `waiters` and the GIL
    /// is released: the thread that is to put the value needs the GIL to
    /// call `put`.
    #[allow(unused_variables)] // `py`: until your code uses it
    fn take(&self, py: Python<'_>) -> u64 {
        todo!("with the GIL released, wait until there is a value; take it out")
    }
}

/// What `import handoff` finds.
#[pymodule]
mod handoff {
    #[pymodule_export]
    use super::Slot;
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
