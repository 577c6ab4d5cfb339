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
    // One sleep for the whole call. A sleep created inside the loop would
    // start again with every number, and a steady stream would never end.
    let timer = sleep(deadline);
    tokio::pin!(timer);
    let mut sum = 0;
    loop {
        tokio::select! {
            // Checked first, so that the deadline wins a tie with a number.
            biased;
            () = &mut timer => return (sum, true),
            received = rx.recv() => match received {
                Some(n) => sum += n,
                None => return (sum, false),
            },
        }
    }
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
