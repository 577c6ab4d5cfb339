//! Listing 6-1's slot made lock-free the naive way: a `done` flag, a
//! `registered` flag and a cell for the waker. loom finds the interleaving
//! that loses the wake-up, and checks three ways of ordering the flags.
use std::future::Future;
use std::panic;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic as std_atomic;
use std::task::{Context, Poll, Wake, Waker};

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, Ordering, fence};
use loom::thread;

/// What the two sides did in the interleaving being run, for the report.
static STEPS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// How many interleavings loom has run: a std atomic, which loom does not see.
static RUNS: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);

fn step(what: String) {
    STEPS.lock().unwrap().push(what);
}

// ANCHOR: slot
/// A place for one waker, touched by one side at a time: the flags around it
/// say whose turn it is. The `Mutex` keeps this listing free of `unsafe`;
/// loom does not see it, so it orders nothing in the model. `access` tells
/// loom about every use of the cell, and loom reports a data race if two
/// uses are not ordered by happens-before, as it would for the
/// `UnsafeCell<Option<Waker>>` a real implementation keeps.
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

/// How the two sides order their store of one flag and their load of the
/// other: `store` and `load`, and a `fence(SeqCst)` between them or not.
#[derive(Clone, Copy)]
struct Orderings {
    store: Ordering,
    load: Ordering,
    fence: bool,
}

struct Slot {
    done: AtomicBool,
    registered: AtomicBool,
    waker: WakerCell,
    orderings: Orderings,
}

/// The sending side: raise `done`, then wake the waker if one is there.
fn complete(slot: &Slot) {
    let Orderings {
        store,
        load,
        fence: with_fence,
    } = slot.orderings;
    slot.done.store(true, store);
    step("completer stores done = true".into());
    if with_fence {
        fence(Ordering::SeqCst);
    }
    let registered = slot.registered.load(load);
    step(format!("completer loads registered: {registered}"));
    if registered {
        slot.waker.take().unwrap().wake();
    }
}

/// The receiving side: register the waker, then check `done`.
struct Receive<'a>(&'a Slot);

impl Future for Receive<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let slot = self.0;
        let Orderings {
            store,
            load,
            fence: with_fence,
        } = slot.orderings;
        // Register on the first poll only: once `registered` is up, the cell
        // is the completer's. (Only this side stores `registered`, so even a
        // `Relaxed` load sees this side's own store.)
        if !slot.registered.load(Ordering::Relaxed) {
            slot.waker.put(cx.waker().clone());
            slot.registered.store(true, store);
            step("task stores registered = true".into());
        }
        if with_fence {
            fence(Ordering::SeqCst);
        }
        let done = slot.done.load(load);
        step(format!("task loads done: {done}"));
        if done { Poll::Ready(()) } else { Poll::Pending }
    }
}

/// The waker the task is polled with: it only records that it was called, in
/// a std atomic that loom does not see, so that it adds no interleavings.
struct Woken(std_atomic::AtomicBool);

impl Wake for Woken {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// One poll of the task while the completer runs on another thread; then,
/// once both are done, the task must have finished or been woken.
fn one_poll(orderings: Orderings) {
    STEPS.lock().unwrap().clear();
    RUNS.fetch_add(1, Ordering::Relaxed);
    let slot = Arc::new(Slot {
        done: AtomicBool::new(false),
        registered: AtomicBool::new(false),
        waker: WakerCell::default(),
        orderings,
    });
    let completer = {
        let slot = Arc::clone(&slot);
        thread::spawn(move || complete(&slot))
    };
    let woken = std::sync::Arc::new(Woken(std_atomic::AtomicBool::new(false)));
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
    use Ordering::{Acquire, Release, SeqCst};
    let models = [
        (
            "Release/Acquire",
            Orderings {
                store: Release,
                load: Acquire,
                fence: false,
            },
        ),
        (
            "SeqCst",
            Orderings {
                store: SeqCst,
                load: SeqCst,
                fence: false,
            },
        ),
        (
            "Release/Acquire and fence(SeqCst)",
            Orderings {
                store: Release,
                load: Acquire,
                fence: true,
            },
        ),
    ];
    for (name, orderings) in models {
        check(name, orderings);
    }
}
// ANCHOR_END: slot

fn check(name: &str, orderings: Orderings) {
    RUNS.store(0, Ordering::Relaxed);
    let result = panic::catch_unwind(|| {
        loom::model::Builder::new().check(move || one_poll(orderings));
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
            for step in STEPS.lock().unwrap().iter() {
                println!("  {step}");
            }
        }
    }
}
