//! as_completed in tokio: `JoinSet::join_next` for tasks, `FuturesUnordered` for futures.
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use tokio::task::JoinSet;
use tokio::time::sleep;

async fn say_after(delay_ms: u64, message: &'static str) -> &'static str {
    sleep(Duration::from_millis(delay_ms)).await;
    message
}

#[tokio::main]
async fn main() {
    // Spawned tasks: they run in parallel on the runtime's workers.
    let mut set = JoinSet::new();
    set.spawn(say_after(300, "slow"));
    set.spawn(say_after(50, "fast"));
    set.spawn(say_after(150, "medium"));
    while let Some(result) = set.join_next().await {
        println!("JoinSet:          {}", result.unwrap());
    }

    // Plain futures: polled by this task, concurrently, none in parallel.
    let mut futures: FuturesUnordered<_> = [(300, "slow"), (50, "fast"), (150, "medium")]
        .into_iter()
        .map(|(delay, message)| say_after(delay, message))
        .collect();
    while let Some(message) = futures.next().await {
        println!("FuturesUnordered: {message}");
    }
}
