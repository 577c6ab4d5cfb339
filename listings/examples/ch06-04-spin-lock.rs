//! A spin lock on an `AtomicBool` makes Chapter 1's separate load and store
//! safe: no increment is lost.
use std::hint;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

const THREADS: u64 = 4;
const INCREMENTS: u64 = 1_000_000;

// ANCHOR: lock
struct SpinLock {
    locked: AtomicBool,
    /// How often a thread found the lock taken and tried again.
    spins: AtomicU64,
}

impl SpinLock {
    const fn new() -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
            spins: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> Guard<'_> {
        // Acquire: see everything the previous holder did before unlocking.
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.spins.fetch_add(1, Ordering::Relaxed);
            hint::spin_loop(); // tell the CPU we are waiting, then try again
        }
        Guard { lock: self }
    }
}

struct Guard<'a> {
    lock: &'a SpinLock,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        // Release: publish everything done while holding the lock.
        self.lock.locked.store(false, Ordering::Release);
    }
}
// ANCHOR_END: lock

// ANCHOR: main
fn main() {
    let lock = SpinLock::new();
    let value = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..INCREMENTS {
                    let _guard = lock.lock();
                    // Chapter 1's load and store, now with nobody in between.
                    let plus_one = value.load(Ordering::Relaxed) + 1;
                    value.store(plus_one, Ordering::Relaxed);
                }
            });
        }
    });
    println!("Value:    {}", value.into_inner());
    println!("Expected: {}", THREADS * INCREMENTS);
    println!("Spins:    {}", lock.spins.into_inner());
}
// ANCHOR_END: main
