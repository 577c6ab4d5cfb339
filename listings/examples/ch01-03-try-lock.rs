//! `lock.acquire(blocking=False)` is `try_lock`; `lock.acquire(timeout=t)`
//! has no std counterpart, so `lock_timeout` tries again until a deadline.
use std::sync::{Barrier, Mutex, MutexGuard, TryLockError, TryLockResult};
use std::thread;
use std::time::{Duration, Instant};

/// std's `Mutex` has no timed lock: try, nap, try again until the deadline.
fn lock_timeout<T>(lock: &Mutex<T>, timeout: Duration) -> TryLockResult<MutexGuard<'_, T>> {
    let deadline = Instant::now() + timeout;
    loop {
        match lock.try_lock() {
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(1));
            }
            // A guard, a poisoned lock, or `WouldBlock` once the time is up.
            result => return result,
        }
    }
}

fn describe<T>(result: TryLockResult<T>) -> &'static str {
    match result {
        Ok(_) => "Ok(guard)",
        Err(TryLockError::WouldBlock) => "Err(WouldBlock)",
        Err(TryLockError::Poisoned(_)) => "Err(Poisoned(..))",
    }
}

fn main() {
    let lock = Mutex::new(0);
    let handshake = Barrier::new(2);

    thread::scope(|s| {
        s.spawn(|| {
            let _guard = lock.lock().unwrap();
            handshake.wait(); // main may try now: the lock is taken
            handshake.wait(); // and stays taken until main has tried
        });
        handshake.wait();
        println!("try_lock():          {}", describe(lock.try_lock()));
        let start = Instant::now();
        let result = lock_timeout(&lock, Duration::from_millis(50));
        let waited = start.elapsed().as_millis();
        println!(
            "lock_timeout(50 ms): {} after {waited} ms",
            describe(result)
        );
        handshake.wait();
    });

    println!(
        "try_lock() once the holder let go: {}",
        describe(lock.try_lock())
    );
}
