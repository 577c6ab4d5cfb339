//! A bounded channel makes a fast producer wait for a slow consumer.
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let (sender, mut receiver) = mpsc::channel::<u32>(2); // room for two items
    let start = Instant::now();

    let producer = async move {
        for i in 0..6 {
            sender.send(i).await.unwrap(); // waits while the channel is full
            println!("sent {i}");
        }
        println!("producer done after {} ms", start.elapsed().as_millis());
    };
    let consumer = async move {
        while let Some(item) = receiver.recv().await {
            println!("        received {item}");
            sleep(Duration::from_millis(30)).await; // a slow consumer
        }
    };
    tokio::join!(producer, consumer);
}
