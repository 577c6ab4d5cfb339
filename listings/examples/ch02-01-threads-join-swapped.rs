//! The same two joined threads, with bar now the quicker one (half a second).
use std::thread;
use std::time::{Duration, Instant};

fn foo(snooze: Duration) {
    println!("start foo");
    thread::sleep(snooze);
    println!("end foo");
}

fn bar(snooze: Duration) {
    println!("start bar");
    thread::sleep(snooze);
    println!("end bar");
}

fn start_both_and_wait() {
    // ANCHOR: spawn
    let x = thread::spawn(|| foo(Duration::from_secs(1)));
    let y = thread::spawn(|| bar(Duration::from_millis(500)));
    // ANCHOR_END: spawn
    x.join().expect("foo panicked");
    y.join().expect("bar panicked");
}

fn main() {
    let start = Instant::now();
    start_both_and_wait();
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
