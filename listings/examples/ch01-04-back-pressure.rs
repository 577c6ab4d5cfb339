//! A bounded channel with room for two items, a fast producer and a slow
//! consumer. Each line starts with the time since `main` started, in seconds.
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn log(start: Instant, who: &str, what: &str) {
    println!("{:.2} s  {who:<8}  {what}", start.elapsed().as_secs_f64());
}

fn main() {
    let start = Instant::now();
    // At most two items wait in the channel: `send` blocks while it is full.
    let (tx, rx) = mpsc::sync_channel(2);

    let producer = thread::spawn(move || {
        for item in 0..6 {
            tx.send(item).unwrap();
            log(start, "producer", &format!("sent item {item}"));
        }
    }); // the producer's thread ends, `tx` is dropped, the channel closes

    for item in rx {
        log(start, "consumer", &format!("took item {item}"));
        thread::sleep(Duration::from_millis(100)); // a slow consumer
    }
    producer.join().unwrap();
    log(start, "consumer", "the channel is closed and empty");
}
