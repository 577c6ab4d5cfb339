//! Calling an `async fn` runs nothing: the future it returns runs when awaited.
use std::time::Duration;

use tokio::time::sleep;

async fn say_after(delay_ms: u64, message: &str) -> String {
    println!("  say_after({delay_ms}, {message:?}) starts");
    sleep(Duration::from_millis(delay_ms)).await; // hands the thread back while waiting
    println!("  say_after({delay_ms}, {message:?}) wakes up");
    message.to_uppercase()
}

#[tokio::main]
async fn main() {
    let future = say_after(50, "hello"); // a value; nothing has run yet
    println!(
        "called say_after: it returned a future of {} bytes",
        size_of_val(&future)
    );
    println!("awaiting it...");
    let shout = future.await; // runs it to the end, pausing at its own .await
    println!("the future's output: {shout:?}");
}
