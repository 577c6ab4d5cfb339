//! Shutting down on SIGTERM or Ctrl-C: the signal cancels a token, the task
//! cleans up, and from then on the signal no longer ends the process.
use std::time::Duration;

use tokio::process::Command;
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

async fn worker(token: CancellationToken) {
    loop {
        tokio::select! {
            () = token.cancelled() => break,
            () = sleep(Duration::from_millis(10)) => {} // a job
        }
    }
    println!("worker: stopping, saving its state");
    sleep(Duration::from_millis(20)).await;
    println!("worker: stopped cleanly");
}

/// Sends SIGTERM to this process, as `kill PID`, `systemctl stop` or
/// `docker stop` would.
async fn send_sigterm() -> std::io::Result<()> {
    let pid = std::process::id();
    // The shell's own `kill`: a system with a shell has `/bin/sh`, not always `/bin/kill`.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s TERM {pid}"))
        .status()
        .await?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("kill: {status}")))
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // ANCHOR: main
    // From here to the end of the process, a SIGTERM no longer ends it.
    let mut terminate = signal(SignalKind::terminate())?;
    let shutdown = CancellationToken::new();
    let tracker = TaskTracker::new();
    tracker.spawn(worker(shutdown.clone()));
    tracker.close();

    // Not spawned: a failed kill sends no signal, so its error must end the wait.
    let kill = async {
        sleep(Duration::from_millis(30)).await;
        send_sigterm().await
    };
    tokio::select! {
        result = tokio::signal::ctrl_c() => {
            result?;
            println!("main: Ctrl-C");
        }
        _ = terminate.recv() => println!("main: SIGTERM"),
        // `Ok(())` does not match: the branch is disabled, the wait goes on.
        Err(error) = kill => return Err(error),
    }
    shutdown.cancel();
    match timeout(Duration::from_secs(5), tracker.wait()).await {
        Ok(()) => println!("main: every task has exited"),
        Err(_) => println!("main: giving up on {} task(s)", tracker.len()),
    }

    // Nobody listens any more, but tokio's handler stays installed.
    drop(terminate);
    send_sigterm().await?;
    sleep(Duration::from_millis(20)).await; // time for it to arrive
    println!("main: another SIGTERM, caught and ignored: still running");
    // ANCHOR_END: main
    Ok(())
}
