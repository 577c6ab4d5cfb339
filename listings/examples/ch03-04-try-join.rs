//! `try_join!` stops at the first error and drops (cancels) the other futures.
use std::time::{Duration, Instant};

use tokio::time::sleep;

async fn fetch(name: &str, delay_ms: u64, fails: bool) -> Result<String, String> {
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
    let all_good = tokio::try_join!(fetch("a", 50, false), fetch("b", 150, false));
    println!("all succeed: {all_good:?}");

    let start = Instant::now();
    let one_bad = tokio::try_join!(
        fetch("a", 50, false),
        fetch("b", 150, true),
        fetch("c", 1000, false), // never finishes: dropped when b fails
    );
    println!("b fails:     {one_bad:?}");
    println!("returned after {} ms", start.elapsed().as_millis());
}
