//! Listing 6-1's executor with several worker threads sharing one run queue:
//! a task may be polled by one thread, then resumed by another.
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;

use crossbeam::channel::{self, Receiver, Sender};

const WORKERS: usize = 4;
const TASKS: u32 = 1_000;
const YIELDS: u32 = 10;

// ANCHOR: executor
type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

struct Task {
    future: Mutex<Option<BoxFuture>>,
    queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = self.queue.clone();
        let _ = queue.send(self);
    }
}

struct Executor {
    queue: Sender<Arc<Task>>,
    ready: Receiver<Arc<Task>>,
}

impl Executor {
    fn new() -> Self {
        // crossbeam's channel: any number of threads may receive from it.
        let (queue, ready) = channel::unbounded();
        Executor { queue, ready }
    }

    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) {
        let future = Mutex::new(Some(Box::pin(future) as BoxFuture));
        let task = Arc::new(Task {
            future,
            queue: self.queue.clone(),
        });
        self.queue.send(task).unwrap();
    }

    /// Runs the tasks on `workers` threads; returns how often each polled.
    fn run(self, workers: usize) -> Vec<u32> {
        let Executor { queue, ready } = self;
        drop(queue);
        thread::scope(|s| {
            let handles: Vec<_> = (0..workers)
                .map(|id| {
                    let ready = ready.clone();
                    s.spawn(move || worker(id, ready))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    }
}

thread_local! {
    static WORKER: Cell<usize> = const { Cell::new(usize::MAX) };
}

fn worker(id: usize, ready: Receiver<Arc<Task>>) -> u32 {
    WORKER.set(id);
    let mut polls = 0;
    for task in ready {
        // If another worker is polling this task (it woke itself while being
        // polled), wait for it to put the future back.
        let mut slot = task.future.lock().unwrap();
        let Some(mut future) = slot.take() else {
            continue;
        };
        polls += 1;
        let waker = Waker::from(Arc::clone(&task));
        if future
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_pending()
        {
            *slot = Some(future);
        }
    }
    polls
}
// ANCHOR_END: executor

struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// A few microseconds of computing, so that polls take long enough to share out.
fn work() {
    let mut x = 0u64;
    for i in 0..10_000 {
        x = std::hint::black_box(x.wrapping_add(i));
    }
}

// ANCHOR: main
fn main() {
    let executor = Executor::new();
    let moved = Arc::new(AtomicU32::new(0));
    for _ in 0..TASKS {
        let moved = Arc::clone(&moved);
        executor.spawn(async move {
            for _ in 0..YIELDS {
                work();
                let before = WORKER.get();
                yield_now().await;
                if WORKER.get() != before {
                    moved.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
    }
    let polls = executor.run(WORKERS);
    for (id, polls) in polls.iter().enumerate() {
        println!("worker {id} polled {polls} times");
    }
    let total: u32 = polls.iter().sum();
    println!("{TASKS} tasks, {total} polls in all");
    let moved = moved.load(Ordering::Relaxed);
    println!(
        "{moved} of {} resumptions happened on another worker",
        TASKS * YIELDS
    );
}
// ANCHOR_END: main
