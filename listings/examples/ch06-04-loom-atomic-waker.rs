//! The slot of Listing 6-1 made lock-free the way `futures`' `AtomicWaker` is:
//! one state word that both sides change with read-modify-writes. loom
//! passes it with the orderings `futures` uses, and fails it with `wake`'s
//! `fetch_or` made `Acquire`, and with every ordering made `Relaxed`.
use std::future::Future;
use std::panic;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic as std_atomic;
use std::task::{Context, Poll, Wake, Waker};

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::thread;

/// How many interleavings loom has run: a std atomic, which loom does not see.
static RUNS: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);

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

// ANCHOR: atomic_waker
/// The orderings of the state word: `futures`' own, or weaker.
#[derive(Clone, Copy)]
struct Orderings {
    acquire: Ordering,
    release: Ordering,
    acq_rel: Ordering,
    /// `wake`'s `fetch_or`.
    fetch_or: Ordering,
}

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
            release, fetch_or, ..
        } = self.order;
        if self.state.fetch_or(WAKING, fetch_or) == WAITING {
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

/// The waker the task is polled with: it counts the times it was called, in a
/// std atomic that loom does not see. loom runs one thread at a time, so a
/// load of it returns every wake so far.
struct Woken(std_atomic::AtomicUsize);

impl Wake for Woken {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// The model of `ch06-04-loom-lost-wakeup.rs`, on the `AtomicWaker` slot,
/// with a second poll if the task was woken during its first, as an
/// executor would poll it: the task must then have finished, or been woken
/// since its last poll.
fn two_polls(order: Orderings) {
    RUNS.fetch_add(1, Ordering::Relaxed);
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
    let woken = std::sync::Arc::new(Woken(std_atomic::AtomicUsize::new(0)));
    let waker = Waker::from(std::sync::Arc::clone(&woken));
    let mut task = Receive(&slot);
    let mut cx = Context::from_waker(&waker);
    let mut poll = Pin::new(&mut task).poll(&mut cx);
    let mut wakes = 0;
    if poll.is_pending() {
        wakes = woken.0.load(Ordering::Relaxed);
        if wakes > 0 {
            poll = Pin::new(&mut task).poll(&mut cx);
        }
    }
    completer.join().unwrap();
    let woken = woken.0.load(Ordering::Relaxed) > wakes;
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
        fetch_or: AcqRel,
    };
    let fetch_or_acquire = Orderings {
        fetch_or: Acquire,
        ..futures_orderings
    };
    let relaxed = Orderings {
        acquire: Relaxed,
        release: Relaxed,
        acq_rel: Relaxed,
        fetch_or: Relaxed,
    };
    check("AtomicWaker, futures' orderings", futures_orderings);
    check("AtomicWaker, fetch_or only Acquire", fetch_or_acquire);
    check("AtomicWaker, Relaxed", relaxed);
}
// ANCHOR_END: atomic_waker

fn check(name: &str, order: Orderings) {
    RUNS.store(0, Ordering::Relaxed);
    let result = panic::catch_unwind(|| {
        loom::model::Builder::new().check(move || two_polls(order));
    });
    let runs = RUNS.load(Ordering::Relaxed);
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
