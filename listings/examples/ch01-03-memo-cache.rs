//! `functools.lru_cache` for threads: a lazily built `static` map with one
//! `OnceLock` per key, so each value is computed once, and for contrast a
//! cache per thread in a `thread_local!`.
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

// `HashMap::new` is not a `const fn`: `LazyLock` builds the map on first use.
static CACHE: LazyLock<Mutex<HashMap<u64, Arc<OnceLock<u64>>>>> = LazyLock::new(Default::default);
static COMPUTED: AtomicU32 = AtomicU32::new(0);

thread_local! {
    // Each thread gets its own map, made the first time that thread uses it.
    static LOCAL_CACHE: RefCell<HashMap<u64, u64>> = RefCell::new(HashMap::new());
}

fn slow_square(n: u64) -> u64 {
    COMPUTED.fetch_add(1, Ordering::Relaxed);
    thread::sleep(Duration::from_millis(10));
    n * n
}

fn shared_square(n: u64) -> u64 {
    // The map's lock is held only to find the key's cell, not while computing,
    let cell = Arc::clone(CACHE.lock().unwrap().entry(n).or_default());
    // so threads that want other keys go on; those that want `n` wait here.
    *cell.get_or_init(|| slow_square(n))
}

fn local_square(n: u64) -> u64 {
    if let Some(hit) = LOCAL_CACHE.with_borrow(|cache| cache.get(&n).copied()) {
        return hit;
    }
    let value = slow_square(n);
    LOCAL_CACHE.with_borrow_mut(|cache| cache.insert(n, value));
    value
}

/// Four threads each ask for the squares of 1 to 5: 20 calls.
fn four_threads(square: fn(u64) -> u64) -> Vec<u64> {
    thread::scope(|s| {
        let threads: Vec<_> = (0..4)
            .map(|_| s.spawn(move || (1..=5).map(square).sum()))
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    })
}

fn main() {
    let sums = four_threads(shared_square);
    let computed = COMPUTED.swap(0, Ordering::Relaxed);
    println!("shared cache:        sums {sums:?}, {computed} of 20 calls computed");
    let sums = four_threads(local_square);
    let computed = COMPUTED.swap(0, Ordering::Relaxed);
    println!("thread-local caches: sums {sums:?}, {computed} of 20 calls computed");
    let entries = LOCAL_CACHE.with_borrow(HashMap::len);
    println!("main's thread-local cache: {entries} entries");
}
