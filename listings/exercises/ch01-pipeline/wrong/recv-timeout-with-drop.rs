//! Wrong: drops `tx`, but stops when `recv_timeout(5 s)` finds nothing: the consumer gives up during a longer pause
//! Caught by: the_consumer_waits_for_the_channel_to_close
//!
//! Exercise 1-2: a bounded producer/consumer pipeline that shuts down cleanly.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

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
        let handles: Vec<_> = producers
            .into_iter()
            .map(|producer| {
                let tx = tx.clone();
                s.spawn(move || {
                    for item in producer {
                        // A send to a consumer that has given up fails: stop too.
                        if tx.send(item).is_err() {
                            break;
                        }
                    }
                }) // this producer's sender is dropped when its thread ends
            })
            .collect();
        // The channel closes when every sender is gone: the producers' clones
        // go when their threads end, and this one must go now, or the
        // consumer waits for it forever.
        drop(tx);

        // The consumer is this thread: it receives while the producers run.
        // 5 s without an item: a producer must be stuck, so give up on it.
        while let Ok(item) = rx.recv_timeout(Duration::from_secs(5)) {
            consume(item);
        }
        drop(rx);

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
