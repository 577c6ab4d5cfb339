//! threading.Event and threading.Barrier for threads: a Condvar-based Event and std's Barrier.
use std::sync::{Arc, Barrier, Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// threading.Event: a flag behind a Mutex, and a Condvar to wait for it.
#[derive(Default)]
struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    fn set(&self) {
        *self.flag.lock().unwrap() = true;
        self.changed.notify_all();
    }

    fn wait(&self) {
        let flag = self.flag.lock().unwrap();
        // wait_while sleeps until notified, and re-checks (wake-ups can be spurious).
        let _flag = self.changed.wait_while(flag, |set| !*set).unwrap();
    }
}

fn main() {
    let event = Arc::new(Event::default());
    let ready = Arc::new(Barrier::new(4)); // three threads and main meet here
    let workers: Vec<_> = (1..=3)
        .map(|id| {
            let (event, ready) = (Arc::clone(&event), Arc::clone(&ready));
            thread::spawn(move || {
                println!("thread {id}: ready");
                ready.wait();
                event.wait();
                println!("thread {id}: the event is set");
                id * 10
            })
        })
        .collect();
    ready.wait(); // returns once all four have arrived
    println!("main: everyone is ready; working for 50 ms, then setting the event");
    thread::sleep(Duration::from_millis(50));
    event.set();
    let results: Vec<u32> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    println!("main: joined {results:?}");
}
