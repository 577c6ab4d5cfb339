//! Two ways to write a stream: `unfold`, lazy like an async generator, and a
//! channel fed by a producer task that runs ahead of the consumer.
use std::pin::pin;

use futures::StreamExt;
use futures::stream;
use tokio::sync::mpsc;

// One thread, so the two sides take turns in the same order on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The state is the next number; None ends the stream.
    let countdown = stream::unfold(3, |n| async move {
        if n == 0 {
            return None;
        }
        println!("unfold: making {n}");
        Some((n, n - 1))
    });
    // It holds its async block inline, so it is !Unpin: pin it for next().
    let mut countdown = pin!(countdown);
    while let Some(n) = countdown.next().await {
        println!("consumer: got {n}");
    }

    let (sender, mut receiver) = mpsc::channel(2);
    let producer = tokio::spawn(async move {
        for n in 1..=5 {
            sender.send(n).await.expect("the receiver is alive");
            println!("producer: sent {n}");
        }
    });
    // PollFn is Unpin whatever its closure holds: no pin! needed.
    let mut items = stream::poll_fn(move |cx| receiver.poll_recv(cx));
    while let Some(n) = items.next().await {
        println!("consumer: got {n}");
    }
    producer.await.expect("the producer panicked");
}
