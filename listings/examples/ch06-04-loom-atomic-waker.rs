//! The slot of Listing 6-1 made lock-free the way `futures`' `AtomicWaker` is:
//! one state word that both sides change with read-modify-writes. loom
//! passes it with the orderings `futures` uses, and fails it with `Relaxed`.
use std::future::Future;
use std::panic;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll, Wake, Waker};

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::thread;

/// How many interleavings loom has run.
static RUNS: Mutex<u32> = Mutex::new(0);

/// The waker cell of `ch06-04-loom-lost-wakeup.rs`: a `Mutex` that loom
/// does not see, and an `UnsafeCell<()>` that reports each use to loom.
#[derive(Default)]
struct WakerCell {
    waker: Mutex<Option<Waker>>,
    access: UnsafeCell<()>,
}

impl WakerCell {
    fn put(&self, waker: Waker) {
        self.access.with_mut(|_| ());
        *self.waker.lock().unwrap() = Some(waker);
    }

    fn take(&self) -> Option<Waker> {
        self.access.with_mut(|_| ());
        self.waker.lock().unwrap().take()
    }
}

/// The orderings of the state word: `futures`' own, or all `Relaxed`.
#[derive(Clone, Copy)]
struct Orderings {
    acquire: Ordering,
    release: Ordering,
    acq_rel: Ordering,
}

// ANCHOR: atomic_waker
/// Nobody is using the cell.
const WAITING: usize = 0;
/// `register` holds the cell.
const REGISTERING: usize = 0b01;
/// `wake` holds the cell, or came while `register` held it.
const WAKING: usize = 0b10;

struct AtomicWaker {
    state: AtomicUsize,
    waker: WakerCell,
    order: Orderings,
}

impl AtomicWaker {
    fn register(&self, waker: &Waker) {
        let Orderings {
            acquire, acq_rel, ..
        } = self.order;
        let seen = self
            .state
            .compare_exchange(WAITING, REGISTERING, acquire, acquire)
            .unwrap_or_else(|seen| seen);
        match seen {
            WAITING => {
                self.waker.put(waker.clone());
                let unlocked = self
                    .state
                    .compare_exchange(REGISTERING, WAITING, acq_rel, acquire);
                if unlocked.is_err() {
                    // A `wake` came while we held the cell, and left the wake
                    // to us (the state is REGISTERING | WAKING).
                    let waker = self.waker.take().unwrap();
                    self.state.swap(WAITING, acq_rel);
                    waker.wake();
                }
            }
            // A `wake` holds the cell: it may be waking an older waker, so
            // ask to be polled again.
            WAKING => waker.wake_by_ref(),
            // Another `register` holds the cell (not in this model).
            _ => {}
        }
    }

    fn wake(&self) {
        let Orderings {
            release, acq_rel, ..
        } = self.order;
        if self.state.fetch_or(WAKING, acq_rel) == WAITING {
            let waker = self.waker.take();
            self.state.swap(WAITING, release);
            if let Some(waker) = waker {
                waker.wake();
            }
        }
        // Otherwise `register` holds the cell, and will see WAKING when it
        // lets go of it.
    }
}

struct Slot {
    done: AtomicBool,
    waker: AtomicWaker,
}

fn complete(slot: &Slot) {
    slot.done.store(true, Ordering::Relaxed);
    slot.waker.wake();
}

struct Receive<'a>(&'a Slot);

impl Future for Receive<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Register first, then check: a `wake` that this check misses is one
        // that comes after the registration, and finds the waker.
        self.0.waker.register(cx.waker());
        if self.0.done.load(Ordering::Relaxed) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}
// ANCHOR_END: atomic_waker

// ANCHOR: model
struct Woken(AtomicBool);

impl Wake for Woken {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// The model of `ch06-04-loom-lost-wakeup.rs`, on the `AtomicWaker` slot.
fn one_poll(order: Orderings) {
    *RUNS.lock().unwrap() += 1;
    let slot = Arc::new(Slot {
        done: AtomicBool::new(false),
        waker: AtomicWaker {
            state: AtomicUsize::new(WAITING),
            waker: WakerCell::default(),
            order,
        },
    });
    let completer = {
        let slot = Arc::clone(&slot);
        thread::spawn(move || complete(&slot))
    };
    let woken = std::sync::Arc::new(Woken(AtomicBool::new(false)));
    let waker = Waker::from(std::sync::Arc::clone(&woken));
    let mut task = Receive(&slot);
    let poll = Pin::new(&mut task).poll(&mut Context::from_waker(&waker));
    completer.join().unwrap();
    let woken = woken.0.load(Ordering::Relaxed);
    assert!(
        poll.is_ready() || woken,
        "the task returned Pending and nobody woke it: the wake-up is lost"
    );
}

fn main() {
    panic::set_hook(Box::new(|_| {})); // we print loom's findings ourselves
    use Ordering::{AcqRel, Acquire, Relaxed, Release};
    let futures_orderings = Orderings {
        acquire: Acquire,
        release: Release,
        acq_rel: AcqRel,
    };
    let relaxed = Orderings {
        acquire: Relaxed,
        release: Relaxed,
        acq_rel: Relaxed,
    };
    check("AtomicWaker, futures' orderings", futures_orderings);
    check("AtomicWaker, Relaxed", relaxed);
}
// ANCHOR_END: model

fn check(name: &str, order: Orderings) {
    *RUNS.lock().unwrap() = 0;
    let result = panic::catch_unwind(|| {
        loom::model::Builder::new().check(move || one_poll(order));
    });
    let runs = *RUNS.lock().unwrap();
    match result {
        Ok(()) => println!("{name}: all {runs} interleavings pass"),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            println!("{name}: interleaving {runs} fails: {}", message.trim_end());
        }
    }
}
