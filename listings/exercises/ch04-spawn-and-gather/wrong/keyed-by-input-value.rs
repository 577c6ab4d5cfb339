//! Wrong: the results kept in a map keyed by input, from a `JoinSet` as the tasks finish, then taken out in the order of the inputs: a repeated input finds its result already taken
//! Caught by: a_repeated_input_gets_a_result_each_time
//!
//! Exercise 4-2: spawn a task per input and gather the results in the order
//! of the inputs, a panicking task reported in its place: the counterpart of
//! `asyncio.gather(..., return_exceptions=True)`.
use std::collections::HashMap;
use std::time::Duration;

use tokio::task::JoinSet;

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
    let mut tasks = JoinSet::new();
    // Each task's input, by the task's id.
    let mut input_of = HashMap::new();
    for &n in inputs {
        let task = tasks.spawn(slow_square(n));
        input_of.insert(task.id(), n);
    }
    // Each input's result, as its task finishes; then in the order of the inputs.
    let mut by_input = HashMap::new();
    while let Some(outcome) = tasks.join_next_with_id().await {
        let input = match &outcome {
            Ok((id, _)) => input_of[id],
            Err(error) => input_of[&error.id()],
        };
        by_input.insert(
            input,
            outcome.map(|(_, square)| square).map_err(|error| {
                // No task is aborted here, so the error is a panic. Its payload
                // is a `&str` for `panic!("text")`, a `String` for a formatted one.
                let payload = error.into_panic();
                let message = match payload.downcast_ref::<&str>() {
                    Some(text) => text.to_string(),
                    None => match payload.downcast_ref::<String>() {
                        Some(text) => text.clone(),
                        None => "a panic without a message".to_string(),
                    },
                };
                Panicked { input, message }
            }),
        );
    }
    inputs.iter().map(|n| by_input.remove(n).unwrap()).collect()
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
