//! Wrong: `fence(Release)` after the `Relaxed` store of the flag: a release fence works through a store that comes after it in its thread, so it must come before the flag's
//! Caught by: a_reader_that_sees_the_flag_up_sees_the_value, a_reader_that_waits_gets_the_value, what_a_thread_saw_it_passes_on
//!
//! Exercise 6-2: a value published with a flag. One thread puts a value in
//! a mailbox and raises its flag; any thread that sees the flag up reads the
//! value. loom checks it under every interleaving.
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering, fence};
use loom::thread;

/// A value put in once, by one thread, and read by any thread that sees the
/// flag up.
struct Mailbox {
    value: AtomicU64,
    full: AtomicBool,
}

impl Mailbox {
    fn new() -> Mailbox {
        Mailbox {
            value: AtomicU64::new(0),
            full: AtomicBool::new(false),
        }
    }

    /// Puts `value` in the box, then raises the flag. Called once.
    fn put(&self, value: u64) {
        self.value.store(value, Ordering::Relaxed);
        self.full.store(true, Ordering::Relaxed);
        fence(Ordering::Release);
    }

    /// The value, if the flag is up; `None` if it is not up yet.
    fn get(&self) -> Option<u64> {
        if self.full.load(Ordering::Acquire) {
            Some(self.value.load(Ordering::Relaxed))
        } else {
            None
        }
    }

    /// Waits until the flag is up, and returns the value.
    fn wait(&self) -> u64 {
        loop {
            if let Some(value) = self.get() {
                return value;
            }
            loom::hint::spin_loop(); // in a model: let another thread run
        }
    }
}

fn main() {
    loom::model(|| {
        let mailbox = Arc::new(Mailbox::new());
        let writer = {
            let mailbox = Arc::clone(&mailbox);
            thread::spawn(move || mailbox.put(42))
        };
        let value = mailbox.wait();
        assert_eq!(value, 42, "the flag is up, but the value is {value}");
        writer.join().unwrap();
    });
    println!("loom checked every interleaving: whoever sees the flag up sees 42");
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
