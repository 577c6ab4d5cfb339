//! A producer and a consumer joined by a channel; both end when the producer is done.
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

async fn producer(queue: mpsc::UnboundedSender<u32>) {
    for i in 0..5 {
        sleep(Duration::from_millis(20)).await;
        queue.send(i).expect("the consumer is still there");
        println!("Produced {i}");
    }
    println!("Producer done: its sender is dropped");
} // `queue` is dropped here: the last sender, so the channel closes

async fn consumer(mut queue: mpsc::UnboundedReceiver<u32>) {
    // `recv` returns None once the channel is closed and empty.
    while let Some(item) = queue.recv().await {
        println!("Consumed {item}");
    }
    println!("Consumer done: the channel is closed");
}

#[tokio::main]
async fn main() {
    let (sender, receiver) = mpsc::unbounded_channel();
    tokio::join!(producer(sender), consumer(receiver));
    println!("Both finished");
}
