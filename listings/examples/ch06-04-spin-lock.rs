// ANCHOR: all
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
}

impl SpinLock {
    const fn new() -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
        }
    }

    /// Takes the lock, and says how many times it found the lock taken.
    fn lock(&self) -> (Guard<'_>, u64) {
        let mut spins = 0;
        // Acquire: see everything the previous holder did before unlocking.
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            // Taken: wait with plain loads until it looks free, then try again.
            while self.locked.load(Ordering::Relaxed) {
                spins += 1;
                hint::spin_loop(); // tell the CPU we are waiting
            }
        }
        (Guard { lock: self }, spins)
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
    let spins: u64 = thread::scope(|s| {
        let threads: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    let mut spins = 0; // this thread's own count
                    for _ in 0..INCREMENTS {
                        let (_guard, waited) = lock.lock();
                        spins += waited;
                        // Chapter 1's load and store, now with nobody in between.
                        let plus_one = value.load(Ordering::Relaxed) + 1;
                        value.store(plus_one, Ordering::Relaxed);
                    }
                    spins
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).sum()
    });
    println!("Value:    {}", value.into_inner());
    println!("Expected: {}", THREADS * INCREMENTS);
    println!("Spins:    {spins}");
}
// ANCHOR_END: main
// ANCHOR_END: all
