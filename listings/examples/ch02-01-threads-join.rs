//! Two threads sleep for 1 and 2 seconds; `main` joins both, so the program
//! takes as long as the slower one. Every line but the last starts with the
//! time since `main` started.
use std::thread;
use std::time::{Duration, Instant};

/// Prints `what` after the time since `start`, as in `0.00 s  start foo`.
fn say(start: Instant, what: &str) {
    println!("{:.2} s  {what}", start.elapsed().as_secs_f64());
}

fn foo(snooze: Duration, start: Instant) {
    say(start, "start foo");
    thread::sleep(snooze);
    say(start, "end foo");
}

fn bar(snooze: Duration, start: Instant) {
    say(start, "start bar");
    thread::sleep(snooze);
    say(start, "end bar");
}

// ANCHOR: all
fn start_both_and_wait(start: Instant) {
    let x = thread::spawn(move || foo(Duration::from_secs(1), start));
    let y = thread::spawn(move || bar(Duration::from_secs(2), start));
    x.join().expect("foo panicked"); // wait here until foo has returned
    say(start, "joined foo");
    y.join().expect("bar panicked");
    say(start, "joined bar");
}

fn main() {
    let start = Instant::now();
    start_both_and_wait(start);
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
// ANCHOR_END: all
