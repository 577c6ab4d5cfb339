//! A future that is not cancellation safe loses data when `select!` drops it.
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, sleep_until};

/// Reads two items, or one alone if the channel closes after it; `None` once
/// closed and empty. Not cancellation safe: dropped between its two `.await`s,
/// it takes the first item with it.
async fn read_pair(queue: &mut mpsc::Receiver<u32>) -> Option<(u32, Option<u32>)> {
    let first = queue.recv().await?;
    let second = queue.recv().await;
    Some((first, second))
}

fn show(pair: (u32, Option<u32>)) {
    match pair {
        (first, Some(second)) => println!("  pair ({first}, {second})"),
        (last, None) => println!("  {last} alone: the channel closed"),
    }
}

/// Sends 1 at 30 ms, 2 at 220 ms and 3 at 250 ms, then closes the channel.
fn start_producer() -> mpsc::Receiver<u32> {
    let (sender, receiver) = mpsc::channel(8);
    let start = Instant::now();
    tokio::spawn(async move {
        for (item, at_ms) in [(1, 30), (2, 220), (3, 250)] {
            sleep_until(start + Duration::from_millis(at_ms)).await;
            sender.send(item).await.unwrap();
        }
    });
    receiver
}

#[tokio::main]
async fn main() {
    println!("A new read_pair() on every turn of the loop:");
    let mut queue = start_producer();
    loop {
        tokio::select! {
            pair = read_pair(&mut queue) => match pair {
                Some(pair) => show(pair),
                None => break,
            },
            _ = sleep(Duration::from_millis(150)) => println!("  150 ms without a pair"),
        }
    }

    println!("One read_pair() kept alive until it finishes:");
    let mut queue = start_producer();
    loop {
        let pending = read_pair(&mut queue);
        tokio::pin!(pending);
        let pair = loop {
            tokio::select! {
                pair = &mut pending => break pair, // polls it; does not drop it
                _ = sleep(Duration::from_millis(150)) => println!("  150 ms without a pair"),
            }
        };
        match pair {
            Some(pair) => show(pair),
            None => break,
        }
    }
}
