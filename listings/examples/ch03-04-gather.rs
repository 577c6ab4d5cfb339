//! `join!` and `join_all`: run futures concurrently, get the results in input order.
use std::time::{Duration, Instant};

use futures::future::join_all;
use tokio::time::sleep;

async fn say_after(delay_ms: u64, message: &str) -> String {
    sleep(Duration::from_millis(delay_ms)).await;
    println!("  finished: {message}");
    message.to_string()
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let (hello, world) = tokio::join!(say_after(150, "Hello"), say_after(50, "World"));
    println!("join!    -> ({hello:?}, {world:?})");

    let futures = vec![say_after(300, "a"), say_after(50, "b"), say_after(150, "c")];
    let results: Vec<String> = join_all(futures).await;
    println!("join_all -> {results:?}");
    println!("total: {} ms", start.elapsed().as_millis());
}
