//! Two named threads take two locks in opposite orders and deadlock; a
//! watchdog in `main` gives them a deadline, then names the threads that have
//! not finished and ends the process with a failure.
use std::process::ExitCode;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Barrier, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

const DEADLINE: Duration = Duration::from_millis(200);

fn transfer(from: &Mutex<u64>, to: &Mutex<u64>, amount: u64, both_hold_one: &Barrier) {
    let mut from = from.lock().unwrap();
    // Once both threads are past this point, each holds the lock the other wants.
    both_hold_one.wait();
    let mut to = to.lock().unwrap();
    *from -= amount;
    *to += amount;
}

fn main() -> ExitCode {
    let a = Arc::new(Mutex::new(100));
    let b = Arc::new(Mutex::new(100));
    let both_hold_one = Arc::new(Barrier::new(2));
    // Nothing is ever sent: each thread's Sender is dropped when the thread ends.
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let spawn = |name: &str, from: &Arc<Mutex<u64>>, to: &Arc<Mutex<u64>>| -> JoinHandle<()> {
        let (from, to) = (Arc::clone(from), Arc::clone(to));
        let (both_hold_one, done_tx) = (Arc::clone(&both_hold_one), done_tx.clone());
        thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                // Moved in, and dropped when the thread ends, by a return or a panic.
                let _done_tx = done_tx;
                transfer(&from, &to, 10, &both_hold_one);
            })
            .expect("spawn a thread")
    };
    let workers = [spawn("a-then-b", &a, &b), spawn("b-then-a", &b, &a)];
    drop(done_tx);

    if let Err(RecvTimeoutError::Timeout) = done_rx.recv_timeout(DEADLINE) {
        eprintln!("watchdog: not finished after {DEADLINE:?}:");
        for worker in workers.iter().filter(|w| !w.is_finished()) {
            eprintln!("  {}", worker.thread().name().unwrap_or("<unnamed>"));
        }
        // The stuck threads cannot be joined; returning from main ends the
        // process, and them with it.
        return ExitCode::FAILURE;
    }
    // Disconnected: every thread has ended and dropped its Sender.
    for worker in workers {
        worker.join().unwrap();
    }
    println!("both transfers done");
    ExitCode::SUCCESS
}
