//! The slides' asyncio example in tokio: one task per job, each sleeping for
//! its own time; the results gathered in the order of the jobs.
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;
use tokio::time::sleep;

async fn fetch(i: usize, sleep_ms: u64) -> (usize, u64) {
    println!("Job #{i} is sleeping for {sleep_ms} ms");
    sleep(Duration::from_millis(sleep_ms)).await;
    println!("Job #{i} finished");
    (i, sleep_ms * 2)
}

async fn process(jobs: &[u64]) -> Vec<(usize, u64)> {
    let mut tasks: Vec<JoinHandle<(usize, u64)>> = Vec::new();
    for (i, &sleep_ms) in jobs.iter().enumerate() {
        println!("Adding job #{i}, waiting for {sleep_ms} ms");
        tasks.push(tokio::spawn(fetch(i, sleep_ms)));
    }
    // Like asyncio.gather: wait for all, results in the order of `tasks`.
    futures::future::try_join_all(tasks)
        .await
        .expect("a job panicked")
}

fn main() {
    let start = Instant::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("cannot build the runtime");
    let results = runtime.block_on(process(&[500, 200, 100, 300]));
    for (i, result) in results {
        println!("Result for job #{i}: {result}");
    }
    println!("All jobs done in {} ms", start.elapsed().as_millis());
}
