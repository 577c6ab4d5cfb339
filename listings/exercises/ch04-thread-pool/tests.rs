use super::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

#[test]
fn submit_returns_each_job_s_result() {
    let pool = ThreadPool::new(3);
    let handles: Vec<_> = (0..20u64).map(|n| pool.submit(move || n * 10)).collect();
    let results: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results, (0..20).map(|n| n * 10).collect::<Vec<_>>());
}

#[test]
fn the_workers_run_jobs_at_the_same_time() {
    // Four jobs that each wait for all four: they finish only if four
    // workers run them at once.
    let pool = ThreadPool::new(4);
    let barrier = Arc::new(Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            pool.submit(move || {
                barrier.wait();
                thread::current().id()
            })
        })
        .collect();
    let mut ids: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    ids.sort_by_key(|id| format!("{id:?}"));
    ids.dedup();
    assert_eq!(ids.len(), 4, "four different threads");
}

#[test]
fn a_panicking_job_gives_an_error_and_the_pool_goes_on() {
    let pool = ThreadPool::new(1);
    let failed = pool.submit(|| -> u32 { panic!("this job fails (as the test expects)") });
    let next = pool.submit(|| 42);
    assert_eq!(failed.join(), Err(JobPanicked));
    assert_eq!(next.join(), Ok(42), "the only worker survived the panic");
}

#[test]
fn dropping_the_pool_finishes_the_queued_jobs() {
    let done = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2);
    for _ in 0..10 {
        let done = Arc::clone(&done);
        // The handles are dropped at once: nobody waits for these results.
        pool.submit(move || {
            thread::sleep(Duration::from_millis(10));
            done.fetch_add(1, Ordering::SeqCst);
        });
    }
    drop(pool);
    assert_eq!(done.load(Ordering::SeqCst), 10);
}
