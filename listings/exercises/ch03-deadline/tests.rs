use super::*;
use std::sync::mpsc as std_mpsc;
use std::{panic, thread};

/// Runs `test` as `#[tokio::test(start_paused = true)]` would: on a
/// `current_thread` runtime whose clock is paused, so that whenever every
/// task waits, the clock jumps to the next timer, and the tests' seconds and
/// hours take no time at all. It runs on a thread of its own, watched: if it
/// has not finished after 10 real seconds, the test fails instead of hanging.
fn paused(test: impl Future<Output = ()> + Send + 'static) {
    let (done, finished) = std_mpsc::channel();
    let runner = thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap()
            .block_on(test);
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => {}
        // The test panicked: fail with its message.
        Err(std_mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(std_mpsc::RecvTimeoutError::Timeout) => panic!(
            "not finished after 10 s: next_batch never returned. Paused time makes \
             every sleep instant, but the clock moves only while every task waits: \
             a loop that polls and never waits keeps it still, and one that polls \
             every millisecond needs 31 billion turns to wait out a year"
        ),
    }
}

/// A linger no test waits out in real time.
const A_YEAR: Duration = Duration::from_secs(365 * 24 * 3600);

/// Calls `next_batch` until it returns `None` (at most 100 times).
async fn all_batches(rx: &mut mpsc::Receiver<u64>, max: usize, linger: Duration) -> Vec<Vec<u64>> {
    let mut batches = Vec::new();
    while let Some(batch) = next_batch(rx, max, linger).await {
        assert!(
            !batch.is_empty(),
            "a batch is never empty: {batches:?}, then []"
        );
        batches.push(batch);
        assert!(
            batches.len() <= 100,
            "no end after 100 batches: {batches:?}"
        );
    }
    batches
}

#[test]
fn a_steady_stream_is_cut_at_the_linger() {
    paused(async {
        // Item n comes at 10 * n ms; each batch lingers 95 ms after its first.
        let mut rx = numbers(Duration::from_millis(10), Duration::from_millis(10), 50);
        let batches = all_batches(&mut rx, 100, Duration::from_millis(95)).await;
        let expected: Vec<Vec<u64>> = (0..5)
            .map(|b| (10 * b + 1..=10 * b + 10).collect())
            .collect();
        assert_eq!(
            batches, expected,
            "with an item every 10 ms, each batch holds the 10 items of the 95 ms \
             after its first one, however many more keep coming"
        );
    });
}

#[test]
fn the_linger_starts_at_the_first_item() {
    paused(async {
        // Nothing for 10 s, then an item every 10 ms.
        let start = Instant::now();
        let mut rx = numbers(Duration::from_secs(10), Duration::from_millis(10), 20);
        let batch = next_batch(&mut rx, 100, Duration::from_millis(95)).await;
        assert_eq!(
            batch,
            Some((1..=10).collect()),
            "the batch waits for its first item, however late, then lingers 95 ms"
        );
        assert!(start.elapsed() >= Duration::from_secs(10));
    });
}

#[test]
fn a_full_batch_is_handed_on_at_once_and_no_item_is_lost() {
    paused(async {
        let (tx, mut rx) = mpsc::channel(100);
        for n in 1..=25 {
            tx.send(n).await.unwrap();
        }
        let linger = A_YEAR;
        let start = Instant::now();
        let first = next_batch(&mut rx, 10, linger).await;
        let second = next_batch(&mut rx, 10, linger).await;
        assert_eq!(
            [first, second],
            [Some((1..=10).collect()), Some((11..=20).collect())],
            "full batches of 10, and not one item lost or out of order between them"
        );
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "a full batch is handed on at once, without waiting for the linger"
        );
        // The channel is still open: more items may come for the last five.
        assert_eq!(
            next_batch(&mut rx, 10, linger).await,
            Some((21..=25).collect())
        );
        assert!(
            start.elapsed() >= linger,
            "a batch that is not full waits out its linger while the channel is open"
        );
        drop(tx);
        assert_eq!(next_batch(&mut rx, 10, linger).await, None);
    });
}

#[test]
fn a_batch_of_at_most_one_holds_one_item() {
    paused(async {
        let mut rx = numbers(Duration::ZERO, Duration::ZERO, 3);
        let batches = all_batches(&mut rx, 1, A_YEAR).await;
        assert_eq!(
            batches,
            [[1], [2], [3]],
            "with max 1, a batch is full with its first item"
        );
    });
}

#[test]
fn a_closed_channel_ends_the_batch_at_once() {
    paused(async {
        let (tx, mut rx) = mpsc::channel(100);
        for n in 1..=3 {
            tx.send(n).await.unwrap();
        }
        drop(tx);
        let start = Instant::now();
        let batches = all_batches(&mut rx, 10, A_YEAR).await;
        assert_eq!(batches, [vec![1, 2, 3]]);
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "once the channel is closed, no more items can come: the batch is \
             handed on at once, without waiting for the linger"
        );
    });
}
