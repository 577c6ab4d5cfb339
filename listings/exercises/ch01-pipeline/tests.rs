use super::*;
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

/// Runs two producers of 1000 items each through a channel of `capacity`,
/// and a consumer that notes, each time it takes an item, how many of the
/// items made so far it has not taken yet. It takes its first item, then
/// waits, to give the producers every chance to run ahead: until they are
/// `capacity + 2` ahead (the channel full and an item in each producer's
/// hand), 5 s at most, then 200 ms more unless they are further ahead
/// already. Returns what `pipeline` returned, the items consumed, and the
/// most ahead.
fn most_ahead(capacity: usize) -> (Result<(), Vec<usize>>, usize, usize) {
    within(7, move || {
        let made = AtomicUsize::new(0);
        let made = &made;
        let producer = |p: u64| -> Producer<'_> {
            Box::new((0..1000).map(move |i| {
                made.fetch_add(1, SeqCst);
                p * 1000 + i
            }))
        };
        let (mut taken, mut most) = (0, 0);
        let full = capacity + 2;
        let result = pipeline(vec![producer(0), producer(1)], capacity, |_| {
            taken += 1;
            let ahead = || made.load(SeqCst) - taken;
            if taken == 1 {
                let start = Instant::now();
                while ahead() < full && start.elapsed() < Duration::from_secs(5) {
                    thread::sleep(Duration::from_millis(1));
                }
                let start = Instant::now();
                while ahead() <= full && start.elapsed() < Duration::from_millis(200) {
                    thread::sleep(Duration::from_millis(1));
                }
            }
            most = most.max(ahead());
        });
        (result, taken, most)
    })
}

#[test]
fn the_producers_wait_while_the_channel_is_full() {
    for capacity in [4, 1, 0] {
        let (result, taken, most) = most_ahead(capacity);
        assert_eq!((result, taken), (Ok(()), 2000), "every item consumed");
        assert!(
            most <= capacity + 2,
            "the producers got {most} items ahead of the consumer, with room for {capacity} \
             in the channel and one in each producer's hand: they must wait while it is \
             full, and the consumer must take each item as it arrives"
        );
        assert!(
            most >= capacity + 2,
            "the producers got only {most} items ahead of the consumer, with room for \
             {capacity} in the channel and one in each producer's hand: is the channel \
             `sync_channel(capacity)`?"
        );
    }
}

/// What happens in `the_consumer_waits_for_the_channel_to_close`, as it happens.
enum Event {
    /// Producer 0 has sent 3 items, and pauses.
    Paused,
    /// Producer 0 has sent its last item.
    Done,
    /// `pipeline` returned: the items consumed, and its result.
    Returned(Vec<u64>, Result<(), Vec<usize>>),
}

/// How long producer 0 pauses.
const PAUSE: Duration = Duration::from_secs(6);

#[test]
fn the_consumer_waits_for_the_channel_to_close() {
    // Producer 0 sends 3 items, pauses for 6 s, then sends 3 more: the
    // pipeline must wait for them, and return as soon as it is done.
    let (events, happened) = mpsc::channel();
    let (paused, done, returned) = (events.clone(), events.clone(), events);
    let runner = thread::spawn(move || {
        let slow: Producer<'static> = Box::new(
            (0..6)
                .inspect(move |&i| {
                    if i == 3 {
                        let _ = paused.send(Event::Paused);
                        thread::sleep(PAUSE);
                    }
                })
                .chain(std::iter::from_fn(move || {
                    let _ = done.send(Event::Done);
                    None
                })),
        );
        let (received, result) = run(vec![slow, items(1, 5)], 2);
        let _ = returned.send(Event::Returned(received, result));
    });
    let mut runner = Some(runner);
    let mut next = |wait: Duration, stuck: &str| match happened.recv_timeout(wait) {
        Ok(event) => event,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{stuck}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.take().unwrap().join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("the pipeline panicked: {}", message.unwrap_or("?"))
        }
    };
    let mut event = next(
        Duration::from_secs(5),
        "producer 0 had not sent its first three items after 5 s, with room for 2 in \
         the channel: does the consumer receive while the producers run?",
    );
    assert!(
        matches!(event, Event::Paused),
        "`pipeline` returned before producer 0 had sent its first three items"
    );
    event = next(
        PAUSE + Duration::from_secs(5),
        "producer 0 is still paused 5 s after its pause should have ended",
    );
    if let Event::Done = event {
        event = next(
            Duration::from_secs(2),
            "the pipeline had not returned 2 s after the last producer was done: it must \
             end when the channel closes. Is every Sender dropped, and does the consumer \
             wait for the channel to close, not for a timeout?",
        );
    }
    let Event::Returned(received, result) = event else {
        panic!("`pipeline` returns last")
    };
    assert_eq!(
        from(0, &received),
        [0, 1, 2, 3, 4, 5],
        "the consumer stopped during a producer's 6 s pause: it must receive until the \
         channel closes, however long the producers take"
    );
    assert_eq!(from(1, &received), [1000, 1001, 1002, 1003, 1004]);
    assert_eq!(result, Ok(()));
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
