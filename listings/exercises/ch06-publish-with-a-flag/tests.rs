use super::*;
use std::sync::mpsc;
use std::time::Duration;
use std::{panic, thread as std_thread};

/// Runs `model` under loom, every interleaving of its threads, on a thread
/// of its own, watched: if loom has not finished after 20 s, the test fails
/// instead of hanging. A failing interleaving fails the test with loom's
/// panic: the message of the assertion that failed.
fn every_interleaving(model: fn()) {
    let (done, finished) = mpsc::channel();
    let runner = std_thread::spawn(move || {
        loom::model(model);
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(20)) {
        Ok(()) => {}
        // An interleaving failed: fail with its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "loom has not finished after 20 s, where a model this small takes well under \
             a second: does a loop go round without end? loom stops a loop that goes \
             through its atomics, but not one that touches none of its types"
        ),
    }
}

#[test]
fn a_reader_that_sees_the_flag_up_sees_the_value() {
    every_interleaving(|| {
        let mailbox = Arc::new(Mailbox::new());
        let writer = {
            let mailbox = Arc::clone(&mailbox);
            thread::spawn(move || mailbox.put(42))
        };
        if let Some(value) = mailbox.get() {
            assert_eq!(
                value, 42,
                "get saw the flag up, then read the value {value}: the load of the flag \
                 did not synchronise with the store that raised it"
            );
        }
        writer.join().unwrap();
    });
}

#[test]
fn a_reader_that_waits_gets_the_value() {
    every_interleaving(|| {
        let mailbox = Arc::new(Mailbox::new());
        let reader = {
            let mailbox = Arc::clone(&mailbox);
            thread::spawn(move || mailbox.wait())
        };
        mailbox.put(42);
        let value = reader.join().unwrap();
        assert_eq!(
            value, 42,
            "wait saw the flag up, then read the value {value}: the load of the flag \
             did not synchronise with the store that raised it"
        );
    });
}

#[test]
fn what_a_thread_saw_it_passes_on() {
    every_interleaving(|| {
        let (first, second) = (Arc::new(Mailbox::new()), Arc::new(Mailbox::new()));
        // Thread 1 puts 42 in the first box; thread 2 waits for it and puts
        // 43 in the second; this thread waits for the second box only.
        let one = {
            let first = Arc::clone(&first);
            thread::spawn(move || first.put(42))
        };
        let two = {
            let (first, second) = (Arc::clone(&first), Arc::clone(&second));
            thread::spawn(move || second.put(first.wait() + 1))
        };
        let value = second.wait();
        assert_eq!(
            value, 43,
            "this thread saw the second box's flag up, and its value was {value}, not \
             the 43 thread 2 put there: a stale value, of the first box in thread 2 \
             or of the second box here"
        );
        // Thread 1's put happens before thread 2's wait returned, which
        // happens before thread 2's put, which happens before this thread's
        // wait returned: the first box is full here, its value 42.
        assert_eq!(
            first.get(),
            Some(42),
            "thread 2 put 43 in the second box after it got 42 from the first, and this \
             thread got the 43: what happened before thread 2's put happens before \
             this get, so the first box must be full, with 42"
        );
        one.join().unwrap();
        two.join().unwrap();
    });
}
