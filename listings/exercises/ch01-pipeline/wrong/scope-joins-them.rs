//! Wrong: leaves the joins to `thread::scope`, which panics when a producer has panicked
//! Caught by: a_panicking_producer_is_reported
//!
//! Exercise 1-2: a bounded producer/consumer pipeline that shuts down cleanly.
use std::sync::mpsc;
use std::thread;

/// A producer: its thread sends every item the iterator yields, in order.
/// How many items that is, nobody knows until the iterator ends.
type Producer<'a> = Box<dyn Iterator<Item = u64> + Send + 'a>;

/// Runs each producer on a thread of its own, all of them sending into one
/// `mpsc::sync_channel(capacity)`, and one consumer that calls `consume` on
/// each item as soon as it receives it, until the channel closes.
///
/// Returns once every producer has finished and the consumer has taken the
/// last item: `Ok(())`, or `Err` with the index (in `producers`) of each
/// producer that panicked, in increasing order. A producer that panics does
/// not stop the others, and the items it sent before it panicked are still
/// consumed.
///
/// No sleeps, no timeouts, no counting: the channel closing says when the
/// producers are done.
fn pipeline(
    producers: Vec<Producer<'_>>,
    capacity: usize,
    mut consume: impl FnMut(u64) + Send,
) -> Result<(), Vec<usize>> {
    let (tx, rx) = mpsc::sync_channel(capacity);
    thread::scope(|s| {
        for producer in producers {
            let tx = tx.clone();
            s.spawn(move || {
                for item in producer {
                    tx.send(item).expect("the consumer is receiving");
                }
            });
        }
        drop(tx);
        for item in rx {
            consume(item);
        }
    }); // the scope joins every producer
    Ok(())
}

fn main() {
    // Three producers; the second gives up after its third item.
    let producers: Vec<Producer> = vec![
        Box::new(0..4),
        Box::new((100..).inspect(|&n| {
            if n == 103 {
                panic!("producer 1 gives up");
            }
        })),
        Box::new(200..202),
    ];
    let mut received = Vec::new();
    let result = pipeline(producers, 2, |item| received.push(item));
    println!("{} items received: {received:?}", received.len());
    println!("{result:?}");
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
