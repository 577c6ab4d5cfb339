//! Two tasks take turns on one thread, driven by an event loop we write ourselves.
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

/// A future that is not ready the first time it is polled: awaiting it hands
/// control back to whoever is polling, like a bare `yield` in a generator.
/// Before it says `Pending`, it wakes its task: "poll me again soon"
/// (`tokio::task::yield_now` arranges the same wake-up through tokio's scheduler).
struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            Poll::Ready(())
        } else {
            self.yielded = true;
            cx.waker().wake_by_ref(); // the contract: arrange to be polled again
            Poll::Pending
        }
    }
}

fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// Each line starts with the time since `start`, in seconds.
async fn task(name: &str, steps: u32, start: Instant) -> u32 {
    for step in 1..=steps {
        let t = start.elapsed().as_secs_f64();
        println!("{t:.2} s  Task {name} is working... (step {step} of {steps})");
        thread::sleep(Duration::from_millis(100)); // some real work would go here
        yield_now().await; // let the other tasks have a turn
    }
    let result = rand::random_range(10_000..=20_000);
    let t = start.elapsed().as_secs_f64();
    println!("{t:.2} s  Task {name} completed with result {result}");
    result
}

type Task<'a> = Pin<Box<dyn Future<Output = u32> + 'a>>;

fn event_loop(mut tasks: Vec<(&str, Task<'_>)>) -> BTreeMap<String, u32> {
    let mut results = BTreeMap::new();
    // This loop polls every task on every round, so it ignores wake-ups.
    let mut cx = Context::from_waker(Waker::noop());
    while !tasks.is_empty() {
        tasks.retain_mut(|(name, task)| match task.as_mut().poll(&mut cx) {
            Poll::Ready(result) => {
                results.insert(name.to_string(), result);
                false // finished: drop it from the list
            }
            Poll::Pending => true, // not yet: poll it again next round
        });
    }
    results
}

fn main() {
    let start = Instant::now();
    let tasks: Vec<(&str, Task)> = vec![
        ("A", Box::pin(task("A", 2, start))),
        ("B", Box::pin(task("B", 3, start))),
    ];
    let results = event_loop(tasks);
    println!("All tasks completed. Results: {results:?}");
}
