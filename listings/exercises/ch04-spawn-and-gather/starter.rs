//! Exercise 4-2: spawn a task per input and gather the results in the order
//! of the inputs, a panicking task reported in its place: the counterpart of
//! `asyncio.gather(..., return_exceptions=True)`.
use std::time::Duration;

/// The work of one task: waits a little (less for larger numbers up to 10,
/// so increasing inputs finish in the opposite order) and squares `n`.
/// It panics on 13.
#[allow(dead_code)] // until your squares calls it
async fn slow_square(n: u64) -> u64 {
    let wait = 300 + 20 * 10u64.saturating_sub(n);
    tokio::time::sleep(Duration::from_millis(wait)).await;
    if n == 13 {
        panic!("unlucky number");
    }
    n * n
}

/// Runs `slow_square` on every input, each in a task of its own
/// (`tokio::spawn`), all at the same time. Returns one result per input, in
/// the order of `inputs`: the square, or `Err` with a message naming the
/// input whose task panicked.
async fn squares(inputs: &[u64]) -> Vec<Result<u64, String>> {
    // Spawn every task first, then await the handles in order. A handle's
    // `await` gives `Err(JoinError)` when its task panicked.
    todo!("spawn {} tasks and gather their results", inputs.len())
}

#[tokio::main]
async fn main() {
    for (n, result) in [3, 13, 2, 1].iter().zip(squares(&[3, 13, 2, 1]).await) {
        println!("{n}: {result:?}");
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
