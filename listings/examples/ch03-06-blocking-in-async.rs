//! Five tasks wait 100 ms each on a one-thread runtime, three ways: blocking, async and
//! spawn_blocking.
use std::time::{Duration, Instant};

const TASKS: usize = 5;
const WAIT: Duration = Duration::from_millis(100);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Wrong: std::thread::sleep blocks the only thread, so the tasks take turns.
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| tokio::spawn(async { std::thread::sleep(WAIT) }))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "std::thread::sleep in tasks: {} ms",
        start.elapsed().as_millis()
    );

    // Right for waiting: tokio::time::sleep gives the thread back.
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| tokio::spawn(async { tokio::time::sleep(WAIT).await }))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "tokio::time::sleep in tasks: {} ms",
        start.elapsed().as_millis()
    );

    // Right for blocking code you cannot change: run it on the blocking pool.
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| tokio::task::spawn_blocking(|| std::thread::sleep(WAIT)))
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "spawn_blocking:              {} ms",
        start.elapsed().as_millis()
    );
}
