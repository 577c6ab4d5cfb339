use super::*;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::thread;
use std::time::{Duration, Instant};

/// Runs `body` on a thread of its own and gives up after `secs` seconds: a
/// pipeline that never returns fails the test instead of hanging it.
fn within<T: Send + 'static>(secs: u64, body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "the pipeline did not return within {secs} s: is every Sender dropped, \
             and does the consumer receive while the producers run?"
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("the pipeline panicked: {}", message.unwrap_or("?"))
        }
    }
}

/// Runs the pipeline with a consumer that keeps every item: the items in
/// the order it took them, and what `pipeline` returned.
fn run(producers: Vec<Producer<'_>>, capacity: usize) -> (Vec<u64>, Result<(), Vec<usize>>) {
    let mut received = Vec::new();
    let result = pipeline(producers, capacity, |item| received.push(item));
    (received, result)
}

/// Producer `p` of `n` items: `p * 1000 + i` for each `i` in `0..n`.
fn items(p: u64, n: u64) -> Producer<'static> {
    Box::new((0..n).map(move |i| p * 1000 + i))
}

/// The items of producer `p` that the consumer took, in the order it took them.
fn from(p: u64, received: &[u64]) -> Vec<u64> {
    received.iter().copied().filter(|n| n / 1000 == p).collect()
}

#[test]
fn every_item_arrives_once() {
    let (mut received, result) = within(5, || {
        let producers = vec![items(0, 100), items(1, 7), items(2, 0), items(3, 250)];
        run(producers, 8)
    });
    assert_eq!(result, Ok(()), "no producer panicked");
    received.sort_unstable();
    let expected: Vec<u64> = [(0, 100), (1, 7), (3, 250)]
        .into_iter()
        .flat_map(|(p, n)| (0..n).map(move |i| p * 1000 + i))
        .collect();
    assert_eq!(received, expected);
}

#[test]
fn each_producer_s_items_arrive_in_order() {
    let (received, _) = within(5, || run((0..3).map(|p| items(p, 50)).collect(), 1));
    for p in 0..3 {
        let expected: Vec<u64> = (0..50).map(|i| p * 1000 + i).collect();
        assert_eq!(from(p, &received), expected, "producer {p}");
    }
}

#[test]
fn a_channel_of_capacity_zero_hands_over_each_item() {
    let (received, result) = within(5, || run(vec![items(0, 10), items(1, 10)], 0));
    assert_eq!((received.len(), result), (20, Ok(())));
}

#[test]
fn no_producers_means_nothing_received() {
    assert_eq!(within(5, || run(Vec::new(), 4)), (Vec::new(), Ok(())));
}

#[test]
fn the_producers_wait_while_the_channel_is_full() {
    // Each producer notes how many items it has made that the consumer has
    // not taken yet. The consumer takes its first item, then waits (1 s at
    // most) to give the producers every chance to run ahead.
    let (result, taken, most) = within(10, || {
        let (made, taken, most) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        let (made, taken, most) = (&made, &taken, &most);
        let bound = 4 + 2 + 1; // the channel's 4, one in each producer's hand, one in the consumer's
        let producer = |p: u64| -> Producer<'_> {
            Box::new((0..1000).map(move |i| {
                let made = made.fetch_add(1, SeqCst) + 1;
                let ahead = made.saturating_sub(taken.load(SeqCst));
                most.fetch_max(ahead, SeqCst);
                p * 1000 + i
            }))
        };
        let result = pipeline(vec![producer(0), producer(1)], 4, |_| {
            if taken.fetch_add(1, SeqCst) == 0 {
                let start = Instant::now();
                while most.load(SeqCst) <= bound && start.elapsed() < Duration::from_secs(1) {
                    thread::sleep(Duration::from_millis(1));
                }
            }
        });
        (result, taken.load(SeqCst), most.load(SeqCst))
    });
    assert_eq!((result, taken), (Ok(()), 2000), "every item consumed");
    assert!(
        most <= 7,
        "the producers got {most} items ahead of the consumer, with room for 4 in the \
         channel: they must wait while it is full, and the consumer must take each item \
         as it arrives"
    );
}

#[test]
fn the_consumer_waits_for_the_channel_to_close() {
    // Producer 0 pauses for 3 s before its fourth item; the pipeline must
    // wait for it, and return as soon as it is done.
    let (received, result, late) = within(15, || {
        let done = Mutex::new(None);
        let slow: Producer<'_> = Box::new(
            (0..6)
                .inspect(|&i| {
                    if i == 3 {
                        thread::sleep(Duration::from_secs(3));
                    }
                })
                .chain(std::iter::from_fn(|| {
                    *done.lock().unwrap() = Some(Instant::now()); // the producer is done
                    None
                })),
        );
        let (received, result) = run(vec![slow, items(1, 5)], 2);
        let late = done.lock().unwrap().map(|done| done.elapsed());
        (received, result, late)
    });
    assert_eq!(
        from(0, &received),
        [0, 1, 2, 3, 4, 5],
        "the consumer stopped during a producer's 3 s pause: it must receive until the \
         channel closes, however long the producers take"
    );
    assert_eq!(from(1, &received), [1000, 1001, 1002, 1003, 1004]);
    assert_eq!(result, Ok(()));
    let late = late.expect("producer 0 finished");
    assert!(
        late < Duration::from_millis(1500),
        "the pipeline returned {late:?} after the last producer was done: it must end \
         when the channel closes, not after a timeout"
    );
}

#[test]
fn a_panicking_producer_is_reported() {
    // Producer 1 panics after 5 items, producer 3 before its first; the
    // others go on to the end.
    let (received, result) = within(5, || {
        let gives_up = |p: u64, after: u64| -> Producer<'static> {
            Box::new((0..).map(move |i| {
                if i == after {
                    panic!("producer {p} gives up after {after} items");
                }
                p * 1000 + i
            }))
        };
        let producers = vec![items(0, 20), gives_up(1, 5), items(2, 30), gives_up(3, 0)];
        run(producers, 2)
    });
    assert_eq!(
        result,
        Err(vec![1, 3]),
        "producers 1 and 3 panicked: `pipeline` must say so"
    );
    assert_eq!(from(0, &received).len(), 20, "producer 0's items");
    assert_eq!(
        from(1, &received),
        [1000, 1001, 1002, 1003, 1004],
        "producer 1's items"
    );
    assert_eq!(from(2, &received).len(), 30, "producer 2's items");
    assert_eq!(from(3, &received), [], "producer 3's items");
}
