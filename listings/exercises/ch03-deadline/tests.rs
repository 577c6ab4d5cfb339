use super::*;

#[tokio::test]
async fn a_stream_that_ends_in_time_is_summed_whole() {
    let mut rx = numbers(Duration::from_millis(5), 10);
    assert_eq!(
        sum_until(&mut rx, Duration::from_secs(10)).await,
        (55, false)
    );
}

#[tokio::test]
async fn a_slow_stream_is_cut_off_at_the_deadline() {
    let start = Instant::now();
    let mut rx = numbers(Duration::from_secs(60), 3);
    assert_eq!(
        sum_until(&mut rx, Duration::from_millis(200)).await,
        (0, true)
    );
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[tokio::test]
async fn the_deadline_holds_however_often_numbers_arrive() {
    let start = Instant::now();
    let mut rx = numbers(Duration::from_millis(10), u64::MAX);
    let (sum, timed_out) = sum_until(&mut rx, Duration::from_millis(300)).await;
    let elapsed = start.elapsed();
    assert!(timed_out);
    assert!(sum > 0, "some numbers arrived before the deadline");
    assert!(
        elapsed < Duration::from_secs(10),
        "{elapsed:?}: the deadline never came"
    );
}

#[tokio::test]
async fn a_closed_channel_ends_at_once() {
    let (tx, mut rx) = mpsc::channel(1);
    drop(tx);
    let start = Instant::now();
    assert_eq!(
        sum_until(&mut rx, Duration::from_secs(60)).await,
        (0, false)
    );
    assert!(start.elapsed() < Duration::from_secs(10));
}
