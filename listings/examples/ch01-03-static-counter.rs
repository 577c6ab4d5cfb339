//! A counter in a `static`, the counterpart of a Python module-level global:
//! every thread can reach it, with no borrow, no scope and no `Arc`.
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

static COUNT: AtomicU64 = AtomicU64::new(0);
static NAMES: Mutex<Vec<String>> = Mutex::new(Vec::new()); // `Mutex::new` is a `const fn`

fn task(name: String) {
    for _ in 0..1_000 {
        COUNT.fetch_add(1, Ordering::Relaxed);
    }
    NAMES.lock().unwrap().push(name);
}

fn main() {
    let handles: Vec<_> = (0..4)
        .map(|n| thread::spawn(move || task(format!("task {n}"))))
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let mut names = NAMES.lock().unwrap();
    names.sort();
    println!("Count: {}", COUNT.load(Ordering::Relaxed));
    println!("Names: {names:?}");
}
