//! The heartbeat loop: an `Interval` branch in a `select!` loop, beside the
//! work and a shutdown branch.
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, MissedTickBehavior, interval, sleep};

async fn worker(mut jobs: mpsc::Receiver<u32>, mut shutdown: watch::Receiver<bool>) {
    let start = Instant::now();
    let mut heartbeat = interval(Duration::from_millis(100));
    // Should a job hold the loop up, beat once after it, on the 100 ms grid,
    // not once for every beat missed.
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut beats = 0;
    loop {
        tokio::select! {
            biased; // shutdown first, so that it is never starved
            _ = shutdown.wait_for(|stop| *stop) => break,
            _ = heartbeat.tick() => {
                beats += 1;
                println!("{:4} ms  heartbeat {beats}", start.elapsed().as_millis());
            }
            Some(job) = jobs.recv() => {
                println!("{:4} ms  job {job}", start.elapsed().as_millis());
            }
        }
    }
    println!("{:4} ms  stopped", start.elapsed().as_millis());
}

#[tokio::main]
async fn main() {
    let (send_job, jobs) = mpsc::channel(8);
    let (stop, shutdown) = watch::channel(false);
    let worker = tokio::spawn(worker(jobs, shutdown));

    sleep(Duration::from_millis(150)).await;
    send_job.send(1).await.expect("the worker is gone");
    sleep(Duration::from_millis(100)).await;
    stop.send_replace(true);
    worker.await.expect("the worker panicked");
}
