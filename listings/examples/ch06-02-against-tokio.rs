//! The same workloads on this chapter's executor and on tokio: 200,000
//! wake-ups, and a task that never has to wait, which tokio's budget stops.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Instant;

use crossbeam::channel::{self, Receiver, Sender};

const TASKS: u32 = 10_000;
const YIELDS: u32 = 20;
const WORKERS: usize = 4;

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

/// Listing 6-4's executor: `workers` threads share one run queue.
fn run_ours(workers: usize, futures: Vec<BoxFuture>) {
    let (queue, ready) = channel::unbounded();
    for future in futures {
        let task = Task {
            future: Mutex::new(Some(future)),
            queue: queue.clone(),
        };
        queue.send(Arc::new(task)).unwrap();
    }
    drop(queue);
    thread::scope(|s| {
        for _ in 0..workers {
            let ready: Receiver<Arc<Task>> = ready.clone();
            s.spawn(move || {
                for task in ready {
                    let mut slot = task.future.lock().unwrap();
                    let Some(mut future) = slot.take() else {
                        continue;
                    };
                    let waker = Waker::from(Arc::clone(&task));
                    if future
                        .as_mut()
                        .poll(&mut Context::from_waker(&waker))
                        .is_pending()
                    {
                        *slot = Some(future);
                    }
                }
            });
        }
    });
}

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

// ANCHOR: main
/// 10,000 tasks that each yield 20 times: 210,000 polls.
fn yielders() -> Vec<BoxFuture> {
    (0..TASKS)
        .map(|_| {
            let task = async {
                for _ in 0..YIELDS {
                    YieldNow { yielded: false }.await;
                }
            };
            Box::pin(task) as BoxFuture
        })
        .collect()
}

fn on_tokio(runtime: tokio::runtime::Runtime, futures: Vec<BoxFuture>) {
    runtime.block_on(async {
        let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
        for handle in handles {
            handle.await.unwrap();
        }
    });
}

fn time(name: &str, run: impl FnOnce(Vec<BoxFuture>)) {
    let futures = yielders();
    let start = Instant::now();
    run(futures);
    let elapsed = start.elapsed();
    let per_poll = elapsed.as_nanos() / u128::from(TASKS * (YIELDS + 1));
    println!(
        "{name:<32} {:>5} ms {per_poll:>5} ns a poll",
        elapsed.as_millis()
    );
}

fn main() {
    use tokio::runtime::Builder;
    println!("{TASKS} tasks yielding {YIELDS} times each:");
    time("ours, 1 thread", |f| run_ours(1, f));
    time("tokio, current_thread", |f| {
        on_tokio(Builder::new_current_thread().build().unwrap(), f)
    });
    time("ours, 4 threads, one queue", |f| run_ours(WORKERS, f));
    time("tokio, multi_thread, 4 workers", |f| {
        let runtime = Builder::new_multi_thread().worker_threads(WORKERS).build();
        on_tokio(runtime.unwrap(), f)
    });
    budget();
}
// ANCHOR_END: main

// ANCHOR: budget
/// A task receives 10,000 messages that are all already in the channel. It
/// never has to wait, yet `recv` returns Pending now and then: tokio's budget.
fn budget() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
        for i in 0..10_000 {
            sender.send(i).unwrap();
        }
        drop(sender);
        let (mut received, mut pending) = (0, 0);
        let consumer = tokio::spawn(async move {
            loop {
                let message = std::future::poll_fn(|cx| {
                    let poll = receiver.poll_recv(cx);
                    if poll.is_pending() {
                        pending += 1; // the budget ran out: yield to the others
                    }
                    poll
                });
                match message.await {
                    Some(_) => received += 1,
                    None => return (received, pending),
                }
            }
        });
        let (received, pending) = consumer.await.unwrap();
        println!("received {received} ready messages, told to wait {pending} times");
    });
}
// ANCHOR_END: budget
