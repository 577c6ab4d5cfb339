//! A service that owns its background task: `start` spawns it, `stats` reads
//! what it counts while it runs, `stop` cancels it and waits for it, and `Drop`
//! cancels it when the service is dropped without `stop`.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::{JoinError, JoinHandle};
use tokio::time::{interval, sleep, timeout};
use tokio_util::sync::CancellationToken;

/// What the service and its task share: a counter that can also be waited on.
struct Inner {
    ticks: watch::Sender<u64>,
}

struct Ticker {
    inner: Arc<Inner>,
    token: CancellationToken,
    task: Option<JoinHandle<()>>,
}

impl Ticker {
    fn new() -> Self {
        let (ticks, _) = watch::channel(0);
        Ticker {
            inner: Arc::new(Inner { ticks }),
            token: CancellationToken::new(),
            task: None,
        }
    }

    /// Must be called inside a runtime: it calls `tokio::spawn`.
    fn start(&mut self) {
        if self.task.is_some() {
            return; // already running
        }
        // A cancelled token stays cancelled: a restart needs a fresh one.
        self.token = CancellationToken::new();
        // The task may outlive this call, so it gets owned handles, not `&self`.
        let inner = Arc::clone(&self.inner);
        let token = self.token.clone();
        self.task = Some(tokio::spawn(async move {
            let mut every = interval(Duration::from_millis(10));
            loop {
                tokio::select! {
                    biased; // once cancelled, stop before doing more work
                    () = token.cancelled() => break,
                    _ = every.tick() => inner.ticks.send_modify(|n| *n += 1),
                }
            }
        }));
    }

    fn stats(&self) -> u64 {
        *self.inner.ticks.borrow()
    }

    /// A receiver whose `changed()` fails once every sender is gone.
    fn watch(&self) -> watch::Receiver<u64> {
        self.inner.ticks.subscribe()
    }

    async fn stop(&mut self) -> Result<(), JoinError> {
        self.token.cancel();
        match self.task.take() {
            Some(task) => task.await,
            None => Ok(()),
        }
    }
}

impl Drop for Ticker {
    // Drop cannot await the task, but it can tell it to stop.
    fn drop(&mut self) {
        self.token.cancel();
    }
}

#[tokio::main]
async fn main() -> Result<(), JoinError> {
    let mut service = Ticker::new();
    service.start();
    let mut ticks = service.watch();
    ticks
        .wait_for(|&n| n >= 3)
        .await
        .expect("the service is alive");
    println!("while running: stats() >= 3 is {}", service.stats() >= 3);

    service.stop().await?;
    let after_stop = service.stats();
    sleep(Duration::from_millis(50)).await;
    println!(
        "after stop: stats() unchanged is {}",
        service.stats() == after_stop
    );

    let mut dropped = Ticker::new();
    dropped.start();
    let mut ticks = dropped.watch();
    drop(dropped);
    // The task holds the last `Arc<Inner>`, so the channel closes when it ends.
    let ended = timeout(Duration::from_secs(5), async {
        while ticks.changed().await.is_ok() {}
    });
    println!(
        "dropped without stop: its task ended is {}",
        ended.await.is_ok()
    );
    Ok(())
}
