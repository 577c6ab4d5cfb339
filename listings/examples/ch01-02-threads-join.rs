//! Two tasks of different lengths, each on its own thread, started, then joined.
//! Each line starts with the time since `main` started, in seconds.
use std::thread;
use std::time::{Duration, Instant};

fn task(name: &str, millis: u64, start: Instant) {
    println!(
        "{:.2} s  Task {name} started",
        start.elapsed().as_secs_f64()
    );
    thread::sleep(Duration::from_millis(millis));
    println!(
        "{:.2} s  Task {name} completed",
        start.elapsed().as_secs_f64()
    );
}

fn main() {
    let start = Instant::now();
    println!("{:.2} s  Starting threads", start.elapsed().as_secs_f64());
    let a = thread::spawn(move || task("A", 200, start));
    let b = thread::spawn(move || task("B", 300, start));
    println!("{:.2} s  Threads started", start.elapsed().as_secs_f64());

    // Wait for both: when main returns, the process ends, threads and all.
    a.join().unwrap();
    b.join().unwrap();
    println!("{:.2} s  Threads finished", start.elapsed().as_secs_f64());
}
