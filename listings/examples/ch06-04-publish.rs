//! One thread writes data, then raises a flag with Release; another waits for
//! the flag with Acquire, and is then sure to see the data.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

static DATA: [AtomicU64; 3] = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];
static READY: AtomicBool = AtomicBool::new(false);

fn main() {
    thread::scope(|s| {
        s.spawn(|| {
            let mut spins = 0u64;
            while !READY.load(Ordering::Acquire) {
                spins += 1;
                std::hint::spin_loop();
            }
            // The Acquire load saw the Release store: all three writes are visible.
            let data: Vec<u64> = DATA.iter().map(|d| d.load(Ordering::Relaxed)).collect();
            println!("Reader saw {data:?} after {spins} spins");
        });
        s.spawn(|| {
            for (i, slot) in DATA.iter().enumerate() {
                slot.store(10 * (i as u64 + 1), Ordering::Relaxed);
            }
            READY.store(true, Ordering::Release); // everything above is published
        });
    });
}
