use super::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Runs `body` on a thread of its own and gives up after 10 seconds: an
/// `extract_all` that never returns fails the test instead of hanging it.
fn within<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(10)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "extract_all did not return within 10 s: does a job wait for something that \
             never happens?"
        ),
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
    /// The days wait, 5 s at most in all, until this many run at once.
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
            until: Instant::now() + Duration::from_secs(5),
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

/// A day's result that tells the days and the years apart.
fn numbered(year: i32, day: u32) -> u64 {
    year as u64 * 1000 + u64::from(day)
}

/// What `extract_all` gives for `year` when every day is `numbered`.
fn expected(year: i32) -> Result<u64, String> {
    days_in(year).map(|days| (0..days).map(|d| numbered(year, d)).sum())
}

#[test]
fn every_year_in_order() {
    let years: Vec<i32> = (1996..2004).collect();
    let results = within(|| extract_all(&(1996..2004).collect::<Vec<_>>(), 2, numbered));
    let expected: Vec<_> = years.iter().map(|&year| expected(year)).collect();
    assert_eq!(
        results, expected,
        "a year's result is the sum of what `day(year, d)` returns for each of its days"
    );
}

#[test]
fn a_failed_year_is_reported_in_its_place() {
    let results = within(|| extract_all(&[2000, 1066, 2023, 3000], 2, numbered));
    assert_eq!(
        results,
        [
            expected(2000),
            Err("1066 is not in the data set".to_string()),
            expected(2023),
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
    // The years finish out of order: the days of 2001 wait (3 s at most)
    // until every day of 2004 to 2007 is done, and those of 2000 until a day
    // of a later year has begun.
    let years: Vec<i32> = (2000..2008).collect();
    let results = within(|| {
        let (later_begun, late_days_done) = (AtomicBool::new(false), AtomicUsize::new(0));
        let late_days = (2004..2008)
            .map(|year| days_in(year).unwrap() as usize)
            .sum();
        let until = Instant::now() + Duration::from_secs(3);
        let wait_until = |done: &dyn Fn() -> bool| {
            while !done() && Instant::now() < until {
                thread::sleep(Duration::from_millis(1));
            }
        };
        extract_all(&(2000..2008).collect::<Vec<_>>(), 2, |year, d| {
            match year {
                2000 => wait_until(&|| later_begun.load(SeqCst)),
                2001 => {
                    later_begun.store(true, SeqCst);
                    wait_until(&|| late_days_done.load(SeqCst) == late_days);
                }
                _ => later_begun.store(true, SeqCst),
            }
            if year >= 2004 {
                late_days_done.fetch_add(1, SeqCst);
            }
            numbered(year, d)
        })
    });
    let expected: Vec<_> = years.iter().map(|&year| expected(year)).collect();
    assert_eq!(
        results, expected,
        "2001 was done after 2004 to 2007: the results must still come in the order of \
         the years"
    );
}
