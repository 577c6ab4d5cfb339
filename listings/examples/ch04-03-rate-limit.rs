//! A rate limit: one start every 20 ms, shared by every task, through an
//! `Interval` behind a `tokio::sync::Mutex`; and what each `MissedTickBehavior`
//! does after the limiter has been idle.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::task::JoinSet;
use tokio::time::{Instant, MissedTickBehavior, interval, sleep};

// ANCHOR: limiter
/// Waits for this task's turn: at most one start per period, across all tasks.
async fn wait_turn(limiter: &Mutex<tokio::time::Interval>) {
    // The guard lives to the end of the statement: one task at a time waits
    // on the interval, and the others queue for the lock in order.
    limiter.lock().await.tick().await;
}

/// One request at once, then three more after 70 ms of nothing.
async fn run(behavior: MissedTickBehavior) -> Vec<u128> {
    let mut ticks = interval(Duration::from_millis(20));
    ticks.set_missed_tick_behavior(behavior);
    let limiter = Arc::new(Mutex::new(ticks));
    let start = Instant::now();

    wait_turn(&limiter).await; // the first tick completes at once
    let mut starts = vec![start.elapsed().as_millis()];
    sleep(Duration::from_millis(70)).await; // idle: the ticks at 20, 40 and 60 ms are missed

    let mut requests = JoinSet::new();
    for _ in 0..3 {
        let limiter = Arc::clone(&limiter);
        requests.spawn(async move {
            wait_turn(&limiter).await;
            start.elapsed().as_millis() // then the request itself would go here
        });
    }
    while let Some(started) = requests.join_next().await {
        starts.push(started.expect("a request panicked"));
    }
    starts.sort_unstable();
    starts
}
// ANCHOR_END: limiter

#[tokio::main]
async fn main() {
    for behavior in [
        MissedTickBehavior::Burst,
        MissedTickBehavior::Delay,
        MissedTickBehavior::Skip,
    ] {
        let starts: Vec<String> = run(behavior).await.iter().map(u128::to_string).collect();
        let name = format!("{behavior:?}:");
        println!("{name:6} requests start at {} ms", starts.join(", "));
    }
}
