//! threading.Semaphore and threading.Condition for threads: a counting
//! semaphore whose permit gives its token back when dropped, and a Condvar
//! that lets threads report in a fixed order.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// threading.Semaphore(n): a count of free tokens, and a Condvar to wait for one.
struct Semaphore {
    free: Mutex<usize>,
    freed: Condvar,
}

/// One token, handed back when the permit is dropped, as `with sem:` does on
/// leaving the block: at the end of the scope, on an early return, or in a panic.
struct Permit<'a>(&'a Semaphore);

impl Semaphore {
    fn new(n: usize) -> Self {
        Semaphore {
            free: Mutex::new(n),
            freed: Condvar::new(),
        }
    }

    fn acquire(&self) -> Permit<'_> {
        let free = self.free.lock().unwrap();
        let mut free = self.freed.wait_while(free, |free| *free == 0).unwrap();
        *free -= 1;
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // A drop may run while a panic unwinds: take the lock even if poisoned,
        // rather than panic a second time.
        *self.0.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        // One token frees one place, so waking one waiter is enough.
        self.0.freed.notify_one();
    }
}

fn work(
    id: usize,
    sem: &Semaphore,
    inside: &AtomicUsize,
    most: &AtomicUsize,
) -> Result<(), String> {
    let _permit = sem.acquire();
    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
    most.fetch_max(now, Ordering::SeqCst);
    thread::sleep(Duration::from_millis(10));
    inside.fetch_sub(1, Ordering::SeqCst);
    // Job 2 fails here: the `?` returns at once, and dropping `_permit` hands
    // its token back all the same.
    step(id)?;
    Ok(())
}

fn step(id: usize) -> Result<(), String> {
    if id == 2 {
        Err(format!("job {id} failed"))
    } else {
        Ok(())
    }
}

fn main() {
    let sem = Semaphore::new(2);
    let (inside, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // threading.Condition: whose turn it is to report, and a Condvar to wait for it.
    let (turn, next) = (Mutex::new(0), Condvar::new());

    thread::scope(|s| {
        for id in 0..6 {
            let (sem, inside, most, turn, next) = (&sem, &inside, &most, &turn, &next);
            s.spawn(move || {
                let result = work(id, sem, inside, most);
                // The permit is already back: waiting for a turn while holding
                // one could keep thread 0 out for good, a deadlock.
                let turn = turn.lock().unwrap();
                let mut turn = next.wait_while(turn, |turn| *turn != id).unwrap();
                println!("thread {id}: {result:?}");
                *turn += 1;
                // Each thread waits for its own number: wake them all, and the
                // one whose turn it is goes on.
                next.notify_all();
            });
        }
    });
    println!("most threads inside at once: {}", most.into_inner());
    println!("tokens free at the end: {}", sem.free.into_inner().unwrap());
}
