//! CPU-heavy work in async code: on the runtime's thread it stalls every other
//! task; handed to rayon, with a oneshot channel to bring the answer back, it
//! does not.
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
    rx.await.expect("the job ended without sending") // a panic there aborts anyway
}

/// Another task on the same runtime: five beats of 20 ms, timed.
async fn heartbeat() -> Duration {
    let start = Instant::now();
    for _ in 0..5 {
        sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

#[tokio::main(flavor = "current_thread")] // one runtime thread: the worst case
async fn main() {
    // Wrong: the runtime's only thread is busy until the computation ends.
    let start = Instant::now();
    let (beats, primes) = tokio::join!(heartbeat(), async { count_primes(LIMIT) });
    println!(
        "on the runtime thread: {primes} primes in {:>4} ms",
        start.elapsed().as_millis()
    );
    println!("  5 heartbeats of 20 ms took {:>4} ms", beats.as_millis());

    // Right: rayon computes, the task awaits the oneshot.
    let start = Instant::now();
    let (beats, primes) = tokio::join!(heartbeat(), count_primes_on_rayon(LIMIT));
    println!(
        "on rayon's pool:       {primes} primes in {:>4} ms",
        start.elapsed().as_millis()
    );
    println!("  5 heartbeats of 20 ms took {:>4} ms", beats.as_millis());
}
