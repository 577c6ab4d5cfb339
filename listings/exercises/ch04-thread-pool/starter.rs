//! Exercise 4-1: a thread pool built by hand from a channel, whose `submit`
//! returns a handle to the result, and which survives a panicking job: the
//! counterpart of Python's `ThreadPoolExecutor`.
use std::sync::mpsc;

/// A job as the workers receive it: any closure, run once, on any thread.
#[allow(dead_code)] // until your pool sends them
type Job = Box<dyn FnOnce() + Send>;

/// Why a handle gives no result.
#[allow(dead_code)] // until your pool gives them
#[derive(Debug, PartialEq)]
enum JobError {
    /// The job panicked; its worker caught the panic and went on.
    Panicked,
    /// The job's result will never come: the job was dropped before it could
    /// send one (its worker died running it, say, or the queue was dropped
    /// with the job still in it).
    Lost,
}

/// The result of one submitted job, once it is done.
struct Handle<T> {
    result: mpsc::Receiver<Result<T, JobError>>,
}

impl<T> Handle<T> {
    /// Waits for the job and gives its result.
    fn join(self) -> Result<T, JobError> {
        // `recv` fails once the job's `Sender` is gone without sending.
        self.result.recv().unwrap_or(Err(JobError::Lost))
    }
}

/// `threads` worker threads that take jobs from one channel.
struct ThreadPool {
    // Your fields: the sending end of the jobs' channel, and the workers'
    // `JoinHandle`s.
}

impl ThreadPool {
    /// Starts `threads` workers (at least one). The workers share the
    /// receiving end of one channel of jobs: each takes the next job as soon
    /// as it is free, so jobs run on the workers only, as many at once as
    /// there are workers.
    fn new(threads: usize) -> ThreadPool {
        todo!("start {threads} workers")
    }

    /// Queues `job` and returns a handle to its result. A job that panics
    /// gives `Err(JobError::Panicked)` and does not take its worker down
    /// with it.
    fn submit<T, F>(&self, job: F) -> Handle<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
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
