use super::*;
use std::sync::mpsc as std_mpsc;
use std::{panic, thread};
use tokio::time::Instant;

/// Runs `test` as `#[tokio::test(start_paused = true)]` would: on a
/// `current_thread` runtime whose clock is paused, so that whenever every
/// task waits, the clock jumps to the next timer, and the tasks' sleeps take
/// no time at all. It runs on a thread of its own, watched: if it has not
/// finished after 10 real seconds, the test fails instead of hanging.
fn paused(test: impl Future<Output = ()> + Send + 'static) {
    let (done, finished) = std_mpsc::channel();
    let runner = thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap()
            .block_on(test);
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => {}
        // The test panicked: fail with its message.
        Err(std_mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(std_mpsc::RecvTimeoutError::Timeout) => {
            panic!("not finished after 10 s: squares never returned")
        }
    }
}

#[test]
fn results_come_in_the_order_of_the_inputs() {
    paused(async {
        // 1 waits longest and 5 least: they finish in the opposite order.
        let results = squares(&[1, 2, 3, 4, 5]).await;
        assert_eq!(
            results,
            [1, 4, 9, 16, 25].map(Ok),
            "one result per input, in the order of the inputs, whatever the order \
             the tasks finish in"
        );
    });
}

#[test]
fn a_panicking_task_is_reported_in_its_place() {
    paused(async {
        let results = squares(&[2, 13, 3]).await;
        let unlucky = Panicked {
            input: 13,
            message: "unlucky number".to_string(),
        };
        assert_eq!(
            results,
            [Ok(4), Err(unlucky), Ok(9)],
            "the task for 13 panics with \"unlucky number\": its result is that \
             message, with its input, and the other tasks' results are kept"
        );
    });
}

#[test]
fn a_repeated_input_gets_a_result_each_time() {
    paused(async {
        let results = squares(&[3, 13, 3, 13]).await;
        let unlucky = || Panicked {
            input: 13,
            message: "unlucky number".to_string(),
        };
        assert_eq!(
            results,
            [Ok(9), Err(unlucky()), Ok(9), Err(unlucky())],
            "one result per input, repeated inputs included"
        );
    });
}

#[test]
fn a_formatted_panic_message_is_kept_too() {
    paused(async {
        let results = squares(&[2000, 5]).await;
        let too_large = Panicked {
            input: 2000,
            message: "2000 is too large".to_string(),
        };
        assert_eq!(
            results,
            [Err(too_large), Ok(25)],
            "panic!(\"{{n}} is too large\") formats its message: its payload is a \
             String, where panic!(\"unlucky number\")'s is a &str"
        );
    });
}

#[test]
fn the_tasks_run_at_the_same_time() {
    paused(async {
        // Ten tasks of 300 to 480 ms each: 480 ms at once, 3.9 s in turn.
        let start = Instant::now();
        squares(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).await;
        let elapsed = start.elapsed();
        assert!(
            elapsed < Duration::from_secs(1),
            "ten tasks took {elapsed:?} (of paused time): they ran one after the \
             other, not at the same time"
        );
    });
}

#[test]
fn no_inputs_no_results() {
    paused(async {
        assert_eq!(squares(&[]).await, []);
    });
}
