//! Cancelling in Rust: drop the future. A spawned task outlives the code awaiting it.
use std::time::{Duration, Instant};

use tokio::time::{sleep, timeout};

/// Prints when it is dropped, so we can see a future being cancelled.
struct Noisy(&'static str, Instant);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!(
            "{:>5} ms  {}: dropped",
            self.1.elapsed().as_millis(),
            self.0
        );
    }
}

async fn protected_task(name: &'static str, start: Instant) -> &'static str {
    let _noisy = Noisy(name, start);
    println!("{:>5} ms  {name}: started", start.elapsed().as_millis());
    sleep(Duration::from_millis(150)).await;
    println!("{:>5} ms  {name}: completed", start.elapsed().as_millis());
    "Completed"
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let ms = || start.elapsed().as_millis();

    // 1. A future is cancelled by dropping it: timeout drops it after 50 ms.
    let result = timeout(
        Duration::from_millis(50),
        protected_task("plain future", start),
    )
    .await;
    println!("{:>5} ms  1. timeout on a future: {result:?}", ms());

    // 2. Like shield: the task runs on even though waiting for it was cancelled.
    let mut handle = tokio::spawn(protected_task("spawned task", start));
    let result = timeout(Duration::from_millis(50), &mut handle).await;
    println!(
        "{:>5} ms  2. timeout on its JoinHandle: {result:?}, the task goes on...",
        ms()
    );
    let result = handle.await;
    println!("{:>5} ms     ...and finishes: {result:?}", ms());

    // 3. abort() really cancels a task: it is dropped at its current .await.
    let handle = tokio::spawn(protected_task("aborted task", start));
    sleep(Duration::from_millis(50)).await;
    handle.abort();
    let result = handle.await;
    println!(
        "{:>5} ms  3. aborted: cancelled = {}",
        ms(),
        result.unwrap_err().is_cancelled()
    );
}
