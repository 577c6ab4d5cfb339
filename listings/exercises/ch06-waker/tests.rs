use super::*;
use std::future::{Future, poll_fn};
use std::panic;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Poll, Waker};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// Runs `test` on a thread of its own, watched: if it has not finished after
/// 10 s, the test fails with `hung` instead of hanging.
fn watched(hung: &str, test: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let runner = thread::spawn(move || {
        test();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => {}
        // The test panicked: fail with its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("not finished after 10 s: {hung}"),
    }
}

/// What the watchdog says when `run` does not return: it returns once no
/// task is left that anything could wake.
const RUN_NEVER_RETURNED: &str = "run never returned: a poll never returned, or a task \
                                  or one of its wakers is still alive";

/// What the watchdog says when `run` does not return from a test in which
/// task A wakes itself during its poll.
const A_WAITS_FOR_ITS_OWN_LOCK: &str = "run never returned: does wake poll the task itself? \
                                        A, which wakes itself during its poll, would then \
                                        wait for its own future's lock";

/// `future`, counting its polls in `polls`.
fn counted(
    polls: &Arc<AtomicUsize>,
    future: impl Future<Output = ()> + Send + 'static,
) -> impl Future<Output = ()> + Send + 'static {
    let polls = Arc::clone(polls);
    let mut future = Box::pin(future);
    poll_fn(move |cx| {
        polls.fetch_add(1, Ordering::SeqCst);
        future.as_mut().poll(cx)
    })
}

/// A task that waits for a thread: its first poll hands the thread its
/// waker and returns `Pending`; the thread then sets `ready` and wakes it.
/// Returns the ids of the threads that polled the task, once `run` is over.
fn woken_by_a_thread(finished: &Arc<AtomicBool>) -> Vec<ThreadId> {
    let executor = Executor::new();
    let pollers = Arc::new(Mutex::new(Vec::new()));
    let ready = Arc::new(AtomicBool::new(false));
    let (to_thread, from_task) = mpsc::channel::<Waker>();
    let waker_thread = {
        let ready = Arc::clone(&ready);
        thread::spawn(move || {
            let Ok(waker) = from_task.recv() else {
                return; // the task was never polled
            };
            ready.store(true, Ordering::SeqCst);
            waker.wake();
        })
    };
    let (pollers_of_task, finished) = (Arc::clone(&pollers), Arc::clone(finished));
    let mut to_thread = Some(to_thread);
    executor.spawn(async move {
        poll_fn(|cx| {
            pollers_of_task.lock().unwrap().push(thread::current().id());
            if ready.load(Ordering::SeqCst) {
                return Poll::Ready(());
            }
            if let Some(to_thread) = to_thread.take() {
                to_thread.send(cx.waker().clone()).unwrap();
            }
            Poll::Pending
        })
        .await;
        finished.store(true, Ordering::SeqCst);
    });
    executor.run();
    waker_thread.join().unwrap();
    pollers.lock().unwrap().clone()
}

#[test]
fn a_task_woken_by_another_thread_finishes() {
    watched(RUN_NEVER_RETURNED, || {
        let finished = Arc::new(AtomicBool::new(false));
        woken_by_a_thread(&finished);
        assert!(
            finished.load(Ordering::SeqCst),
            "run returned, but the task never finished: woken by another thread, it \
             was never polled again"
        );
    });
}

#[test]
fn the_task_is_polled_on_the_executor_s_thread() {
    watched(RUN_NEVER_RETURNED, || {
        let finished = Arc::new(AtomicBool::new(false));
        let pollers = woken_by_a_thread(&finished);
        assert!(
            pollers.len() >= 2,
            "the task was polled {} time(s): woken by another thread, it was never \
             polled again",
            pollers.len()
        );
        let executor_s = thread::current().id();
        assert!(
            pollers.iter().all(|&id| id == executor_s),
            "the task was polled on the thread that woke it, not on the one that runs \
             the executor: wake must put the task on the run queue, not poll it"
        );
    });
}

#[test]
fn a_task_that_wakes_itself_while_polled_is_polled_again() {
    watched(
        "run never returned: does wake poll the task itself? A task that wakes \
         itself during its poll would then wait for its own future's lock",
        || {
            let executor = Executor::new();
            let (polls, finished) = (
                Arc::new(AtomicUsize::new(0)),
                Arc::new(AtomicBool::new(false)),
            );
            let finished_by_task = Arc::clone(&finished);
            executor.spawn(counted(&polls, async move {
                for _ in 0..3 {
                    yield_now().await; // wake_by_ref, then Pending
                }
                finished_by_task.store(true, Ordering::SeqCst);
            }));
            executor.run();
            assert!(
                finished.load(Ordering::SeqCst),
                "run returned after {} poll(s) of a task that yields three times, and the \
                 task never finished: a wake during the poll was lost. Is the task marked \
                 off the queue only after its poll?",
                polls.load(Ordering::SeqCst)
            );
            assert_eq!(
                polls.load(Ordering::SeqCst),
                4,
                "a task that yields three times is polled four times"
            );
        },
    );
}

#[test]
fn a_wake_from_another_thread_during_the_poll_is_not_lost() {
    watched(
        "the task's first poll waits until another thread has woken it, and that wake \
         never returned: does wake poll the task on the waking thread? It would wait for \
         the future's lock, which the executor holds while it polls",
        || {
            let executor = Executor::new();
            let (polls, finished) = (
                Arc::new(AtomicUsize::new(0)),
                Arc::new(AtomicBool::new(false)),
            );
            let (to_thread, from_task) = mpsc::channel::<Waker>();
            let (woke, has_woken) = mpsc::channel();
            let waker_thread = thread::spawn(move || {
                let Ok(waker) = from_task.recv() else {
                    return; // the task was never polled
                };
                waker.wake();
                let _ = woke.send(());
            });
            let finished_by_task = Arc::clone(&finished);
            let mut first = true;
            executor.spawn(counted(
                &polls,
                poll_fn(move |cx| {
                    if !first {
                        finished_by_task.store(true, Ordering::SeqCst);
                        return Poll::Ready(());
                    }
                    first = false;
                    to_thread.send(cx.waker().clone()).unwrap();
                    // Blocks the executor (no future should): the wake comes
                    // while this poll is still running.
                    has_woken.recv().unwrap();
                    Poll::Pending
                }),
            ));
            executor.run();
            waker_thread.join().unwrap();
            assert!(
                finished.load(Ordering::SeqCst),
                "another thread woke the task while its first poll was running, and the \
                 task was never polled again: the wake was lost. Is the task marked off \
                 the queue only after its poll?"
            );
            assert_eq!(polls.load(Ordering::SeqCst), 2, "one wake, one more poll");
        },
    );
}

#[test]
#[allow(clippy::waker_clone_wake)] // on purpose: `wake`, which consumes its waker
fn a_task_woken_many_times_before_it_runs_is_polled_once() {
    watched(A_WAITS_FOR_ITS_OWN_LOCK, || {
        let executor = Executor::new();
        let log = Arc::new(Mutex::new(Vec::new()));
        let go = Arc::new(AtomicBool::new(false));
        // B sends A its waker at each poll, and is ready once A says go.
        let (b_waker, b_wakers) = mpsc::channel::<Waker>();
        let (log_of_b, go_for_b) = (Arc::clone(&log), Arc::clone(&go));
        executor.spawn(poll_fn(move |cx| {
            log_of_b.lock().unwrap().push("B");
            if go_for_b.load(Ordering::SeqCst) {
                return Poll::Ready(());
            }
            let _ = b_waker.send(cx.waker().clone());
            Poll::Pending
        }));
        // A's first poll wakes B ten times, then yields; its second says go
        // and wakes B once more.
        let mut a_polls = 0;
        let log_of_a = Arc::clone(&log);
        executor.spawn(poll_fn(move |cx| {
            log_of_a.lock().unwrap().push("A");
            a_polls += 1;
            let Some(waker) = b_wakers.try_iter().last() else {
                return Poll::Ready(()); // B left no waker: the log tells
            };
            if a_polls == 1 {
                for _ in 0..5 {
                    waker.wake_by_ref();
                }
                for _ in 0..5 {
                    waker.clone().wake();
                }
                cx.waker().wake_by_ref();
                Poll::Pending
            } else {
                go.store(true, Ordering::SeqCst);
                waker.wake();
                Poll::Ready(())
            }
        }));
        executor.run();
        let log = log.lock().unwrap().join(" ");
        assert_eq!(
            log, "B A B A B",
            "the polls, in order: A's first poll woke B ten times (five wake_by_ref, \
             five wake), then yielded; B, on the queue once for the ten wakes, is polled \
             once before A's second poll, which wakes it once more. More B's: each wake \
             put B on the queue again. Fewer polls: a wake was lost"
        );
    });
}

#[test]
fn a_task_woken_after_it_finished_is_not_polled_again() {
    watched(RUN_NEVER_RETURNED, || {
        let executor = Executor::new();
        let polls = Arc::new(AtomicUsize::new(0));
        // X finishes at its first poll, leaving its waker to Y, which wakes it.
        let (x_waker, for_y) = mpsc::channel::<Waker>();
        let mut first = true;
        executor.spawn(counted(
            &polls,
            poll_fn(move |cx| {
                if first {
                    first = false;
                    x_waker.send(cx.waker().clone()).unwrap();
                }
                Poll::Ready(())
            }),
        ));
        executor.spawn(async move {
            let waker = for_y.recv().unwrap();
            waker.wake_by_ref();
            waker.wake();
        });
        executor.run();
        assert_eq!(
            polls.load(Ordering::SeqCst),
            1,
            "X was ready at its first poll, then woken: a finished task's future is gone \
             (`None`), and the loop does not poll it again"
        );
    });
}

/// Sets its flag when it is dropped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
#[allow(clippy::waker_clone_wake)] // on purpose: `wake`, which consumes its waker
fn a_task_woken_many_times_is_on_the_queue_once() {
    watched(RUN_NEVER_RETURNED, || {
        let executor = Executor::new();
        // B hands A its waker at its first poll and never finishes. Once
        // nothing can wake it, its task is dropped, and its future with it.
        let b_dropped = Arc::new(AtomicBool::new(false));
        let (b_waker, b_wakers) = mpsc::channel::<Waker>();
        let guard = SetOnDrop(Arc::clone(&b_dropped));
        let mut b_waker = Some(b_waker);
        executor.spawn(poll_fn(move |cx| {
            let _dropped_with_b = &guard;
            if let Some(b_waker) = b_waker.take() {
                b_waker.send(cx.waker().clone()).unwrap();
            }
            Poll::Pending
        }));
        // A's first poll wakes B five times, then itself, then B five times
        // more, and returns Pending, dropping B's waker; its second poll
        // looks whether B's task is gone.
        let b_gone_at_a_s_second_poll = Arc::new(Mutex::new(None));
        let seen_by_a = Arc::clone(&b_gone_at_a_s_second_poll);
        let (b_dropped_for_a, mut a_polls) = (Arc::clone(&b_dropped), 0);
        executor.spawn(poll_fn(move |cx| {
            a_polls += 1;
            if a_polls > 1 {
                *seen_by_a.lock().unwrap() = Some(b_dropped_for_a.load(Ordering::SeqCst));
                return Poll::Ready(());
            }
            let Some(waker) = b_wakers.try_iter().last() else {
                return Poll::Ready(()); // B left no waker: the assertion tells
            };
            for _ in 0..5 {
                waker.wake_by_ref();
            }
            cx.waker().wake_by_ref();
            for _ in 0..5 {
                waker.clone().wake();
            }
            Poll::Pending
        }));
        executor.run();
        assert_eq!(
            *b_gone_at_a_s_second_poll.lock().unwrap(),
            Some(true),
            "A's first poll woke B ten times (five before it woke itself, five after). B, \
             on the queue once for all ten, is polled before A's second poll and keeps no \
             waker, so by then its task is gone. Some(false): B was still alive, held by \
             more than one entry of the queue. None: A was not polled again"
        );
    });
}

#[test]
fn a_task_that_woke_itself_is_on_the_queue_once() {
    watched(A_WAITS_FOR_ITS_OWN_LOCK, || {
        let executor = Executor::new();
        // A's first poll hands B its waker, wakes itself and returns Pending,
        // so A is back on the queue, behind B. Its later polls return Pending
        // and wake nothing.
        let a_polls = Arc::new(AtomicUsize::new(0));
        let (a_waker, a_wakers) = mpsc::channel::<Waker>();
        let mut a_waker = Some(a_waker);
        executor.spawn(counted(
            &a_polls,
            poll_fn(move |cx| {
                if let Some(a_waker) = a_waker.take() {
                    a_waker.send(cx.waker().clone()).unwrap();
                    cx.waker().wake_by_ref();
                }
                Poll::Pending
            }),
        ));
        // B, polled between A's first and second polls, wakes A once more.
        executor.spawn(async move {
            if let Ok(waker) = a_wakers.try_recv() {
                waker.wake();
            }
        });
        executor.run();
        assert_eq!(
            a_polls.load(Ordering::SeqCst),
            2,
            "A woke itself during its first poll, and B woke it again before its second: \
             A was on the queue then, so that wake sends nothing, and A is polled twice. \
             More: B's wake put A on the queue a second time, so the flag was down while \
             A was on it (is it lowered after the poll as well as before?). Fewer: a wake \
             was lost"
        );
    });
}
