//! asyncio.TaskGroup in tokio: a JoinSet that aborts the rest at the first error.
use std::time::{Duration, Instant};

use tokio::task::JoinSet;
use tokio::time::sleep;

async fn fetch(name: &'static str, delay_ms: u64, fails: bool) -> Result<String, String> {
    sleep(Duration::from_millis(delay_ms)).await;
    if fails {
        println!("  {name}: failed");
        return Err(format!("{name} is unreachable"));
    }
    println!("  {name}: done");
    Ok(format!("{name}'s data"))
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut group = JoinSet::new();
    group.spawn(fetch("a", 50, false));
    group.spawn(fetch("b", 150, true));
    group.spawn(fetch("c", 1000, false));

    let mut results = Vec::new();
    let mut errors = Vec::new();
    while let Some(outcome) = group.join_next().await {
        match outcome {
            Ok(Ok(data)) => results.push(data),
            Ok(Err(error)) => {
                errors.push(error);
                group.abort_all(); // cancel the others; the loop waits for them to end
            }
            Err(error) if error.is_cancelled() => println!("  a task was cancelled"),
            Err(error) => std::panic::resume_unwind(error.into_panic()), // a bug: pass the panic on
        }
    }
    println!("results: {results:?}");
    println!("errors:  {errors:?}");
    println!("every task ended after {} ms", start.elapsed().as_millis());
}
