//! Ctrl-C or SIGTERM stops a program of threads: a helper thread runs a small
//! tokio runtime that waits for either, then drops the Sender the workers'
//! `recv_timeout` waits on. To run unattended, the program sends itself SIGTERM.
use std::io;
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, RecvTimeoutError, Sender};
use tokio::signal::unix::{SignalKind, signal};

const PERIOD: Duration = Duration::from_millis(20);

/// Waits for Ctrl-C or SIGTERM; `ready` is told once both handlers are installed.
fn wait_for_signal(stop: Sender<()>, ready: mpsc::Sender<()>) -> io::Result<&'static str> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        // `signal()` installs its handler when called (inside the runtime, which
        // it needs), and keeps a signal that comes before the first `recv()`.
        // `ctrl_c()` does the same for SIGINT only when `select!` first polls it,
        // after `ready` is sent: a Ctrl-C in between would still end the process.
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        // From here on, neither signal ends the process: tell main it may send one.
        ready.send(()).ok();
        let name = tokio::select! {
            _ = interrupt.recv() => "Ctrl-C (SIGINT)",
            _ = terminate.recv() => "SIGTERM",
        };
        println!("signal thread: {name}, dropping the stop sender");
        drop(stop);
        Ok(name)
    })
}

fn worker(stop: Receiver<()>) -> u32 {
    let mut ticks = 0;
    // Nothing is ever sent: the wait ends with `Disconnected` when the Sender drops.
    while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(PERIOD) {
        ticks += 1; // the periodic work
    }
    ticks
}

/// Sends SIGTERM to this process, as `kill PID`, `systemctl stop` or `docker stop` would.
fn send_sigterm() -> io::Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s TERM {}", std::process::id()))
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("kill: {status}")))
    }
}

fn main() -> io::Result<()> {
    // crossbeam's `Receiver` can be cloned: one channel stops every worker.
    let (stop_tx, stop_rx) = channel::bounded::<()>(0);
    let (ready_tx, ready_rx) = mpsc::channel();
    let signals = thread::spawn(move || wait_for_signal(stop_tx, ready_tx));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let stop_rx = stop_rx.clone();
            thread::spawn(move || worker(stop_rx))
        })
        .collect();

    // A SIGTERM sent before the handler is installed would end the process.
    if ready_rx.recv().is_err() {
        // The helper ended before it was ready: it failed, and says why.
        return signals.join().unwrap().map(|_| ());
    }
    thread::sleep(PERIOD * 3);
    send_sigterm()?;

    for (id, worker) in (1..).zip(workers) {
        let ticks = worker.join().unwrap();
        println!("main: worker {id} joined, ticks: {ticks}");
    }
    let name = signals.join().unwrap()?;
    println!("main: every thread has exited after {name}");
    Ok(())
}
