//! Wrong: no flag, as in Listing 6-1: each wake sends the task again, so a task woken ten times before it runs is polled ten times
//! Caught by: a_task_woken_many_times_before_it_runs_is_polled_once
//!
//! Exercise 6-1: the waker of Chapter 6's executor. Waking a task puts it
//! back on the run queue, once however often it is woken before the loop
//! polls it, and the loop polls it on its own thread.
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A spawned future, with what it needs to put itself back on the run queue.
struct Task {
    /// `None` once the future has finished.
    future: Mutex<Option<BoxFuture>>,
    /// Whether the task is on the run queue, waiting for its poll: a wake
    /// that finds it there sends nothing, since the loop will poll the task
    /// anyway.
    queued: AtomicBool,
    queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    /// Puts the task on the run queue, unless it is on it already. Any
    /// thread may call it, as often as it likes.
    fn wake(self: Arc<Self>) {
        let queue = self.queue.clone();
        let _ = queue.send(self);
    }
}

impl Task {
    /// Polls the task once, on the calling thread: the loop's. A wake that
    /// comes once the task is off the queue, during the poll included, puts
    /// it back on; a task whose future has finished is not polled again.
    fn poll_once(self: &Arc<Self>) {
        let mut slot = self.future.lock().unwrap();
        // Off the queue before the poll, so that a wake during the poll
        // puts the task back on it. A swap rather than a store: a read,
        // which can acquire what the wakes that found the flag up released.
        self.queued.swap(false, Ordering::Acquire);
        let Some(mut future) = slot.take() else {
            return; // woken after it finished
        };
        let waker = Waker::from(Arc::clone(self));
        let mut cx = Context::from_waker(&waker);
        if future.as_mut().poll(&mut cx).is_pending() {
            *slot = Some(future); // wait to be woken
        }
    }
}

/// Listing 6-1's executor: a run queue of tasks, and a loop that polls them.
struct Executor {
    queue: Sender<Arc<Task>>,
    ready: Receiver<Arc<Task>>,
}

impl Executor {
    fn new() -> Executor {
        let (queue, ready) = mpsc::channel();
        Executor { queue, ready }
    }

    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) {
        let task = Task {
            future: Mutex::new(Some(Box::pin(future))),
            queued: AtomicBool::new(true), // it is, on the next line
            queue: self.queue.clone(),
        };
        self.queue.send(Arc::new(task)).unwrap();
    }

    /// Polls woken tasks until no task is left that anything could wake.
    fn run(self) {
        let Executor { queue, ready } = self;
        drop(queue); // from now on, only tasks and their wakers hold senders
        for task in ready {
            task.poll_once();
        }
    }
}

/// Pending once, after asking to be polled again: a bare `yield`.
fn yield_now() -> impl Future<Output = ()> {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref(); // back on the run queue at once
        Poll::Pending
    })
}

/// What a thread hands the task that waits for it.
struct Handoff<T> {
    result: Option<T>,
    waiting: Option<Waker>,
}

/// Runs `work` on a thread of its own, which wakes the task once the result
/// is there.
fn on_a_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl Future<Output = T> {
    let handoff = Arc::new(Mutex::new(Handoff {
        result: None,
        waiting: None,
    }));
    let theirs = Arc::clone(&handoff);
    thread::spawn(move || {
        let result = work();
        let mut handoff = theirs.lock().unwrap();
        handoff.result = Some(result);
        if let Some(waker) = handoff.waiting.take() {
            waker.wake();
        }
    });
    std::future::poll_fn(move |cx| {
        let mut handoff = handoff.lock().unwrap();
        match handoff.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                handoff.waiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
}

fn main() {
    let executor = Executor::new();
    for name in ["A", "B"] {
        executor.spawn(async move {
            for step in 1..=2 {
                println!("Task {name} is working... (step {step} of 2)");
                yield_now().await;
            }
            println!("Task {name} is done");
        });
    }
    executor.spawn(async {
        let answer = on_a_thread(|| 6 * 7).await;
        println!("Task C got {answer} from a thread");
    });
    executor.run();
    println!("No task left to wake: done");
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
