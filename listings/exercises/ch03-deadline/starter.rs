//! Exercise 3-2: a deadline for a stream of work, with `select!`.
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// Adds up the numbers received from `rx` until the channel closes or
/// `deadline` has passed since the call, whichever comes first. Returns the
/// sum and whether the deadline passed first.
///
/// The deadline is one deadline for the whole call, however many numbers
/// arrive before it.
async fn sum_until(rx: &mut mpsc::Receiver<u64>, deadline: Duration) -> (u64, bool) {
    // Loop over a `tokio::select!` of `rx.recv()` and a sleep: which sleep,
    // created where, decides whether the deadline is one for the whole call.
    todo!("sum what {rx:?} sends within {deadline:?}")
}

/// Sends 1, 2, 3, ... one every `every`, `count` numbers, then closes the channel.
fn numbers(every: Duration, count: u64) -> mpsc::Receiver<u64> {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for n in 1..=count {
            sleep(every).await;
            if tx.send(n).await.is_err() {
                break;
            }
        }
    });
    rx
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let (sum, timed_out) = sum_until(
        &mut numbers(Duration::from_millis(10), 5),
        Duration::from_secs(1),
    )
    .await;
    println!(
        "five numbers: sum {sum}, deadline passed: {timed_out}, after {:?}",
        start.elapsed()
    );

    let start = Instant::now();
    let (sum, timed_out) = sum_until(
        &mut numbers(Duration::from_millis(10), u64::MAX),
        Duration::from_millis(300),
    )
    .await;
    println!(
        "endless numbers: sum {sum}, deadline passed: {timed_out}, after {:?}",
        start.elapsed()
    );
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
