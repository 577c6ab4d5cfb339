//! loom runs the lost-update counter of Chapter 1 under every interleaving of
//! its two threads, and reports the one that loses an increment.
use std::panic;
use std::sync::Mutex;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicU64, Ordering};
use loom::thread;

/// What the threads did in the interleaving being run, for the report.
static STEPS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// How many interleavings loom has run.
static RUNS: Mutex<u32> = Mutex::new(0);

fn step(what: String) {
    STEPS.lock().unwrap().push(what);
}

// ANCHOR: model
fn lost_update() {
    STEPS.lock().unwrap().clear();
    *RUNS.lock().unwrap() += 1;
    let value = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (1..=2)
        .map(|t| {
            let value = Arc::clone(&value);
            thread::spawn(move || {
                let seen = value.load(Ordering::Relaxed);
                step(format!("thread {t} loads {seen}"));
                value.store(seen + 1, Ordering::Relaxed);
                step(format!("thread {t} stores {}", seen + 1));
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let total = value.load(Ordering::Relaxed);
    assert_eq!(total, 2, "two increments, but the counter is {total}");
}

fn main() {
    // Silence the default report: we print loom's panic message ourselves.
    panic::set_hook(Box::new(|_| {}));
    let found = panic::catch_unwind(|| loom::model::Builder::new().check(lost_update));
    match found {
        Ok(()) => println!("loom found no failing interleaving"),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map_or("(no message)", String::as_str);
            let runs = RUNS.lock().unwrap();
            println!("interleaving {runs} fails: {message}");
            for step in STEPS.lock().unwrap().iter() {
                println!("  {step}");
            }
        }
    }
}
// ANCHOR_END: model
