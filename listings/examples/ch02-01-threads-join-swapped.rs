//! The same two joined threads, with bar now the quicker one (half a second).
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

fn start_both_and_wait(start: Instant) {
    // ANCHOR: spawn
    let x = thread::spawn(move || foo(Duration::from_secs(1), start));
    let y = thread::spawn(move || bar(Duration::from_millis(500), start));
    // ANCHOR_END: spawn
    x.join().expect("foo panicked");
    say(start, "joined foo");
    y.join().expect("bar panicked");
    say(start, "joined bar");
}

fn main() {
    let start = Instant::now();
    start_both_and_wait(start);
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
