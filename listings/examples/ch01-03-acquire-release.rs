//! One thread publishes a value and raises a flag; another waits for the flag
//! and reads the value. The flag needs Release and Acquire: with Relaxed, the
//! reader could see the flag raised and still read the old value.
use std::hint;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

fn main() {
    let data = AtomicU64::new(0);
    let ready = AtomicBool::new(false);

    thread::scope(|s| {
        s.spawn(|| {
            data.store(42, Ordering::Relaxed);
            // Release: every write above is visible to whoever Acquires `true`.
            ready.store(true, Ordering::Release);
        });
        s.spawn(|| {
            // Acquire: once we see `true`, we see everything written before it.
            while !ready.load(Ordering::Acquire) {
                hint::spin_loop(); // tell the processor we are busy-waiting
            }
            println!(
                "The reader saw the flag, then read {}",
                data.load(Ordering::Relaxed)
            );
        });
    });
}
