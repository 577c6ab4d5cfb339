//! An async task that reports progress while it waits, run alone and then
//! several at once.
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Each line starts with the time since `start`, in seconds.
async fn task(name: &str, steps: u32, start: Instant) -> u32 {
    for step in 1..=steps {
        let t = start.elapsed().as_secs_f64();
        println!("{t:.2} s  Task {name} is working... (step {step} of {steps})");
        sleep(Duration::from_millis(100)).await; // waits without blocking the thread
    }
    let result = rand::random_range(10_000..=20_000);
    let t = start.elapsed().as_secs_f64();
    println!("{t:.2} s  Task {name} completed with result {result}");
    result
}

#[tokio::main(flavor = "current_thread")] // one thread, like asyncio
async fn main() {
    let start = Instant::now();
    let single = task("A", 2, start).await;
    println!("Single task result: {single}");

    // Two futures, polled together on the same thread: they wait at the same time.
    let (b, c) = tokio::join!(task("B", 2, start), task("C", 3, start));
    println!("Multiple task results: [{b}, {c}]");

    // join_all does the same for any number of futures, results in input order.
    let results = futures::future::join_all([
        task("D", 1, start),
        task("E", 1, start),
        task("F", 1, start),
    ])
    .await;
    println!("join_all results: {results:?}");
    println!(
        "Took {:.1} s in all: 0.2 + 0.3 + 0.1, not 0.2 + 0.5 + 0.3",
        start.elapsed().as_secs_f64()
    );
}
