use super::*;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Runs `body` on a thread of its own and gives up after 12 seconds: a pool
/// that never returns fails the test instead of hanging it.
fn within<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let runner = thread::spawn(move || {
        let _ = done.send(body());
    });
    match result.recv_timeout(Duration::from_secs(12)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!(
                "run_pool did not return within 12 s: does every worker stop when the chunks \
                 run out, and does each lock it takes go when it is done with it?"
            )
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = runner.join().unwrap_err();
            let message = (panic.downcast_ref::<&str>().copied())
                .or(panic.downcast_ref::<String>().map(String::as_str));
            panic!("run_pool panicked: {}", message.unwrap_or("?"))
        }
    }
}

/// A chunk that runs a shell command.
fn sh(script: String) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", &script]);
    command
}

/// An empty directory of a test's own, where its chunks leave files; it is
/// removed when the test ends, passed or failed.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("ch02-chunks-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Five seconds from now, in whole seconds since 1970 (as `date +%s` prints
/// them): when a test's chunks stop waiting for each other.
fn in_five_seconds() -> u64 {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    now.as_secs() + 5
}

/// A shell loop that waits until `dir` holds `files` files, then runs
/// `then`. At `until` (see `in_five_seconds`) it gives up, and the chunk
/// fails.
fn wait_for(dir: &str, files: usize, until: u64, then: &str) -> String {
    format!(
        "while [ $(ls {dir} | wc -l) -lt {files} ]; do \
         [ $(date +%s) -ge {until} ] && exit 1; sleep 0.01; done; {then}"
    )
}

#[test]
fn the_results_of_every_chunk_are_added_up() {
    let report = within(|| run_pool(10, 3, |n| sh(format!("echo {}", n * n))));
    let expected = (0..10u64).map(|n| n * n).sum();
    assert_eq!(
        report,
        Report {
            total: expected,
            failed: vec![]
        }
    );
}

#[test]
fn failed_chunks_are_reported_and_the_rest_still_run() {
    let report = within(|| {
        run_pool(10, 2, |n| match n {
            2 => sh("exit 3".into()),              // fails
            5 => sh("echo not-a-number".into()),   // prints no number
            6 => Command::new("/no/such/program"), // cannot start
            7 => sh("echo 7; exit 1".into()),      // prints a number, then fails
            8 => sh("echo 8; echo 9".into()),      // prints two numbers
            n => sh(format!("echo {n}")),
        })
    });
    assert_eq!(
        report,
        Report {
            total: 1 + 3 + 4 + 9,
            failed: vec![2, 5, 6, 7, 8]
        },
        "chunk 2 fails, 5 prints no number, 6 cannot start, 7 prints a number but fails, \
         8 prints two numbers: each of them is a failed chunk"
    );
}

#[test]
fn the_failed_chunks_come_in_increasing_order() {
    // Chunk 1 fails at once. Chunk 0 fails too, once chunk 2 has started:
    // by then chunk 1 is over, and its worker has moved on.
    let dir = Scratch::new("order");
    let path = dir.path();
    let until = in_five_seconds();
    let report = within(move || {
        run_pool(4, 2, move |n| match n {
            0 => sh(wait_for(&path, 2, until, "exit 1")),
            1 => sh(format!("touch {path}/1; exit 1")),
            n => sh(format!("touch {path}/{n}; echo {n}")),
        })
    });
    assert_eq!(
        report,
        Report {
            total: 2 + 3,
            failed: vec![0, 1]
        },
        "chunk 1 failed before chunk 0: `failed` must still be in increasing order"
    );
}

#[test]
fn no_more_processes_than_workers_at_a_time() {
    // Each chunk leaves a file in `dir` while it runs (1 s), and fails if it
    // finds more than 2 files there: more than 2 processes at once.
    let dir = Scratch::new("at-most");
    let path = dir.path();
    let report = within(move || {
        run_pool(4, 2, move |n| {
            sh(format!(
                "touch {path}/{n}; running=$(ls {path} | wc -l); sleep 1; rm {path}/{n}; \
                 [ $running -le 2 ] && echo 1"
            ))
        })
    });
    assert_eq!(
        report.failed,
        [],
        "chunks {:?} found more than 2 processes running, with 2 workers: at most \
         `workers` at a time",
        report.failed
    );
    assert_eq!(report.total, 4);
}

#[test]
fn the_workers_run_at_the_same_time() {
    // Each chunk leaves a file in `dir`, then waits until all three files are
    // there: the three succeed only if they run at once.
    let dir = Scratch::new("at-once");
    let path = dir.path();
    let until = in_five_seconds();
    let report = within(move || {
        run_pool(3, 3, move |n| {
            sh(format!(
                "touch {path}/{n}; {}",
                wait_for(&path, 3, until, "echo 1")
            ))
        })
    });
    assert_eq!(
        report,
        Report {
            total: 3,
            failed: vec![]
        },
        "the chunks waited 5 s for each other in vain: 3 workers must run 3 processes at \
         once. Does a worker hold a lock (on the next chunk, or on the report) while its \
         process runs?"
    );
}

#[test]
fn a_free_worker_takes_the_next_chunk() {
    // Chunk 0 runs until chunks 1 to 5 have all started: meanwhile the
    // other worker must take them, one after the other.
    let dir = Scratch::new("next");
    let path = dir.path();
    let until = in_five_seconds();
    let report = within(move || {
        run_pool(6, 2, move |n| match n {
            0 => sh(wait_for(&path, 5, until, "echo 0")),
            n => sh(format!("touch {path}/{n}; echo {n}")),
        })
    });
    assert_eq!(
        report,
        Report {
            total: 1 + 2 + 3 + 4 + 5,
            failed: vec![]
        },
        "chunk 0 waited 5 s in vain for chunks 1 to 5 to run on the other worker: a worker \
         that is free must start the next chunk, not wait for a batch, keep to a share \
         given out in advance, or wait for a lock that a worker holds while its process runs"
    );
}
