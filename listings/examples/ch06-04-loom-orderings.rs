//! loom checks the `fetch_add` counter, a flag that publishes data and a spin
//! lock under every interleaving, and finds the flag and the lock broken when
//! they are `Relaxed`.
use std::panic;
use std::sync::atomic::AtomicUsize;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use loom::thread;

/// How many interleavings the model under check has run.
static RUNS: AtomicUsize = AtomicUsize::new(0);

// ANCHOR: models
fn fetch_add_counter() {
    let value = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let value = Arc::clone(&value);
            thread::spawn(move || {
                value.fetch_add(1, Ordering::Relaxed);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(value.load(Ordering::Relaxed), 2);
}

/// One thread writes the data, then raises the flag; the other reads the
/// data if it sees the flag.
fn publish(raise: Ordering, check: Ordering) {
    let data = Arc::new(AtomicU64::new(0));
    let ready = Arc::new(AtomicBool::new(false));
    let writer = {
        let (data, ready) = (Arc::clone(&data), Arc::clone(&ready));
        thread::spawn(move || {
            data.store(42, Ordering::Relaxed);
            ready.store(true, raise);
        })
    };
    if ready.load(check) {
        let seen = data.load(Ordering::Relaxed);
        assert_eq!(seen, 42, "the flag is up, but the data is {seen}");
    }
    writer.join().unwrap();
}

/// Two threads increment a counter with a separate load and store, inside a
/// spin lock taken with `take` and released with `release`.
fn spin_lock(take: Ordering, release: Ordering) {
    let locked = Arc::new(AtomicBool::new(false));
    let value = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let (locked, value) = (Arc::clone(&locked), Arc::clone(&value));
            thread::spawn(move || {
                while locked
                    .compare_exchange_weak(false, true, take, Ordering::Relaxed)
                    .is_err()
                {
                    while locked.load(Ordering::Relaxed) {
                        loom::hint::spin_loop(); // in a model: let another thread run
                    }
                }
                let plus_one = value.load(Ordering::Relaxed) + 1;
                value.store(plus_one, Ordering::Relaxed);
                locked.store(false, release);
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
    panic::set_hook(Box::new(|_| {})); // we print loom's findings ourselves
    check("fetch_add counter", fetch_add_counter);
    check("flag with Release/Acquire", || {
        publish(Ordering::Release, Ordering::Acquire)
    });
    check("flag with Relaxed", || {
        publish(Ordering::Relaxed, Ordering::Relaxed)
    });
    check("spin lock with Acquire/Release", || {
        spin_lock(Ordering::Acquire, Ordering::Release)
    });
    check("spin lock with Relaxed", || {
        spin_lock(Ordering::Relaxed, Ordering::Relaxed)
    });
}
// ANCHOR_END: models

fn check(name: &str, model: fn()) {
    RUNS.store(0, Ordering::Relaxed);
    let result = panic::catch_unwind(|| {
        loom::model::Builder::new().check(move || {
            RUNS.fetch_add(1, Ordering::Relaxed);
            model();
        })
    });
    let runs = RUNS.load(Ordering::Relaxed);
    match result {
        Ok(()) => println!("{name}: all {runs} interleavings pass"),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map_or("(no message)", String::as_str);
            println!("{name}: interleaving {runs} fails: {message}");
        }
    }
}
