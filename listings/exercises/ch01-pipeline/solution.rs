//! Exercise 1-2: a bounded producer/consumer pipeline that shuts down cleanly.
use std::sync::mpsc;
use std::thread;

/// Starts `producers` threads; producer `p` sends `p * 1000 + i` for each `i`
/// in `0..items`, in that order, into one `mpsc::sync_channel(capacity)`. One
/// consumer thread receives everything until the channel closes, and
/// `pipeline` returns what it received, in the order it received it.
///
/// It must return as soon as the producers are done: no sleeps, no counting.
fn pipeline(producers: u64, items: u64, capacity: usize) -> Vec<u64> {
    let (tx, rx) = mpsc::sync_channel::<u64>(capacity);
    for p in 0..producers {
        let tx = tx.clone();
        thread::spawn(move || {
            for i in 0..items {
                // Blocks while the channel holds `capacity` items.
                tx.send(p * 1000 + i).expect("the consumer is receiving");
            }
        });
    }
    // The channel closes when every sender is gone: the producers' clones go
    // when they finish, and this one must go now, or the consumer waits forever.
    drop(tx);
    let consumer = thread::spawn(move || rx.iter().collect());
    consumer.join().unwrap()
}

fn main() {
    let received = pipeline(3, 4, 2);
    println!("{} items received: {received:?}", received.len());
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
