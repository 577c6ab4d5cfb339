//! Wrong: `Drop` joins the workers while the pool still holds the channel's `Sender`, so they wait for more jobs forever
//! Caught by: submit_returns_each_job_s_result, the_workers_run_jobs_at_the_same_time, as_many_jobs_run_at_once_as_the_pool_has_threads_and_no_more, a_panicking_job_gives_an_error_and_the_pool_goes_on, dropping_the_pool_waits_for_a_job_however_long_it_runs, dropping_the_pool_finishes_the_queued_jobs
//!
//! Exercise 4-1: a thread pool built by hand from a channel, whose `submit`
//! returns a handle to the result, and which survives a panicking job: the
//! counterpart of Python's `ThreadPoolExecutor`.
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;

/// A job as the workers receive it: any closure, run once, on any thread.
type Job = Box<dyn FnOnce() + Send>;

/// Why a handle gives no result.
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
    jobs: mpsc::Sender<Job>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts `threads` workers (at least one). The workers share the
    /// receiving end of one channel of jobs: each takes the next job as soon
    /// as it is free, so jobs run on the workers only, as many at once as
    /// there are workers.
    fn new(threads: usize) -> ThreadPool {
        assert!(threads > 0, "a pool needs at least one thread");
        let (jobs, queue) = mpsc::channel::<Job>();
        // One receiver for all the workers: each takes the lock to take a job.
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..threads)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::spawn(move || {
                    loop {
                        // The guard is dropped at the end of this statement,
                        // before the job runs: other workers take jobs meanwhile.
                        let job = queue.lock().unwrap().recv();
                        match job {
                            Ok(job) => job(),
                            Err(_) => break, // the channel is closed and empty
                        }
                    }
                })
            })
            .collect();
        ThreadPool { jobs, workers }
    }

    /// Queues `job` and returns a handle to its result. A job that panics
    /// gives `Err(JobError::Panicked)` and does not take its worker down
    /// with it.
    fn submit<T, F>(&self, job: F) -> Handle<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (sender, result) = mpsc::channel();
        let wrapped: Job = Box::new(move || {
            // A panic stops here, in this job, instead of ending the worker.
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(job)).map_err(|_| JobError::Panicked);
            // Nobody may be waiting for the result any more: that is fine.
            let _ = sender.send(outcome);
        });
        self.jobs.send(wrapped).expect("the workers are running");
        Handle { result }
    }
}

impl Drop for ThreadPool {
    /// Closes the channel, so that each worker ends once the queue is empty,
    /// and waits for every worker: no queued job is lost.
    fn drop(&mut self) {
        for worker in self.workers.drain(..) {
            // `Err` only if the worker itself panicked, which the catching
            // of the jobs' panics rules out. A panic in `drop` while another
            // panic unwinds would abort the program, so no `unwrap` here.
            let _ = worker.join();
        }
    }
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
#[path = "../tests.rs"]
mod tests;
