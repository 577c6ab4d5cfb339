//! asyncio.wait(tasks, timeout=...) in tokio: collect every task done by a deadline.
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout_at};

async fn job(name: &'static str, delay_ms: u64, fails: bool) -> Result<&'static str, String> {
    sleep(Duration::from_millis(delay_ms)).await;
    if fails {
        return Err(format!("{name} is unreachable"));
    }
    Ok(name)
}

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    set.spawn(job("fast", 20, false));
    set.spawn(job("bad", 60, true));
    set.spawn(job("slow", 400, false));
    set.spawn(job("stopped", 20, false)).abort(); // cancelled at once: it never returns

    // done: everything that ends before the deadline, however it ends.
    let deadline = Instant::now() + Duration::from_millis(150);
    while let Ok(Some(outcome)) = timeout_at(deadline, set.join_next()).await {
        match outcome {
            Ok(Ok(value)) => println!("done: returned {value:?}"),
            Ok(Err(error)) => println!("done: returned an error: {error}"),
            Err(error) if error.is_cancelled() => println!("done: cancelled"),
            Err(_) => println!("done: panicked"),
        }
    }
    // pending: what is still in the set. Nothing was cancelled by the deadline.
    println!("pending: {} task(s), still running", set.len());
    if let Some(Ok(late)) = set.join_next().await {
        println!("later:   {late:?}");
    }
}
