//! `tokio::time::sleep` pauses one task; the others keep running meanwhile.
use std::time::{Duration, Instant};

use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let ticker = tokio::spawn(async move {
        for _ in 0..3 {
            sleep(Duration::from_millis(50)).await;
            println!("  tick at {} ms", start.elapsed().as_millis());
        }
    });
    println!("Sleeping...");
    sleep(Duration::from_millis(300)).await; // well after the last tick
    println!("Awake! after {} ms", start.elapsed().as_millis());
    ticker.await.unwrap();
}
