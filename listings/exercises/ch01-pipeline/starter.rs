//! Exercise 1-2: a bounded producer/consumer pipeline that shuts down cleanly.
use std::sync::mpsc;

/// Starts `producers` threads; producer `p` sends `p * 1000 + i` for each `i`
/// in `0..items`, in that order, into one `mpsc::sync_channel(capacity)`. One
/// consumer thread receives everything until the channel closes, and
/// `pipeline` returns what it received, in the order it received it.
///
/// It must return as soon as the producers are done: no sleeps, no counting.
fn pipeline(producers: u64, items: u64, capacity: usize) -> Vec<u64> {
    let (tx, rx) = mpsc::sync_channel::<u64>(capacity);
    // Spawn the producers, each with its own clone of `tx`; spawn the
    // consumer, which owns `rx`; return what the consumer's `join` gives.
    todo!("{producers} producers of {items} items into {tx:?}, one consumer of {rx:?}")
}

fn main() {
    let received = pipeline(3, 4, 2);
    println!("{} items received: {received:?}", received.len());
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
