//! CPU-heavy work in async code: in a task it stalls everything that task
//! polls, and the runtime's thread; handed to rayon, with a oneshot channel to
//! bring the answer back, it does not.
use rayon::prelude::*;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{Instant, sleep};

const LIMIT: u64 = 1_000_000;

/// CPU-bound work, split by rayon over its pool: the primes below `limit`.
fn count_primes(limit: u64) -> usize {
    (2..limit)
        .into_par_iter()
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

/// The bridge: rayon does the work, a oneshot carries the result back, and the
/// task awaits it, leaving the runtime's thread free for other tasks meanwhile.
async fn count_primes_on_rayon(limit: u64) -> usize {
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let _ = tx.send(count_primes(limit)); // Err only if the receiver is gone
    });
    // Err only if the job panicked before sending, and then rayon aborts the
    // whole process anyway: the global pool has no panic_handler.
    rx.await.expect("the job ended without sending")
}

/// Another future, joined with the computation: five beats of 20 ms, timed.
async fn heartbeat() -> Duration {
    let start = Instant::now();
    for _ in 0..5 {
        sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

#[tokio::main(flavor = "current_thread")] // one runtime thread, like asyncio
async fn main() {
    // Wrong: the task that polls both futures is busy until the computation ends.
    let on_runtime = async {
        let start = Instant::now();
        (count_primes(LIMIT), start.elapsed())
    };
    let (beats, (primes, took)) = tokio::join!(heartbeat(), on_runtime);
    report("on the runtime thread:", primes, took, beats);

    // Right: rayon computes, the task awaits the oneshot.
    let on_rayon = async {
        let start = Instant::now();
        (count_primes_on_rayon(LIMIT).await, start.elapsed())
    };
    let (beats, (primes, took)) = tokio::join!(heartbeat(), on_rayon);
    report("on rayon's pool:", primes, took, beats);
}

fn report(how: &str, primes: usize, took: Duration, beats: Duration) {
    println!(
        "{how:<22} {primes} primes in {:>4} ms; 5 heartbeats of 20 ms took {:>4} ms",
        took.as_millis(),
        beats.as_millis()
    );
}
