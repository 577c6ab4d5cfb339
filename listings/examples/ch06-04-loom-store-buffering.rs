//! The store-buffering litmus test under loom: every outcome loom finds for
//! two threads that each store one flag, then load the other's.
use std::collections::BTreeSet;
use std::sync::Mutex;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, Ordering, fence};
use loom::thread;

/// The outcomes found so far: what thread A loaded from `y`, and thread B
/// from `x`.
static OUTCOMES: Mutex<BTreeSet<(bool, bool)>> = Mutex::new(BTreeSet::new());

// ANCHOR: model
/// Stores `true` in `mine`, then loads `theirs`, with a `fence(SeqCst)`
/// between the two if `with_fence`.
fn store_then_load(
    mine: &AtomicBool,
    theirs: &AtomicBool,
    store: Ordering,
    load: Ordering,
    with_fence: bool,
) -> bool {
    mine.store(true, store);
    if with_fence {
        fence(Ordering::SeqCst);
    }
    theirs.load(load)
}

fn store_buffering(store: Ordering, load: Ordering, with_fence: bool) {
    let x = Arc::new(AtomicBool::new(false));
    let y = Arc::new(AtomicBool::new(false));
    let b = {
        let (x, y) = (Arc::clone(&x), Arc::clone(&y));
        thread::spawn(move || store_then_load(&y, &x, store, load, with_fence))
    };
    let a_saw_y = store_then_load(&x, &y, store, load, with_fence);
    let b_saw_x = b.join().unwrap();
    OUTCOMES.lock().unwrap().insert((a_saw_y, b_saw_x));
}

fn main() {
    use Ordering::{Acquire, Relaxed, Release, SeqCst};
    let variants = [
        ("Relaxed", Relaxed, Relaxed, false),
        ("Release/Acquire", Release, Acquire, false),
        ("SeqCst", SeqCst, SeqCst, false),
        ("Relaxed and fence(SeqCst)", Relaxed, Relaxed, true),
    ];
    println!("Outcomes loom finds, as (what A loaded from y, what B loaded from x):");
    for (name, store, load, with_fence) in variants {
        OUTCOMES.lock().unwrap().clear();
        loom::model(move || store_buffering(store, load, with_fence));
        let found: Vec<String> = OUTCOMES
            .lock()
            .unwrap()
            .iter()
            .map(|(a, b)| format!("({}, {})", u8::from(*a), u8::from(*b)))
            .collect();
        println!("  {name:<26} {}", found.join(" "));
    }
}
// ANCHOR_END: model
