use super::*;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Runs `body` on a thread of its own and gives up after `secs` seconds: a
/// call that never returns fails the test, with the message `stuck`, instead
/// of hanging it.
fn within<T: Send + 'static>(
    secs: u64,
    stuck: &str,
    body: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("after {secs} s: {stuck}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("the call panicked: {}", message.unwrap_or("?"))
        }
    }
}

/// What a `sum_on_threads` that never returns is probably doing.
const STUCK: &str = "sum_on_threads has not returned. Does a thread wait for something that \
                     never happens, such as a `Barrier` for more threads than there are slices?";

fn numbers(n: u64) -> Vec<u64> {
    (1..=n).collect()
}

/// The slice sum most tests pass to `sum_on_threads`.
fn plain(slice: &[u64]) -> u64 {
    slice.iter().sum()
}

/// `sum_on_threads(&numbers(n), threads, plain)`, under a watchdog.
fn parts(n: u64, threads: usize) -> (Vec<u64>, Vec<Part>) {
    within(5, STUCK, move || {
        let numbers = numbers(n);
        let parts = sum_on_threads(&numbers, threads, plain);
        (numbers, parts)
    })
}

/// The lengths of the slices, checked to be contiguous and to cover `numbers`.
fn lengths(parts: &[Part], numbers: &[u64]) -> Vec<usize> {
    let mut next = 0;
    for part in parts {
        assert_eq!(
            part.start, next,
            "a part starts at {}, where the one before it ended at {next}: \
             the slices must follow each other, in order",
            part.start
        );
        assert!(part.end > part.start, "an empty part: {part:?}");
        next = part.end;
    }
    assert_eq!(
        next,
        numbers.len(),
        "the parts do not cover all the numbers"
    );
    parts.iter().map(|part| part.end - part.start).collect()
}

#[test]
fn the_parts_add_up_to_the_sum() {
    for threads in [1, 2, 3, 4, 7, 16] {
        let (numbers, parts) = parts(100_001, threads);
        lengths(&parts, &numbers);
        for part in &parts {
            let sum: u64 = numbers[part.start..part.end].iter().sum();
            assert_eq!(part.sum, sum, "{threads} threads: the sum of {part:?}");
        }
        let total: u64 = parts.iter().map(|part| part.sum).sum();
        assert_eq!(total, 100_001 * 100_002 / 2, "{threads} threads");
    }
}

#[test]
fn one_part_per_thread() {
    for (n, threads) in [(100_001, 4), (100_001, 16), (9, 4), (10, 4), (12, 4)] {
        let (numbers, parts) = parts(n, threads);
        lengths(&parts, &numbers);
        assert_eq!(
            parts.len(),
            threads,
            "{n} numbers on {threads} threads gave {} parts: one per thread, no more, no fewer",
            parts.len()
        );
    }
}

#[test]
fn the_slices_differ_in_length_by_at_most_one() {
    for (n, threads) in [(100_001, 16), (10, 4), (1_000, 7)] {
        let (numbers, parts) = parts(n, threads);
        let lengths = lengths(&parts, &numbers);
        let (shortest, longest) = (lengths.iter().min(), lengths.iter().max());
        assert!(
            longest.unwrap() - shortest.unwrap() <= 1,
            "{n} numbers on {threads} threads, in slices of {lengths:?}: \
             the lengths differ by more than one, so one thread does more than its share"
        );
    }
}

#[test]
fn each_part_is_summed_on_a_thread_of_its_own() {
    let (caller, parts) = within(5, STUCK, || {
        let numbers = numbers(100_001);
        let parts = sum_on_threads(&numbers, 8, plain);
        (thread::current().id(), parts)
    });
    let threads: HashSet<ThreadId> = parts.iter().map(|part| part.thread).collect();
    assert_eq!(
        threads.len(),
        parts.len(),
        "{} parts, summed on {} different threads: each part needs a thread of its own",
        parts.len(),
        threads.len()
    );
    assert!(
        !threads.contains(&caller),
        "a part was summed on the calling thread, not on a thread of its own"
    );
}

/// A slice sum that first waits until `wanted` sums have started, or until
/// one of them has waited 5 s in vain: the sums all meet only if their
/// threads run at the same time.
struct Meeting {
    /// (sums started, whether one gave up waiting)
    state: Mutex<(usize, bool)>,
    changed: Condvar,
    wanted: usize,
}

impl Meeting {
    fn new(wanted: usize) -> Meeting {
        Meeting {
            state: Mutex::new((0, false)),
            changed: Condvar::new(),
            wanted,
        }
    }

    fn sum(&self, slice: &[u64]) -> u64 {
        let mut state = self.state.lock().unwrap();
        state.0 += 1;
        self.changed.notify_all();
        let wait = Duration::from_secs(5);
        let (mut state, _) = (self.changed)
            .wait_timeout_while(state, wait, |(started, gave_up)| {
                *started < self.wanted && !*gave_up
            })
            .unwrap();
        if state.0 < self.wanted {
            state.1 = true; // nobody else waits in vain after this one
            self.changed.notify_all();
        }
        plain(slice)
    }

    fn all_met(&self) -> bool {
        !self.state.lock().unwrap().1
    }
}

#[test]
fn the_threads_run_at_the_same_time() {
    let (sum, all_met) = within(10, STUCK, || {
        let (numbers, meeting) = (numbers(1_000), Meeting::new(4));
        let parts = sum_on_threads(&numbers, 4, |slice| meeting.sum(slice));
        (
            parts.iter().map(|part| part.sum).sum::<u64>(),
            meeting.all_met(),
        )
    });
    assert!(
        all_met,
        "the sum of a slice waited 5 s for the other three to start, in vain: all 4 \
         threads must run at once. Is each thread joined before the next is spawned?"
    );
    assert_eq!(sum, 500_500);
}

#[test]
fn more_threads_than_numbers() {
    let parts = within(5, STUCK, || sum_on_threads(&[1, 2, 3], 8, plain));
    assert_eq!(
        lengths(&parts, &[1, 2, 3]),
        [1, 1, 1],
        "3 numbers on 8 threads"
    );
    assert_eq!(parts.iter().map(|part| part.sum).sum::<u64>(), 6);
    let parts = within(5, STUCK, || sum_on_threads(&[], 4, plain));
    assert!(parts.is_empty(), "no numbers, no parts");
}

#[test]
fn rayon_sums_like_one_thread() {
    let sums = within(5, "sum_with_rayon has not returned", || {
        (sum_with_rayon(&numbers(1_000_000)), sum_with_rayon(&[]))
    });
    assert_eq!(sums, (500_000_500_000, 0));
}

/// Holds every thread of rayon's global pool in a loop that runs only work
/// handed to the pool (`rayon::yield_now` runs one such job, if there is
/// one), until `body` returns: what `body` returned, and whether they ran
/// any of that work meanwhile.
fn with_rayon_watched<T>(body: impl FnOnce() -> T) -> (T, bool) {
    #[derive(Default)]
    struct Watch {
        arrived: AtomicUsize,
        left: AtomicUsize,
        ran_a_job: AtomicBool,
        released: AtomicBool,
    }
    /// Releases rayon's threads when dropped, even if `body` panics.
    struct Release(Arc<Watch>);
    impl Drop for Release {
        fn drop(&mut self) {
            self.0.released.store(true, SeqCst);
        }
    }
    fn wait_until(what: &str, done: impl Fn() -> bool) {
        let until = Instant::now() + Duration::from_secs(5);
        while !done() {
            assert!(Instant::now() < until, "{what}, in vain");
            thread::sleep(Duration::from_millis(1));
        }
    }

    let watch = Arc::new(Watch::default());
    let release = Release(Arc::clone(&watch));
    let held = Arc::clone(&watch);
    rayon::spawn_broadcast(move |_| {
        held.arrived.fetch_add(1, SeqCst);
        while !held.released.load(SeqCst) {
            match rayon::yield_now() {
                Some(rayon::Yield::Executed) => held.ran_a_job.store(true, SeqCst),
                _ => thread::sleep(Duration::from_millis(1)),
            }
        }
        held.left.fetch_add(1, SeqCst);
    });
    let threads = rayon::current_num_threads();
    wait_until("waited 5 s for rayon's threads", || {
        watch.arrived.load(SeqCst) == threads
    });
    let result = body();
    // A job that `yield_now` runs is recorded once it is over: when the
    // threads have left the loop.
    drop(release);
    wait_until(
        "waited 5 s for rayon's threads to finish their jobs",
        || watch.left.load(SeqCst) == threads,
    );
    (result, watch.ran_a_job.load(SeqCst))
}

#[test]
fn rayon_sums_on_its_pool() {
    let (sum, on_the_pool) = within(10, "sum_with_rayon has not returned", || {
        with_rayon_watched(|| sum_with_rayon(&numbers(1_000_000)))
    });
    assert_eq!(sum, 500_000_500_000);
    assert!(
        on_the_pool,
        "the sum never ran on a thread of rayon's pool: `sum_with_rayon` must hand the \
         work to rayon (`par_iter`), not sum on the calling thread"
    );
}
