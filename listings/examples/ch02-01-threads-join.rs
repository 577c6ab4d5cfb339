//! Two threads sleep for 1 and 2 seconds; `main` joins both, so the program
//! takes as long as the slower one.
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

// ANCHOR: all
fn start_both_and_wait() {
    let x = thread::spawn(|| foo(Duration::from_secs(1)));
    let y = thread::spawn(|| bar(Duration::from_secs(2)));
    x.join().expect("foo panicked"); // wait here until foo has returned
    y.join().expect("bar panicked");
}

fn main() {
    let start = Instant::now();
    start_both_and_wait();
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
// ANCHOR_END: all
