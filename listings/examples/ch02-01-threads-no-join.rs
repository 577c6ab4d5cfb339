//! Two threads are started and never joined: `main` returns first and the
//! process ends, taking the threads with it. Each thread's line starts with
//! the time since `main` started.
use std::thread;
use std::time::{Duration, Instant};

/// Prints `what` after the time since `start`, as in `0.00 s  start foo`.
fn say(start: Instant, what: &str) {
    println!("{:.2} s  {what}", start.elapsed().as_secs_f64());
}

fn foo(snooze: Duration, start: Instant) {
    say(start, "start foo");
    thread::sleep(snooze); // stands for some slow operation
    say(start, "end foo");
}

fn bar(snooze: Duration, start: Instant) {
    say(start, "start bar");
    thread::sleep(snooze);
    say(start, "end bar");
}

fn start_both(start: Instant) {
    // Dropping a `JoinHandle` detaches its thread: nobody will wait for it.
    // `move`: each thread gets its own copy of `start` (an `Instant` is `Copy`).
    thread::spawn(move || foo(Duration::from_secs(1), start));
    thread::spawn(move || bar(Duration::from_secs(2), start));
}

fn main() {
    let start = Instant::now();
    start_both(start);
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
