use std::sync::Mutex;
use std::thread;

static COUNTER: Mutex<u64> = Mutex::new(0);

fn main() {
    let mut guard = COUNTER.lock().unwrap();
    let handle = thread::spawn(move || {
        *guard += 1; // unlocked on this thread when `guard` is dropped
    });
    handle.join().unwrap();
}
