use super::*;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Runs `body` on a thread of its own and gives up after 30 seconds: an
/// `extract_all` that never returns fails the test instead of hanging it.
fn within<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(30)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("extract_all did not return within 30 s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("extract_all panicked: {}", message.unwrap_or("?"))
        }
    }
}

/// Watches the days as they run: how many at once, at most, and on a pool
/// of how many threads.
struct Days {
    running: AtomicUsize,
    most: AtomicUsize,
    pool: AtomicUsize,
    /// The days wait, 10 s at most in all, until this many run at once.
    wanted: usize,
    until: Instant,
}

impl Days {
    fn new(wanted: usize) -> Days {
        Days {
            running: AtomicUsize::new(0),
            most: AtomicUsize::new(0),
            pool: AtomicUsize::new(0),
            wanted,
            until: Instant::now() + Duration::from_secs(10),
        }
    }

    /// A day's work, watched: it counts 1, as `day` does.
    fn day(&self) -> u64 {
        self.pool.store(rayon::current_num_threads(), SeqCst);
        let now = self.running.fetch_add(1, SeqCst) + 1;
        self.most.fetch_max(now, SeqCst);
        while self.most.load(SeqCst) < self.wanted && Instant::now() < self.until {
            thread::sleep(Duration::from_millis(1));
        }
        self.running.fetch_sub(1, SeqCst);
        1
    }

    /// (the most days seen at once, the size of the pool they ran on)
    fn seen(&self) -> (usize, usize) {
        (self.most.load(SeqCst), self.pool.load(SeqCst))
    }
}

#[test]
fn every_year_in_order() {
    let days = within(|| extract_all(&(1996..2004).collect::<Vec<_>>(), 2, |_, _| 1));
    let expected = [366, 365, 365, 365, 366, 365, 365, 365].map(Ok);
    assert_eq!(days, expected);
}

#[test]
fn a_failed_year_is_reported_in_its_place() {
    let results = within(|| extract_all(&[2000, 1066, 2023, 3000], 2, |_, _| 1));
    assert_eq!(
        results,
        [
            Ok(366),
            Err("1066 is not in the data set".to_string()),
            Ok(365),
            Err("3000 is not in the data set".to_string()),
        ]
    );
}

#[test]
fn as_many_days_at_once_as_threads() {
    for threads in [1, 2] {
        let (results, (most, pool)) = within(move || {
            let days = Days::new(threads);
            let results = extract_all(&[2020, 2021, 2022], threads, |_, _| days.day());
            (results, days.seen())
        });
        assert_eq!(results, [Ok(366), Ok(365), Ok(365)], "{threads} threads");
        assert_eq!(
            pool, threads,
            "the days ran on a rayon pool of size {pool}, where `threads` is {threads}"
        );
        assert_eq!(
            most, threads,
            "at most {most} days ran at once on {threads} threads: as many as there are threads"
        );
    }
}

#[test]
fn the_days_of_one_year_share_the_threads() {
    let (results, (most, _)) = within(|| {
        let days = Days::new(2);
        let results = extract_all(&[2024], 2, |_, _| days.day());
        (results, days.seen())
    });
    assert_eq!(results, [Ok(366)]);
    assert_eq!(
        most, 2,
        "the days of one year ran one at a time on 2 threads: every day must be a job \
         of its own, so that no thread is left idle"
    );
}

#[test]
fn the_results_come_in_the_order_of_the_years() {
    // The days of 2000 wait (10 s at most) until every day of 2001 is done,
    // so 2001 is finished first.
    let results = within(|| {
        let done_2001 = AtomicUsize::new(0);
        let until = Instant::now() + Duration::from_secs(10);
        extract_all(&[2000, 2001], 2, |year, _| {
            if year == 2001 {
                done_2001.fetch_add(1, SeqCst);
            } else {
                while done_2001.load(SeqCst) < 365 && Instant::now() < until {
                    thread::sleep(Duration::from_millis(1));
                }
            }
            1
        })
    });
    assert_eq!(
        results,
        [Ok(366), Ok(365)],
        "2001 was done before 2000: the results must still come in the order of the years"
    );
}
