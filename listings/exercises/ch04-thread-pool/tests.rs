use super::*;
use std::collections::HashSet;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

/// Runs `test` on a thread of its own, watched: if it has not finished after
/// 5 s, the test fails with `hung` instead of hanging.
fn watched(hung: &str, test: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let runner = thread::spawn(move || {
        test();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(5)) {
        Ok(()) => {}
        // The test panicked: fail with its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("not finished after 5 s: {hung}"),
    }
}

#[test]
fn submit_returns_each_job_s_result() {
    watched(
        "a handle never gave its job's result, or the pool's drop never returned",
        || {
            let pool = ThreadPool::new(3);
            let handles: Vec<_> = (0..20u64).map(|n| pool.submit(move || n * 10)).collect();
            let results: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
            assert_eq!(results, (0..20).map(|n| n * 10).collect::<Vec<_>>());
        },
    );
}

#[test]
fn the_workers_run_jobs_at_the_same_time() {
    watched(
        "four jobs that each wait at a Barrier until all four are running never \
         ran at once on a pool of four",
        || {
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
            let ids: HashSet<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
            assert_eq!(ids.len(), 4, "four different threads");
        },
    );
}

#[test]
fn as_many_jobs_run_at_once_as_the_pool_has_threads_and_no_more() {
    watched(
        "the jobs wait at a Barrier until `threads` of them (2, then 3) run at once, \
         and that never happened: does the pool start fewer workers than it is asked \
         for, or does a worker hold the queue's lock while its job runs?",
        || {
            for threads in [2, 3] {
                let pool = ThreadPool::new(threads);
                let running = Arc::new(AtomicUsize::new(0));
                let most = Arc::new(AtomicUsize::new(0));
                let barrier = Arc::new(Barrier::new(threads));
                // Each job counts itself in, waits until `threads` jobs have,
                // then runs 200 ms: long enough for a worker too many to
                // take a job meanwhile, and be counted.
                let handles: Vec<_> = (0..3 * threads)
                    .map(|_| {
                        let (running, most) = (Arc::clone(&running), Arc::clone(&most));
                        let barrier = Arc::clone(&barrier);
                        pool.submit(move || {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            barrier.wait();
                            thread::sleep(Duration::from_millis(200));
                            running.fetch_sub(1, Ordering::SeqCst);
                            thread::current().id()
                        })
                    })
                    .collect();
                let ids: HashSet<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
                assert_eq!(
                    most.load(Ordering::SeqCst),
                    threads,
                    "the most jobs running at once on a pool of {threads}"
                );
                assert!(
                    !ids.contains(&thread::current().id()),
                    "a job ran on the thread that submitted it, not on a worker"
                );
            }
        },
    );
}

#[test]
fn a_panicking_job_gives_an_error_and_the_pool_goes_on() {
    watched(
        "a handle never gave its job's result, or the pool's drop never returned",
        || {
            let pool = ThreadPool::new(1);
            let failed = pool.submit(|| -> u32 { panic!("this job fails (as the test expects)") });
            let next = pool.submit(|| 42);
            assert_eq!(
                failed.join(),
                Err(JobError::Panicked),
                "a job that panics gives Err(JobError::Panicked); Lost means that the \
             panic took the job's result, and its worker, with it"
            );
            assert_eq!(next.join(), Ok(42), "the only worker survived the panic");
        },
    );
}

#[test]
fn dropping_the_pool_waits_for_a_job_however_long_it_runs() {
    watched("dropping the pool never returned", || {
        let pool = ThreadPool::new(1);
        let (started, job_started) = mpsc::channel();
        let (release, released) = mpsc::channel::<()>();
        // A job that runs until the test lets it end.
        pool.submit(move || {
            started.send(()).unwrap();
            let _ = released.recv();
        });
        job_started.recv().unwrap();
        let (dropped, pool_dropped) = mpsc::channel();
        thread::spawn(move || {
            drop(pool);
            let _ = dropped.send(());
        });
        // Only a drop that joins its workers is still waiting 2 s later.
        assert_eq!(
            pool_dropped.recv_timeout(Duration::from_secs(2)),
            Err(mpsc::RecvTimeoutError::Timeout),
            "the drop of the pool returned while a job was still running: it must \
             join the workers, which takes as long as their jobs do"
        );
        release.send(()).unwrap();
        pool_dropped.recv().unwrap();
    });
}

#[test]
fn dropping_the_pool_finishes_the_queued_jobs() {
    watched("dropping the pool never returned", || {
        let done = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(2);
        for _ in 0..10 {
            let done = Arc::clone(&done);
            // The handles are dropped at once: nobody waits for these results.
            pool.submit(move || {
                thread::sleep(Duration::from_millis(100));
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
        assert_eq!(
            done.load(Ordering::SeqCst),
            10,
            "when the drop of the pool returns, every queued job has run"
        );
    });
}
