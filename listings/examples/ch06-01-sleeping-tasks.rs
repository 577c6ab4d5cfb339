//! A timer thread wakes sleeping tasks: 10,000 of them cost two polls each,
//! where a loop that polls every task on every round polls them over and over.
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

const TASKS: u32 = 10_000;

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;
/// Runs the tasks to the end; returns how many polls that took.
type Loop = fn(Vec<BoxFuture>) -> u64;

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

/// Listing 6-1's executor, counting its polls.
fn run_woken(futures: Vec<BoxFuture>) -> u64 {
    let (queue, ready) = mpsc::channel();
    for future in futures {
        let task = Task {
            future: Mutex::new(Some(future)),
            queue: queue.clone(),
        };
        queue.send(Arc::new(task)).unwrap();
    }
    drop(queue);
    let mut polls = 0;
    for task in ready {
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

/// Chapter 1's loop: every unfinished task is polled on every round.
fn run_busy(mut futures: Vec<BoxFuture>) -> u64 {
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    while !futures.is_empty() {
        futures.retain_mut(|future| {
            polls += 1;
            future.as_mut().poll(&mut cx).is_pending()
        });
    }
    polls
}

// ANCHOR: timer
/// A sleeper's deadline and the waker to call then, ordered by deadline.
struct Alarm {
    deadline: Instant,
    waker: Waker,
}

impl PartialEq for Alarm {
    fn eq(&self, other: &Self) -> bool {
        self.deadline == other.deadline
    }
}
impl Eq for Alarm {}
impl PartialOrd for Alarm {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Alarm {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.deadline.cmp(&other.deadline)
    }
}

/// Keeps the alarms in a heap, and sleeps until the earliest one is due or a
/// new one arrives. Ends when no sender is left and no alarm is pending.
fn timer_thread(alarms: Receiver<Alarm>) {
    let mut heap = BinaryHeap::new();
    loop {
        let now = Instant::now();
        while heap
            .peek()
            .is_some_and(|Reverse(a): &Reverse<Alarm>| a.deadline <= now)
        {
            let Reverse(alarm) = heap.pop().unwrap();
            alarm.waker.wake();
        }
        let next = match heap.peek() {
            Some(Reverse(first)) => alarms.recv_timeout(first.deadline - now),
            None => alarms.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(alarm) => heap.push(Reverse(alarm)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) if heap.is_empty() => return,
            Err(RecvTimeoutError::Disconnected) => {
                let Reverse(first) = heap.peek().unwrap();
                thread::sleep(first.deadline.saturating_duration_since(Instant::now()));
            }
        }
    }
}

/// Ready once its deadline has passed. The first poll hands the timer thread
/// the waker, the only thing that will ever poll it again.
struct Sleep {
    deadline: Instant,
    timer: Option<Sender<Alarm>>,
}

fn sleep(timer: &Sender<Alarm>, duration: Duration) -> Sleep {
    let deadline = Instant::now() + duration;
    Sleep {
        deadline,
        timer: Some(timer.clone()),
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.deadline {
            return Poll::Ready(());
        }
        // Registered once: this executor's wakers for a task all wake that task.
        if let Some(timer) = self.timer.take() {
            let alarm = Alarm {
                deadline: self.deadline,
                waker: cx.waker().clone(),
            };
            timer.send(alarm).unwrap();
        }
        Poll::Pending
    }
}
// ANCHOR_END: timer

// ANCHOR: main
/// 10,000 tasks that each sleep 50 to 99 ms, then count themselves done.
fn sleepers(timer: &Sender<Alarm>, done: &Arc<AtomicU32>) -> Vec<BoxFuture> {
    (0..TASKS)
        .map(|i| {
            let timer = timer.clone();
            let done = Arc::clone(done);
            let task = async move {
                sleep(&timer, Duration::from_millis(50 + u64::from(i % 50))).await;
                done.fetch_add(1, Ordering::Relaxed);
            };
            Box::pin(task) as BoxFuture
        })
        .collect()
}

fn main() {
    let runs: [(&str, Loop); 2] = [
        ("woken by the timer", run_woken),
        ("polled every round", run_busy),
    ];
    for (name, run) in runs {
        let (timer, alarms) = mpsc::channel();
        let timer_thread = thread::spawn(move || timer_thread(alarms));
        let done = Arc::new(AtomicU32::new(0));
        let tasks = sleepers(&timer, &done);
        drop(timer);
        let start = Instant::now();
        let polls = run(tasks);
        let elapsed = start.elapsed().as_millis();
        timer_thread.join().unwrap();
        let done = done.load(Ordering::Relaxed);
        println!("{name}: {done} tasks done in {elapsed} ms, {polls} polls");
    }
}
// ANCHOR_END: main
