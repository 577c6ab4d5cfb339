//! Wrong: `mpsc::sync_channel(0)`, whatever `capacity` says: every send waits for the consumer
//! Caught by: the_producers_wait_while_the_channel_is_full
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
    _capacity: usize,
    mut consume: impl FnMut(u64) + Send,
) -> Result<(), Vec<usize>> {
    // Capacity 0: each item goes straight from a producer to the consumer.
    let (tx, rx) = mpsc::sync_channel(0);
    thread::scope(|s| {
        let handles: Vec<_> = producers
            .into_iter()
            .map(|producer| {
                let tx = tx.clone();
                s.spawn(move || {
                    for item in producer {
                        // Blocks while the channel holds `capacity` items.
                        tx.send(item).expect("the consumer is receiving");
                    }
                }) // this producer's sender is dropped when its thread ends
            })
            .collect();
        // The channel closes when every sender is gone: the producers' clones
        // go when their threads end, and this one must go now, or the
        // consumer waits for it forever.
        drop(tx);

        // The consumer is this thread: it receives while the producers run.
        for item in rx {
            consume(item);
        }

        // Every sender is gone, so every producer is done sending: joining
        // them waits for the last of them to end, and says how each ended.
        let panicked: Vec<usize> = handles
            .into_iter()
            .enumerate()
            .filter_map(|(i, handle)| handle.join().is_err().then_some(i))
            .collect();
        if panicked.is_empty() {
            Ok(())
        } else {
            Err(panicked)
        }
    })
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
