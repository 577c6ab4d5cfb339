use super::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Runs `body` on a thread of its own and gives up after 10 seconds: a call
/// that never returns fails the test instead of hanging it.
fn within<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(10)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "after 10 s, shared_chunks has not returned. Does a thread wait for something \
             that never happens, go round its loop without taking a new number from the \
             counter, or never stop when the number it takes is past the last chunk?"
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("the call panicked: {}", message.unwrap_or("?"))
        }
    }
}

/// Lets calls of `count` wait for something the test needs to happen
/// meanwhile, 5 s at most in all: a wait in vain is remembered.
struct Watch {
    until: Instant,
    waited_in_vain: AtomicBool,
}

impl Watch {
    fn new() -> Watch {
        Watch {
            until: Instant::now() + Duration::from_secs(5),
            waited_in_vain: AtomicBool::new(false),
        }
    }

    fn wait_until(&self, done: impl Fn() -> bool) {
        while !done() {
            if Instant::now() > self.until {
                self.waited_in_vain.store(true, SeqCst);
                return;
            }
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// [`Watch::wait_until`] without the sleep: once `done`, every thread
    /// that waits sees it at once.
    fn spin_until(&self, done: impl Fn() -> bool) {
        while !done() {
            if Instant::now() > self.until {
                self.waited_in_vain.store(true, SeqCst);
                return;
            }
            thread::yield_now();
        }
    }

    fn waited_in_vain(&self) -> bool {
        self.waited_in_vain.load(SeqCst)
    }
}

/// The chunks of `0..limit`, `chunk` numbers each, the last one ending at `limit`.
fn expected_chunks(limit: u64, chunk: u64) -> Vec<(u64, u64)> {
    (0..limit)
        .step_by(chunk as usize)
        .map(|start| (start, (start + chunk).min(limit)))
        .collect()
}

/// Checks that `counted` (in any order) holds every chunk of `0..limit`
/// once, and nothing else.
fn each_chunk_once(what: &str, mut counted: Vec<(u64, u64)>, limit: u64, chunk: u64) {
    counted.sort();
    if let Some(twice) = counted.windows(2).find(|pair| pair[0] == pair[1]) {
        panic!(
            "{what}: the chunk {:?} was counted more than once",
            twice[0]
        );
    }
    let expected = expected_chunks(limit, chunk);
    if let Some(missing) = expected.iter().find(|c| counted.binary_search(c).is_err()) {
        panic!(
            "{what}: the chunk {missing:?} was never counted ({limit} numbers in chunks \
             of {chunk})"
        );
    }
    if let Some(extra) = counted.iter().find(|c| expected.binary_search(c).is_err()) {
        panic!(
            "{what}: {extra:?} is not one of the chunks of 0..{limit} in chunks of \
             {chunk}, which are {:?}",
            &expected[..expected.len().min(12)]
        );
    }
}

/// Every chunk that the shares say was counted.
fn chunks_in(shares: &[Share]) -> Vec<(u64, u64)> {
    shares
        .iter()
        .flat_map(|share| share.chunks.clone())
        .collect()
}

#[test]
fn the_count_is_right() {
    // (limit, chunk, threads, the primes below limit)
    for (limit, chunk, threads, primes) in [
        (30_000, 1_000, 2, 3_245),
        (30_000, 7_000, 3, 3_245),
        (10_000, 10_000, 2, 1_229),
        (10_000, 30_000, 4, 1_229),
        (1_000, 1, 2, 168),
        (0, 10, 2, 0),
    ] {
        let (total, shares) = within(move || shared_chunks(limit, chunk, threads, count_primes));
        let case = format!("the primes below {limit} in chunks of {chunk} on {threads} threads");
        assert_eq!(total, primes, "{case}");
        for share in &shares {
            let found: usize = share.chunks.iter().map(|&(s, e)| count_primes(s, e)).sum();
            assert_eq!(
                share.primes, found,
                "{case}: a share's primes are not those of its chunks, {share:?}"
            );
        }
        let sum: usize = shares.iter().map(|share| share.primes).sum();
        assert_eq!(
            sum, total,
            "{case}: the shares' primes do not add up to the total"
        );
    }
}

#[test]
fn every_chunk_is_counted_once() {
    for (limit, chunk, threads) in [
        (100, 10, 2),
        (101, 10, 3),
        (95, 10, 4),
        (5, 10, 2),
        (0, 10, 3),
        (1_000, 1, 4),
    ] {
        let (counted, shares) = within(move || {
            let counted = Mutex::new(Vec::new());
            let (_, shares) = shared_chunks(limit, chunk, threads, |start, end| {
                counted.lock().unwrap().push((start, end));
                0
            });
            (counted.into_inner().unwrap(), shares)
        });
        let case = format!("0..{limit} in chunks of {chunk} on {threads} threads");
        each_chunk_once(
            &format!("{case}, the calls of `count`"),
            counted,
            limit,
            chunk,
        );
        each_chunk_once(
            &format!("{case}, the shares"),
            chunks_in(&shares),
            limit,
            chunk,
        );
    }
}

#[test]
fn one_share_per_thread() {
    for (limit, threads) in [(1_000, 1), (1_000, 2), (1_000, 3), (1_000, 8), (250, 8)] {
        let (_, shares) = within(move || shared_chunks(limit, 100, threads, |_, _| 0));
        assert_eq!(
            shares.len(),
            threads,
            "0..{limit} in chunks of 100 on {threads} threads gave {} shares: one per \
             thread, even for a thread that found no chunk left",
            shares.len()
        );
    }
}

#[test]
fn the_threads_count_at_the_same_time() {
    for threads in [2, 4] {
        // Each call of `count` waits until `threads` calls have begun: they
        // all begin only if `threads` threads count at once.
        let (in_vain, counted, shares) = within(move || {
            let (watch, begun, counted) =
                (Watch::new(), AtomicUsize::new(0), Mutex::new(Vec::new()));
            let (_, shares) = shared_chunks(400, 10, threads, |start, end| {
                counted.lock().unwrap().push((start, end));
                begun.fetch_add(1, SeqCst);
                watch.wait_until(|| begun.load(SeqCst) >= threads);
                0
            });
            (
                watch.waited_in_vain(),
                counted.into_inner().unwrap(),
                shares,
            )
        });
        assert!(
            !in_vain,
            "a chunk waited 5 s for {threads} chunks to be counted at once, in vain: all \
             {threads} threads must count at the same time. Is each thread joined before \
             the next is spawned?"
        );
        each_chunk_once(&format!("{threads} threads"), counted, 400, 10);
        assert_eq!(shares.len(), threads, "one share per thread");
    }
}

#[test]
fn a_thread_held_up_does_not_hold_up_the_others() {
    for threads in [2, 3] {
        // The chunk (0, 10) waits until the 9 others are counted: only
        // threads that take their chunks as they go can count them meanwhile.
        let (in_vain, counted, shares) = within(move || {
            let (watch, others, counted) =
                (Watch::new(), AtomicUsize::new(0), Mutex::new(Vec::new()));
            let (_, shares) = shared_chunks(100, 10, threads, |start, end| {
                counted.lock().unwrap().push((start, end));
                if start == 0 {
                    watch.wait_until(|| others.load(SeqCst) == 9);
                } else {
                    others.fetch_add(1, SeqCst);
                }
                0
            });
            (
                watch.waited_in_vain(),
                counted.into_inner().unwrap(),
                shares,
            )
        });
        assert!(
            !in_vain,
            "on {threads} threads, the chunk (0, 10) was held up for 5 s, and the other \
             threads did not count the 9 other chunks meanwhile: a thread must take its \
             next chunk when it is done with one, not be given its chunks in advance"
        );
        each_chunk_once(&format!("{threads} threads"), counted, 100, 10);
        if let Some(share) = shares.iter().find(|share| !share.chunks.is_sorted()) {
            panic!(
                "on {threads} threads, a thread took its chunks in the order {:?}: the \
                 chunks go out in increasing order, chunk 0 first, as the counter's numbers do",
                share.chunks
            );
        }
        let held_up = shares.iter().find(|share| share.chunks.contains(&(0, 10)));
        assert_eq!(
            held_up.map(|share| share.chunks.as_slice()),
            Some(&[(0, 10)][..]),
            "on {threads} threads, the thread held up on (0, 10) should have found every \
             other chunk taken when it was done with it"
        );
    }
}

/// Catches a counter moved on with a `load` and a `store`, and a check of
/// the counter before `fetch_add`, on most runs, in a debug or an optimised
/// build: each is caught only when threads come between each other's two
/// steps, so the test sets them racing for the counter 400 times.
#[test]
fn no_chunk_is_counted_twice_by_a_crowd() {
    let (threads, limit) = (8, 1_000);
    for round in 1..=400 {
        let (in_vain, shares) = within(move || {
            let (watch, begun) = (Watch::new(), AtomicUsize::new(0));
            let (_, shares) = shared_chunks(limit, 1, threads, |start, _| {
                // The first chunks wait for one another, without a sleep,
                // so that all the threads then race for the counter together.
                if start < threads as u64 {
                    begun.fetch_add(1, SeqCst);
                    watch.spin_until(|| begun.load(SeqCst) >= threads);
                }
                0
            });
            (watch.waited_in_vain(), shares)
        });
        assert!(
            !in_vain,
            "round {round}: the first {threads} chunks waited 5 s, in vain, to be counted \
             at once"
        );
        let case = format!("round {round}, 0..{limit} in chunks of 1 on {threads} threads");
        each_chunk_once(&case, chunks_in(&shares), limit, 1);
    }
}
