//! Listing 6-6 with `Arc`, whose count is atomic: the clone may go to another thread.
use std::sync::Arc;
use std::thread;

fn main() {
    let names = Arc::new(vec!["A", "B"]);
    let also = Arc::clone(&names);
    let handle = thread::spawn(move || also.len());
    println!(
        "{} names, {} seen by the thread",
        names.len(),
        handle.join().unwrap()
    );
}
