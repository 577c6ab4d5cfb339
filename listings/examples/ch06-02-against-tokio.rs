//! The same workloads on this chapter's executor and on tokio: 210,000
//! polls, and a task that never has to wait, which tokio's budget stops.
//! It times CPU work: run it optimised,
//! `cargo run --release -p listings --example ch06-02-against-tokio`.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Barrier, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel::{self, Receiver, Sender};
use tokio::runtime::{Builder, Runtime};

const TASKS: u32 = 10_000;
const YIELDS: u32 = 20;
const WORKERS: usize = 4;
/// Each configuration runs this many rounds; the table shows the median.
const ROUNDS: usize = 5;

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

/// Listing 6-4's executor: `workers` threads share one run queue. The time
/// runs from the first spawn until a worker finds the queue closed, which
/// happens once every task has finished; the threads are started before the
/// clock starts and joined after it stops.
fn run_ours(workers: usize, futures: Vec<BoxFuture>) -> Duration {
    let (queue, ready) = channel::unbounded();
    let go = Barrier::new(workers + 1);
    thread::scope(|s| {
        let threads: Vec<_> = (0..workers)
            .map(|_| {
                let ready: Receiver<Arc<Task>> = ready.clone();
                let go = &go;
                s.spawn(move || {
                    go.wait();
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
                    Instant::now() // the queue is closed: every task is done
                })
            })
            .collect();
        let start = Instant::now();
        for future in futures {
            let task = Task {
                future: Mutex::new(Some(future)),
                queue: queue.clone(),
            };
            queue.send(Arc::new(task)).unwrap();
        }
        drop(queue);
        go.wait(); // the workers start polling
        let done = threads.into_iter().map(|t| t.join().unwrap()).min();
        done.unwrap() - start
    })
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

/// The same tasks on a tokio runtime that was built before the clock starts,
/// and is shut down after it stops.
fn run_tokio(runtime: Runtime, futures: Vec<BoxFuture>) -> Duration {
    let time = runtime.block_on(async {
        let start = Instant::now();
        // From `block_on`'s thread, which is not one of the runtime's workers.
        let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
        for handle in handles {
            handle.await.unwrap();
        }
        start.elapsed()
    });
    drop(runtime);
    time
}

/// `ROUNDS` rounds of `round`, each on fresh tasks: prints the median.
fn time(name: &str, mut round: impl FnMut(Vec<BoxFuture>) -> Duration) {
    let mut times: Vec<Duration> = (0..ROUNDS).map(|_| round(yielders())).collect();
    times.sort();
    let median = times[ROUNDS / 2].as_secs_f64();
    let polls = f64::from(TASKS * (YIELDS + 1));
    println!(
        "{name:<32} {:>6.1} ms {:>5.0} ns a poll",
        median * 1e3,
        median * 1e9 / polls
    );
}

fn main() {
    println!("{TASKS} tasks yielding {YIELDS} times each, median of {ROUNDS} rounds:");
    time("ours, 1 thread", |f| run_ours(1, f));
    time("tokio, current_thread", |f| {
        run_tokio(Builder::new_current_thread().build().unwrap(), f)
    });
    time("ours, 4 threads, one queue", |f| run_ours(WORKERS, f));
    time("tokio, multi_thread, 4 workers", |f| {
        let runtime = Builder::new_multi_thread().worker_threads(WORKERS).build();
        run_tokio(runtime.unwrap(), f)
    });
    budget();
}
// ANCHOR_END: main

// ANCHOR: budget
/// A task receives 10,000 messages that are all already in the channel. It
/// never has to wait, yet `recv` returns Pending now and then: tokio's budget.
fn budget() {
    let runtime = Builder::new_current_thread().build().unwrap();
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
