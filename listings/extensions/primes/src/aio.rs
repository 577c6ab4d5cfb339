//! Section 7.6: asyncio awaits tokio.
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use pyo3::prelude::*;

/// An awaitable for asyncio: sleeps `ms` milliseconds on tokio's runtime,
/// then returns the name and the id of the thread the sleep ended on.
#[pyfunction]
pub fn tokio_sleep(py: Python<'_>, ms: u64) -> PyResult<Bound<'_, PyAny>> {
    // The future must be `Send + 'static`: it runs on tokio's threads, not
    // on this one. It cannot hold a `Python` token (not `Send`) and never
    // calls `Python::attach`, so it runs without the GIL.
    pyo3_async_runtimes::tokio::future_into_py(py, async move {
        let mut guard = SleepGuard { ended: false };
        tokio::time::sleep(Duration::from_millis(ms)).await;
        guard.end();
        let thread = thread::current();
        let name = thread.name().unwrap_or("unnamed").to_string();
        Ok((name, format!("{:?}", thread.id())))
    })
}

/// How many worker threads the runtime has (it is built at first use, by
/// either function).
#[pyfunction]
pub fn tokio_workers() -> usize {
    pyo3_async_runtimes::tokio::get_runtime()
        .metrics()
        .num_workers()
}
/// How many of `tokio_sleep`'s futures were dropped before their sleep ended.
static DROPPED_UNFINISHED: AtomicU64 = AtomicU64::new(0);

/// Moved into each future, and dropped with it.
struct SleepGuard {
    ended: bool,
}

impl SleepGuard {
    fn end(&mut self) {
        self.ended = true;
    }
}

impl Drop for SleepGuard {
    fn drop(&mut self) {
        if !self.ended {
            DROPPED_UNFINISHED.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// How many `tokio_sleep` futures were dropped before their sleep ended.
#[pyfunction]
pub fn dropped_unfinished() -> u64 {
    DROPPED_UNFINISHED.load(Ordering::Relaxed)
}
