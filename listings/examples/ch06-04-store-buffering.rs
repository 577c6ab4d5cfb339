// ANCHOR: all
//! The store-buffering litmus test on real threads: how often do both loads
//! miss the other thread's store, with `Release`/`Acquire` and with `SeqCst`?
use std::hint;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

const ROUNDS: u32 = 10_000;

/// Both threads wait here until the other has arrived for the same round, so
/// that they start each round at about the same moment.
fn wait_for_round(arrived: &AtomicU32, round: u32) {
    arrived.fetch_add(1, Ordering::AcqRel);
    let mut spins = 0u32;
    while arrived.load(Ordering::Acquire) < 2 * round {
        spins += 1;
        if spins <= 100 {
            hint::spin_loop();
        } else {
            thread::yield_now(); // the other thread may not be running at all
        }
    }
}

/// In round `r` each thread stores `r` in its own atomic, then loads the
/// other's: a value below `r` means it missed the other's store of that round.
/// Returns how many rounds both loads missed it.
fn both_missed(store: Ordering, load: Ordering) -> u32 {
    let (x, y, arrived) = (AtomicU32::new(0), AtomicU32::new(0), AtomicU32::new(0));
    let run = |mine: &AtomicU32, theirs: &AtomicU32| -> Vec<bool> {
        (1..=ROUNDS)
            .map(|round| {
                wait_for_round(&arrived, round);
                mine.store(round, store);
                theirs.load(load) < round
            })
            .collect()
    };
    let (a_missed, b_missed) = thread::scope(|s| {
        let b = s.spawn(|| run(&y, &x));
        let a_missed = run(&x, &y);
        (a_missed, b.join().unwrap())
    });
    let both = a_missed.iter().zip(&b_missed).filter(|(a, b)| **a && **b);
    u32::try_from(both.count()).unwrap()
}

fn main() {
    use Ordering::{Acquire, Release, SeqCst};
    for (name, store, load) in [
        ("Release/Acquire", Release, Acquire),
        ("SeqCst", SeqCst, SeqCst),
    ] {
        let both = both_missed(store, load);
        println!("{name:<16} both loads missed the other's store in {both} of {ROUNDS} rounds");
    }
}
// ANCHOR_END: all
