//! Listing 6-6 fixed: the thread that locks the mutex is the one that unlocks it.
use std::sync::Mutex;
use std::thread;

static COUNTER: Mutex<u64> = Mutex::new(0);

fn main() {
    let handle = thread::spawn(|| {
        *COUNTER.lock().unwrap() += 1; // locked and unlocked on this thread
    });
    handle.join().unwrap();
    println!("Counter: {}", COUNTER.lock().unwrap());
}
