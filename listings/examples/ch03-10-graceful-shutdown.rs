//! Graceful shutdown: a `watch` channel asks tasks to stop; main drains the JoinSet,
//! then aborts whatever ignored the request.
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout_at};

/// Works until asked to stop, then cleans up, which may take `.await`s.
async fn worker(id: u64, mut stop: watch::Receiver<bool>) -> String {
    loop {
        tokio::select! {
            _ = stop.wait_for(|stop| *stop) => break, // asked to stop
            _ = sleep(Duration::from_millis(10)) => {} // the next job is due
        }
        // The job runs outside the select!: a stop request never cuts it short.
        sleep(Duration::from_millis(5)).await;
    }
    println!("worker {id}: stopping, saving its state");
    sleep(Duration::from_millis(50 * id)).await; // async clean-up: Drop cannot do this
    format!("worker {id} stopped cleanly")
}

/// Never looks at the stop channel.
async fn stubborn() -> String {
    loop {
        sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::main]
async fn main() {
    let (stop, stop_receiver) = watch::channel(false);
    let mut tasks = JoinSet::new();
    tasks.spawn(worker(1, stop_receiver.clone()));
    tasks.spawn(worker(2, stop_receiver));
    tasks.spawn(stubborn());
    sleep(Duration::from_millis(50)).await;

    println!("main: asking every task to stop");
    stop.send_replace(true); // stored even if every receiver were already gone
    let grace = Instant::now() + Duration::from_millis(300);
    while let Ok(Some(outcome)) = timeout_at(grace, tasks.join_next()).await {
        println!("main: {}", outcome.unwrap());
    }
    let left = tasks.len();
    println!("main: {left} task(s) ignored the request: aborting");
    tasks.abort_all();
    while let Some(outcome) = tasks.join_next().await {
        println!("main: cancelled = {}", outcome.unwrap_err().is_cancelled());
    }
}
