//! The counterpart of subclassing `threading.Thread`: a worker type with a
//! `run` method, started on named threads with `thread::Builder`, then joined.
use std::thread;
use std::time::Duration;

/// A worker: plain data and a `run` method. It knows nothing about threads.
struct Worker {
    steps: u32,
}

impl Worker {
    /// Prints its progress, pausing a random 10 to 40 ms between steps, and
    /// returns how long it paused in all.
    fn run(&self) -> u64 {
        let name = thread::current().name().unwrap_or("unnamed").to_string();
        let mut paused = 0;
        for step in 0..self.steps {
            println!("{name}: {step:3}");
            let pause = rand::random_range(10..=40);
            thread::sleep(Duration::from_millis(pause));
            paused += pause;
        }
        paused
    }
}

fn main() {
    let mut handles = Vec::new();
    for name in ["worker-1", "worker-2"] {
        let worker = Worker { steps: 5 };
        let handle = thread::Builder::new()
            .name(name.to_string())
            .spawn(move || worker.run())
            .expect("the OS refused to start a thread");
        handles.push(handle);
    }
    // Join both before printing, so these lines come after every progress line.
    let mut totals = Vec::new();
    for handle in handles {
        let name = handle.thread().name().unwrap_or("unnamed").to_string();
        totals.push((name, handle.join().expect("the worker panicked")));
    }
    for (name, paused) in totals {
        println!("{name} is done after pausing {paused} ms");
    }
}
