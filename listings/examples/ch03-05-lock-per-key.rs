//! One lock per key: work on one key takes turns, different keys run at once.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{Barrier, OwnedMutexGuard};

#[derive(Default)]
struct KeyLocks(Mutex<HashMap<&'static str, Arc<tokio::sync::Mutex<()>>>>);

impl KeyLocks {
    async fn lock(&self, key: &'static str) -> OwnedMutexGuard<()> {
        // The map's std lock is held for this statement only, not across the .await.
        let lock = Arc::clone(self.0.lock().unwrap().entry(key).or_default());
        lock.lock_owned().await
    }

    fn unlock(&self, key: &'static str, guard: OwnedMutexGuard<()>) {
        let mut map = self.0.lock().unwrap();
        // Clones are made only under the map's lock, so while we hold it and the guard,
        // a count of 2 (the map's and the guard's) means no task waits for this key.
        if Arc::strong_count(OwnedMutexGuard::mutex(&guard)) == 2 {
            map.remove(key);
        }
        drop(guard);
    }
}

// A logical clock: one total order for every start and end, instead of wall time.
static CLOCK: AtomicUsize = AtomicUsize::new(0);

fn tick() -> usize {
    CLOCK.fetch_add(1, Ordering::SeqCst)
}

fn overlap((s1, e1): (usize, usize), (s2, e2): (usize, usize)) -> bool {
    s1 < e2 && s2 < e1
}

#[tokio::main]
async fn main() {
    let locks = Arc::new(KeyLocks::default());
    // Opens only when two tasks wait at it, and a task gets there only while holding
    // its key's lock: one task of "a" and one of "b" must hold their locks at once.
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = ["a", "b", "a", "b"]
        .into_iter()
        .map(|key| {
            let (locks, barrier) = (Arc::clone(&locks), Arc::clone(&barrier));
            tokio::spawn(async move {
                let guard = locks.lock(key).await;
                let start = tick();
                barrier.wait().await;
                let end = tick();
                locks.unlock(key, guard);
                (key, (start, end))
            })
        })
        .collect();

    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for handle in handles {
        let (key, span) = handle.await.unwrap();
        spans.entry(key).or_default().push(span);
    }
    let (a, b) = (&spans["a"], &spans["b"]);
    println!("the two tasks of a overlapped: {}", overlap(a[0], a[1]));
    println!("the two tasks of b overlapped: {}", overlap(b[0], b[1]));
    let across = a.iter().any(|&x| b.iter().any(|&y| overlap(x, y)));
    println!("a task of a and a task of b overlapped: {across}");
    println!("keys left in the map: {}", locks.0.lock().unwrap().len());
}
