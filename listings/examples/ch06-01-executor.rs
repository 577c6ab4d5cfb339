// ANCHOR: all
//! A single-threaded executor driven by wakers: a run queue (a channel) of
//! tasks, and a task is polled again only when something wakes it.
use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

// ANCHOR: task
type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A spawned future, with what it needs to put itself back on the run queue.
struct Task {
    name: &'static str,
    /// `None` once the future has finished.
    future: Mutex<Option<BoxFuture>>,
    queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = self.queue.clone();
        // The loop may have stopped; then nobody will ever poll the task.
        let _ = queue.send(self);
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        let future = self.future.get_mut().unwrap();
        if future.is_some() {
            println!(
                "[loop] {} is dropped unfinished: nothing can wake it",
                self.name
            );
        }
    }
}
// ANCHOR_END: task

// ANCHOR: executor
struct Executor {
    queue: Sender<Arc<Task>>,
    ready: Receiver<Arc<Task>>,
}

impl Executor {
    fn new() -> Self {
        let (queue, ready) = mpsc::channel();
        Executor { queue, ready }
    }

    fn spawn(&self, name: &'static str, future: impl Future<Output = ()> + Send + 'static) {
        let task = Task {
            name,
            future: Mutex::new(Some(Box::pin(future))),
            queue: self.queue.clone(),
        };
        self.queue.send(Arc::new(task)).unwrap();
    }

    /// Polls woken tasks until no task is left that anything could wake.
    fn run(self) {
        let Executor { queue, ready } = self;
        drop(queue); // from now on, only tasks and their wakers hold senders
        for task in ready {
            let mut slot = task.future.lock().unwrap();
            let Some(mut future) = slot.take() else {
                continue; // woken after it finished
            };
            println!("[loop] polls {}", task.name);
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            if future.as_mut().poll(&mut cx).is_pending() {
                *slot = Some(future); // wait to be woken
            }
        }
    }
}
// ANCHOR_END: executor

// ANCHOR: futures
/// Pending once, after asking to be polled again: a bare `yield`.
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
        cx.waker().wake_by_ref(); // back on the run queue at once
        Poll::Pending
    }
}

fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// `YieldNow` without its `wake_by_ref`: Pending once, and it wakes nobody.
struct ForgetfulYield {
    yielded: bool,
}

impl Future for ForgetfulYield {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        Poll::Pending
    }
}

/// A value one task hands to another: the receiver sleeps until it is sent.
#[derive(Default)]
struct Slot {
    value: Option<u32>,
    waiting: Option<Waker>,
}

fn send(slot: &Mutex<Slot>, value: u32) {
    let mut slot = slot.lock().unwrap();
    slot.value = Some(value);
    if let Some(waker) = slot.waiting.take() {
        waker.wake();
    }
}

fn receive(slot: &Mutex<Slot>) -> impl Future<Output = u32> + '_ {
    std::future::poll_fn(move |cx| {
        let mut slot = slot.lock().unwrap();
        match slot.value.take() {
            Some(value) => Poll::Ready(value),
            None => {
                slot.waiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
}
// ANCHOR_END: futures

// ANCHOR: main
async fn task(name: &str, steps: u32) -> u32 {
    for step in 1..=steps {
        println!("Task {name} is working... (step {step} of {steps})");
        yield_now().await;
    }
    steps * 100
}

fn main() {
    let executor = Executor::new();
    let slot = Arc::new(Mutex::new(Slot::default()));
    let a_slot = Arc::clone(&slot);
    executor.spawn("A", async move {
        let result = task("A", 2).await;
        println!("Task A completed with result {result}");
        send(&a_slot, result);
    });
    executor.spawn("B", async {
        let result = task("B", 3).await;
        println!("Task B completed with result {result}");
    });
    executor.spawn("C", async move {
        println!("Task C waits for A's result");
        let result = receive(&slot).await;
        println!("Task C got {result}");
    });
    executor.spawn("D", async {
        println!("Task D yields without a waker");
        ForgetfulYield { yielded: false }.await;
        println!("Task D never gets here");
    });
    executor.run();
    println!("[loop] no task left to wake: done");
}
// ANCHOR_END: main
// ANCHOR_END: all
