//! Two tasks of different lengths, each on its own thread, started, then joined.
use std::thread;
use std::time::Duration;

fn task(name: &str, millis: u64) {
    println!("Task {name} started");
    thread::sleep(Duration::from_millis(millis));
    println!("Task {name} completed");
}

fn main() {
    println!("Starting threads");
    let a = thread::spawn(|| task("A", 200));
    let b = thread::spawn(|| task("B", 300));
    println!("Threads started");

    // Wait for both: when main returns, the process ends, threads and all.
    a.join().unwrap();
    b.join().unwrap();
    println!("Threads finished");
}
