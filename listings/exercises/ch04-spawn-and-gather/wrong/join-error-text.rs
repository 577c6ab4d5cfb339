//! Wrong: the `JoinError`'s own text as the message (`error.to_string()`), which wraps the panic's message in tokio's own text (`task 1 panicked with message "..."`)
//! Caught by: a_panicking_task_is_reported_in_its_place, a_formatted_panic_message_is_kept_too
//!
//! Exercise 4-2: spawn a task per input and gather the results in the order
//! of the inputs, a panicking task reported in its place: the counterpart of
//! `asyncio.gather(..., return_exceptions=True)`.
use std::time::Duration;

/// A task that panicked: the input it was given, and what its panic said.
#[derive(Debug, PartialEq)]
struct Panicked {
    input: u64,
    message: String,
}

/// The work of one task: waits a little (less for larger numbers up to 10,
/// so increasing inputs finish in the opposite order) and squares `n`.
/// It panics on 13, and on any number above 1000.
async fn slow_square(n: u64) -> u64 {
    let wait = 300 + 20 * 10u64.saturating_sub(n);
    tokio::time::sleep(Duration::from_millis(wait)).await;
    if n == 13 {
        panic!("unlucky number");
    }
    if n > 1000 {
        panic!("{n} is too large");
    }
    n * n
}

/// Runs `slow_square` on every input, each in a task of its own
/// (`tokio::spawn`), all at the same time. Returns one result per input, in
/// the order of `inputs`: the square, or what the input's task panicked with.
async fn squares(inputs: &[u64]) -> Vec<Result<u64, Panicked>> {
    // Every task is running before the first `await`: collecting the
    // handles into a `Vec` spawns them all.
    let handles: Vec<_> = inputs
        .iter()
        .map(|&n| tokio::spawn(slow_square(n)))
        .collect();
    let mut results = Vec::with_capacity(handles.len());
    for (&input, handle) in inputs.iter().zip(handles) {
        results.push(handle.await.map_err(|error| Panicked {
            input,
            message: error.to_string(),
        }));
    }
    results
}

#[tokio::main]
async fn main() {
    let inputs = [3, 13, 2, 1, 2000];
    for (n, result) in inputs.iter().zip(squares(&inputs).await) {
        println!("{n}: {result:?}");
    }
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
