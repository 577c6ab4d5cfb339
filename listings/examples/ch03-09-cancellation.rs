//! Cancelling in Rust: drop the future. A spawned task outlives the code awaiting it.
use std::time::Duration;

use tokio::time::{sleep, timeout};

/// Prints when it is dropped, so we can see a future being cancelled.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  {}: dropped", self.0);
    }
}

async fn protected_task(name: &'static str) -> &'static str {
    let _noisy = Noisy(name);
    sleep(Duration::from_millis(150)).await;
    println!("  {name}: completed");
    "Completed"
}

#[tokio::main]
async fn main() {
    // 1. A future is cancelled by dropping it: timeout drops it after 50 ms.
    let result = timeout(Duration::from_millis(50), protected_task("plain future")).await;
    println!("1. timeout on a future: {result:?}");

    // 2. Like shield: the task runs on even though waiting for it was cancelled.
    let mut handle = tokio::spawn(protected_task("spawned task"));
    let result = timeout(Duration::from_millis(50), &mut handle).await;
    println!("2. timeout on its JoinHandle: {result:?}, the task goes on...");
    let result = handle.await;
    println!("   ...and finishes: {result:?}");

    // 3. abort() really cancels a task: it is dropped at its current .await.
    let handle = tokio::spawn(protected_task("aborted task"));
    sleep(Duration::from_millis(50)).await;
    handle.abort();
    let result = handle.await;
    println!(
        "3. aborted: cancelled = {}",
        result.unwrap_err().is_cancelled()
    );
}
