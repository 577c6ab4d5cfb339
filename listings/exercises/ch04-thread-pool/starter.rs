//! Exercise 4-1: a thread pool built by hand from a channel, whose `submit`
//! returns a handle to the result, and which survives a panicking job: the
//! counterpart of Python's `ThreadPoolExecutor`.
use std::sync::mpsc;

/// The job panicked: its handle's `join` gives this instead of a result.
#[derive(Debug, PartialEq)]
struct JobPanicked;

/// The result of one submitted job, once it is done.
struct Handle<T> {
    result: mpsc::Receiver<Result<T, JobPanicked>>,
}

impl<T> Handle<T> {
    /// Waits for the job and gives its result.
    fn join(self) -> Result<T, JobPanicked> {
        // The job always sends one result; if it cannot, the pool is gone.
        self.result.recv().unwrap_or(Err(JobPanicked))
    }
}

/// `threads` worker threads that take jobs from one channel.
struct ThreadPool {
    // Your fields: the sending end of the jobs' channel, and the workers'
    // `JoinHandle`s.
}

impl ThreadPool {
    /// Starts `threads` workers (at least one). The workers share the
    /// receiving end of one channel of jobs, `Box<dyn FnOnce() + Send>`: any
    /// closure, run once, on any thread.
    fn new(threads: usize) -> ThreadPool {
        todo!("start {threads} workers")
    }

    /// Queues `job` and returns a handle to its result. A job that panics
    /// gives `Err(JobPanicked)` and does not take its worker down with it.
    fn submit<T, F>(&self, job: F) -> Handle<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        // Make a channel for the result; wrap `job` in a `Job` that runs it
        // under `std::panic::catch_unwind` and sends what comes out; queue it.
        todo!("queue a job of {}", std::any::type_name_of_val(&job))
    }
}

impl Drop for ThreadPool {
    /// Closes the channel, so that each worker ends once the queue is empty,
    /// and waits for every worker: no queued job is lost.
    fn drop(&mut self) {}
}

fn main() {
    let pool = ThreadPool::new(4);
    let squares: Vec<_> = (1..=8u64).map(|n| pool.submit(move || n * n)).collect();
    let oops = pool.submit(|| -> u64 { panic!("a job that fails") });
    let after = pool.submit(|| "the pool still works");
    for handle in squares {
        print!("{} ", handle.join().unwrap());
    }
    println!();
    println!("{:?}", oops.join());
    println!("{:?}", after.join());
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
