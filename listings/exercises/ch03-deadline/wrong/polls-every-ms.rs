//! Wrong: `try_recv` in a loop with a 1 ms `sleep`, until an `Instant` deadline: a poll per millisecond, which takes billions of turns to wait out a long linger
//! Caught by: a_full_batch_is_handed_on_at_once_and_no_item_is_lost
//!
//! Exercise 3-2: batches from a channel. A batch is handed on when it is
//! full, or when its first item has waited long enough.
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// Waits for the next item from `rx`, however long that takes, then adds
/// the items that follow to the same batch until it holds `max` items
/// (`max` is at least 1), or `linger` has passed since its first item
/// arrived, or the channel is closed. Returns `None` once the channel is
/// closed and empty.
///
/// Called again and again, it hands on every item exactly once, in order.
async fn next_batch(
    rx: &mut mpsc::Receiver<u64>,
    max: usize,
    linger: Duration,
) -> Option<Vec<u64>> {
    let first = rx.recv().await?;
    let mut batch = vec![first];
    let deadline = Instant::now() + linger;
    // Poll the channel every millisecond until the batch is full or the deadline passes.
    while batch.len() < max && Instant::now() < deadline {
        match rx.try_recv() {
            Ok(item) => batch.push(item),
            Err(mpsc::error::TryRecvError::Empty) => sleep(Duration::from_millis(1)).await,
            Err(mpsc::error::TryRecvError::Disconnected) => break,
        }
    }
    Some(batch)
}

/// Sends 1, 2, ..., `count`: the first after `start`, the others `every`
/// apart (all at once if `every` is zero). Then it closes the channel.
fn numbers(start: Duration, every: Duration, count: u64) -> mpsc::Receiver<u64> {
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        sleep(start).await;
        for n in 1..=count {
            if n > 1 && !every.is_zero() {
                sleep(every).await;
            }
            if tx.send(n).await.is_err() {
                break;
            }
        }
    });
    rx
}

#[tokio::main]
async fn main() {
    // An item every 10 ms, batches of at most 8 that wait at most 45 ms.
    let start = Instant::now();
    let mut rx = numbers(Duration::from_millis(10), Duration::from_millis(10), 20);
    while let Some(batch) = next_batch(&mut rx, 8, Duration::from_millis(45)).await {
        println!("after {:>3} ms: {batch:?}", start.elapsed().as_millis());
    }

    // A burst of 20 at once: full batches, handed on without waiting.
    let start = Instant::now();
    let mut rx = numbers(Duration::ZERO, Duration::ZERO, 20);
    while let Some(batch) = next_batch(&mut rx, 8, Duration::from_secs(1)).await {
        println!("after {:>3} ms: {batch:?}", start.elapsed().as_millis());
    }
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
