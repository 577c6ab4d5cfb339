//! Awaiting three futures one after the other takes the sum of their waits;
//! awaiting them together takes the longest.
use std::time::{Duration, Instant};

use tokio::time::sleep;

async fn say_after(delay_ms: u64, message: &str) -> String {
    sleep(Duration::from_millis(delay_ms)).await;
    println!("  {message} (after {delay_ms} ms)");
    message.to_string()
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    say_after(50, "one").await;
    say_after(150, "two").await;
    say_after(300, "three").await;
    println!("one after the other: {} ms", start.elapsed().as_millis());

    let start = Instant::now();
    tokio::join!(
        say_after(300, "three"),
        say_after(50, "one"),
        say_after(150, "two"),
    );
    println!("together with join!: {} ms", start.elapsed().as_millis());
}
