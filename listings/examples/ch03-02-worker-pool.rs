use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, mpsc};
use tokio::time::sleep;
use tokio_util::task::TaskTracker;
use tokio_util::task::task_tracker::TaskTrackerToken;

// Each job travels with a token: the tracker counts it as unfinished until
// the token is dropped, wherever that happens.
type Job = (u32, TaskTrackerToken);

async fn worker(id: u32, jobs: Arc<Mutex<mpsc::Receiver<Job>>>) {
    loop {
        // The guard is a temporary, dropped at the end of this statement:
        // while this worker works, another one can wait for the next job.
        let next = jobs.lock().await.recv().await;
        let Some((job, done)) = next else { break };
        sleep(Duration::from_millis(30)).await;
        println!("worker {id}: job {job} done");
        drop(done); // queue.task_done()
    }
    println!("worker {id}: the queue is closed");
}

#[tokio::main]
async fn main() {
    let (sender, receiver) = mpsc::channel(10);
    let receiver = Arc::new(Mutex::new(receiver));
    let workers: Vec<_> = (1..=3)
        .map(|id| tokio::spawn(worker(id, Arc::clone(&receiver))))
        .collect();

    let start = Instant::now();
    let tracker = TaskTracker::new();
    for job in 0..6 {
        sender.send((job, tracker.token())).await.unwrap();
    }
    // await queue.join(): every token made so far has been dropped.
    tracker.close();
    tracker.wait().await;
    println!("all 6 jobs done after {} ms", start.elapsed().as_millis());

    // The workers are still waiting for jobs; closing the channel ends them.
    drop(sender);
    for worker in workers {
        worker.await.unwrap();
    }
}
