//! Structured shutdown: a tree of `CancellationToken`s tells tasks to stop, a
//! `TaskTracker` waits until every one of them has.
use std::time::Duration;

use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Works until its token is cancelled, then cleans up, which may await.
async fn worker(name: &'static str, token: CancellationToken) {
    loop {
        tokio::select! {
            () = token.cancelled() => break,
            () = sleep(Duration::from_millis(10)) => {} // the next job is due
        }
        sleep(Duration::from_millis(5)).await; // the job, never cut short
    }
    println!("{name}: stopping, saving its state");
    sleep(Duration::from_millis(20)).await;
    println!("{name}: stopped cleanly");
}

/// A job with nothing to clean up: it may be dropped wherever it waits.
async fn report() -> &'static str {
    sleep(Duration::from_secs(10)).await;
    "the report is written"
}

#[tokio::main]
async fn main() {
    let shutdown = CancellationToken::new();
    let connections = shutdown.child_token();
    let tracker = TaskTracker::new();
    tracker.spawn(worker("flusher", shutdown.clone()));
    tracker.spawn(worker("connection 1", connections.clone()));
    tracker.spawn(worker("connection 2", connections.clone()));
    let token = shutdown.clone();
    tracker.spawn(async move {
        let outcome = token.run_until_cancelled(report()).await;
        println!("report: {outcome:?}");
    });
    // Nothing more to spawn: from now on, wait() returns once the tracker is empty.
    tracker.close();
    sleep(Duration::from_millis(50)).await;

    println!("main: closing the connections");
    connections.cancel();
    sleep(Duration::from_millis(100)).await;
    println!("main: shutdown cancelled = {}", shutdown.is_cancelled());
    println!("main: {} task(s) still running", tracker.len());

    println!("main: shutting down");
    shutdown.cancel();
    match timeout(Duration::from_millis(300), tracker.wait()).await {
        Ok(()) => println!("main: every task has exited"),
        Err(_) => println!("main: {} task(s) still running", tracker.len()),
    }
}
