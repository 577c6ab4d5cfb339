//! Awaiting three futures one after the other takes the sum of their waits;
//! awaiting them together takes the longest.
use std::time::{Duration, Instant};

use tokio::time::sleep;

/// Waits, then prints when it finished, counted from `start`.
async fn say_after(start: Instant, delay_ms: u64, message: &str) -> String {
    sleep(Duration::from_millis(delay_ms)).await;
    let at = start.elapsed().as_millis();
    println!("{at:>5} ms  {message} done (waited {delay_ms} ms)");
    message.to_string()
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    say_after(start, 50, "one").await;
    say_after(start, 150, "two").await;
    say_after(start, 300, "three").await;
    println!("one after the other: {} ms", start.elapsed().as_millis());

    let start = Instant::now();
    tokio::join!(
        say_after(start, 300, "three"),
        say_after(start, 50, "one"),
        say_after(start, 150, "two"),
    );
    println!("together with join!: {} ms", start.elapsed().as_millis());
}
