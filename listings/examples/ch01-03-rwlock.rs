//! A configuration read by many workers and replaced by one: readers share
//! an `RwLock`, the writer waits until they are done.
use std::sync::{Barrier, RwLock, TryLockError};
use std::thread;

struct Config {
    version: u32,
    batch_size: usize,
}

const READERS: usize = 3;

fn describe(config: &Config) -> String {
    format!(
        "batch size {} (version {})",
        config.batch_size, config.version
    )
}

fn main() {
    let config = RwLock::new(Config {
        version: 1,
        batch_size: 10,
    });
    // The readers and main, which is the writer here.
    let step = Barrier::new(READERS + 1);

    let seen: Vec<String> = thread::scope(|s| {
        let readers: Vec<_> = (1..=READERS)
            .map(|id| {
                let (config, step) = (&config, &step);
                s.spawn(move || {
                    let old = config.read().unwrap();
                    step.wait(); // 1: every reader holds a read guard, at once
                    step.wait(); // 2: the writer has tried to take it meanwhile
                    let before = describe(&old);
                    drop(old);
                    step.wait(); // 3: the writer has replaced the config
                    let after = describe(&config.read().unwrap());
                    format!("reader {id}: {before}, then {after}")
                })
            })
            .collect();

        step.wait(); // 1
        let refused = match config.try_write() {
            Err(TryLockError::WouldBlock) => "WouldBlock",
            Err(TryLockError::Poisoned(_)) => "poisoned",
            Ok(_) => "got it",
        };
        println!("writer: try_write() while {READERS} readers hold it: {refused}");
        step.wait(); // 2
        // Waits until the last read guard is dropped, then has the config alone.
        *config.write().unwrap() = Config {
            version: 2,
            batch_size: 20,
        };
        println!("writer: replaced the config");
        step.wait(); // 3

        readers.into_iter().map(|r| r.join().unwrap()).collect()
    });

    for line in seen {
        println!("{line}");
    }
}
