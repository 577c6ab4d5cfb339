//! Two threads are started and never joined: `main` returns first and the
//! process ends, taking the threads with it.
use std::thread;
use std::time::{Duration, Instant};

fn foo(snooze: Duration) {
    println!("start foo");
    thread::sleep(snooze); // stands for some slow operation
    println!("end foo");
}

fn bar(snooze: Duration) {
    println!("start bar");
    thread::sleep(snooze);
    println!("end bar");
}

fn start_both() {
    // Dropping a `JoinHandle` detaches its thread: nobody will wait for it.
    thread::spawn(|| foo(Duration::from_secs(1)));
    thread::spawn(|| bar(Duration::from_secs(2)));
}

fn main() {
    let start = Instant::now();
    start_both();
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
}
