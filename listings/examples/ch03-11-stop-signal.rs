//! `while not stop.wait(period): work()` for threads: a channel's
//! `recv_timeout`, a `Condvar`'s `wait_timeout_while`, and, for contrast, a
//! flag checked between sleeps.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const PERIOD: Duration = Duration::from_millis(40);

fn main() {
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let by_channel = thread::spawn(move || {
        let mut ticks = 0;
        // Waits one period, or less: a message or the last sender's drop ends it.
        while let Err(RecvTimeoutError::Timeout) = stop_rx.recv_timeout(PERIOD) {
            ticks += 1; // the periodic work
        }
        (ticks, Instant::now())
    });

    let event = Arc::new((Mutex::new(false), Condvar::new()));
    let by_condvar = thread::spawn({
        let event = Arc::clone(&event);
        move || {
            let (flag, changed) = &*event;
            let mut ticks = 0;
            // The guard is a temporary of this condition, so the work runs unlocked.
            while changed
                .wait_timeout_while(flag.lock().unwrap(), PERIOD, |set| !*set)
                .unwrap()
                .1
                .timed_out()
            {
                ticks += 1;
            }
            (ticks, Instant::now())
        }
    });

    let stop = Arc::new(AtomicBool::new(false));
    let by_sleep = thread::spawn({
        let stop = Arc::clone(&stop);
        move || {
            let mut ticks = 0;
            // The naive loop: a signal that comes during the sleep waits for its end.
            loop {
                thread::sleep(PERIOD);
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                ticks += 1;
            }
            (ticks, Instant::now())
        }
    });

    thread::sleep(PERIOD * 5 / 2);
    let signalled = Instant::now();
    drop(stop_tx);
    *event.0.lock().unwrap() = true;
    event.1.notify_all();
    stop.store(true, Ordering::Relaxed);

    for (name, worker) in [
        ("recv_timeout      ", by_channel),
        ("wait_timeout_while", by_condvar),
        ("sleep, then check ", by_sleep),
    ] {
        let (ticks, stopped) = worker.join().unwrap();
        let late = stopped.duration_since(signalled).as_millis();
        println!("{name}: ticks: {ticks}, stopped {late:>2} ms after the signal");
    }
}
