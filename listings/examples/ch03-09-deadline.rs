//! A `sleep` created on every turn of a `select!` loop is an idle timeout, not a deadline.
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// Sends an item every 20 ms, ten times, then closes the channel.
fn start_producer() -> mpsc::Receiver<u32> {
    let (sender, receiver) = mpsc::channel(8);
    tokio::spawn(async move {
        for item in 0..10 {
            sleep(Duration::from_millis(20)).await;
            sender.send(item).await.unwrap();
        }
    });
    receiver
}

#[tokio::main]
async fn main() {
    // A new sleep on every turn: it restarts each time an item wins the race.
    let (start, mut queue, mut items) = (Instant::now(), start_producer(), 0);
    let why = loop {
        tokio::select! {
            biased; // an item that is there counts before the timer
            item = queue.recv() => match item {
                Some(_) => items += 1,
                None => break "the channel closed",
            },
            _ = sleep(Duration::from_millis(100)) => break "100 ms without an item",
        }
    };
    let ms = start.elapsed().as_millis();
    println!("sleep in the loop:     {items} items in {ms} ms, then {why}");

    // One sleep, created before the loop: a deadline for the whole loop.
    let (start, mut queue, mut items) = (Instant::now(), start_producer(), 0);
    let deadline = sleep(Duration::from_millis(100));
    tokio::pin!(deadline); // so that the loop can poll it through `&mut`
    let why = loop {
        tokio::select! {
            biased; // once the deadline has passed, it wins
            _ = &mut deadline => break "the 100 ms deadline passed",
            item = queue.recv() => match item {
                Some(_) => items += 1,
                None => break "the channel closed",
            },
        }
    };
    let ms = start.elapsed().as_millis();
    println!("sleep before the loop: {items} items in {ms} ms, then {why}");
}
