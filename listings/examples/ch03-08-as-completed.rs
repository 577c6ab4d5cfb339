//! gather against as_completed: `join_all` gives every result at the end, in
//! the order given; `JoinSet::join_next` (for tasks) and `FuturesUnordered`
//! (for futures) give each result as soon as it is ready.
use std::time::{Duration, Instant};

use futures::future::join_all;
use futures::stream::{FuturesUnordered, StreamExt};
use tokio::task::JoinSet;
use tokio::time::sleep;

const WORK: [(u64, &str); 3] = [(300, "slow"), (50, "fast"), (150, "medium")];

/// Waits, then prints when it finished, counted from `start`.
async fn say_after(start: Instant, delay_ms: u64, message: &'static str) -> &'static str {
    sleep(Duration::from_millis(delay_ms)).await;
    println!("{:>5} ms  {message} finished", start.elapsed().as_millis());
    message
}

#[tokio::main]
async fn main() {
    // gather-style: nothing until the last one is done, then all, in order.
    let start = Instant::now();
    let futures = WORK.map(|(delay, message)| say_after(start, delay, message));
    let results = join_all(futures).await;
    let at = start.elapsed().as_millis();
    println!("{at:>5} ms  join_all gives {results:?}");

    // Spawned tasks: the runtime's workers may run them in parallel.
    let start = Instant::now();
    let mut set = JoinSet::new();
    for (delay, message) in WORK {
        set.spawn(say_after(start, delay, message));
    }
    while let Some(result) = set.join_next().await {
        let at = start.elapsed().as_millis();
        println!("{at:>5} ms  join_next gives {:?}", result.unwrap());
    }

    // Plain futures: polled by this task, concurrently, none in parallel.
    let start = Instant::now();
    let mut futures: FuturesUnordered<_> = WORK
        .into_iter()
        .map(|(delay, message)| say_after(start, delay, message))
        .collect();
    while let Some(message) = futures.next().await {
        let at = start.elapsed().as_millis();
        println!("{at:>5} ms  FuturesUnordered gives {message:?}");
    }
}
