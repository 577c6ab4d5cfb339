use super::*;
use std::time::Duration;

/// Runs `pipeline` on a thread of its own and gives up after 10 seconds: a
/// pipeline that never shuts down fails here instead of hanging.
fn run(producers: u64, items: u64, capacity: usize) -> Vec<u64> {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(pipeline(producers, items, capacity)));
    result
        .recv_timeout(Duration::from_secs(10))
        .expect("the pipeline did not finish: is every Sender dropped?")
}

#[test]
fn every_item_arrives_once() {
    let mut received = run(4, 100, 8);
    received.sort_unstable();
    let expected: Vec<u64> = (0..4)
        .flat_map(|p| (0..100).map(move |i| p * 1000 + i))
        .collect();
    assert_eq!(received, expected);
}

#[test]
fn each_producer_s_items_arrive_in_order() {
    let received = run(3, 50, 1);
    for p in 0..3 {
        let mine: Vec<u64> = received.iter().copied().filter(|n| n / 1000 == p).collect();
        let expected: Vec<u64> = (0..50).map(|i| p * 1000 + i).collect();
        assert_eq!(mine, expected, "producer {p}");
    }
}

#[test]
fn a_channel_of_capacity_zero_hands_over_each_item() {
    assert_eq!(run(2, 10, 0).len(), 20);
}

#[test]
fn no_producers_means_nothing_received() {
    assert_eq!(run(0, 10, 4), Vec::<u64>::new());
}
