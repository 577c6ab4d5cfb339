//! Reloading on every SIGHUP: a task loads the configuration again and
//! publishes it on a watch channel, where the program reads the newest one.
use std::io;
use std::time::Duration;

use tokio::process::Command;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::watch;
use tokio::time::timeout;

/// Sends `name` (HUP, TERM) to this process, as `kill -s HUP PID` would.
async fn send_signal(name: &str) -> io::Result<()> {
    let pid = std::process::id();
    // The shell's own `kill`: a system with a shell has `/bin/sh`, not always `/bin/kill`.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s {name} {pid}"))
        .status()
        .await?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("kill: {status}")))
    }
}

#[tokio::main]
async fn main() -> io::Result<()> {
    // Made before the first kill: from here on, SIGHUP and SIGTERM no longer end the process.
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let (config_tx, mut config_rx) = watch::channel(1_u32);

    let reloader = tokio::spawn(async move {
        loop {
            tokio::select! {
                // One reload per `recv()`, however many SIGHUPs it stands for.
                _ = hangup.recv() => {
                    let version = *config_tx.borrow() + 1; // stands for reading the file again
                    println!("reloader: SIGHUP, loaded version {version}");
                    config_tx.send_replace(version);
                }
                _ = terminate.recv() => break,
            }
        }
        println!("reloader: SIGTERM, stopping");
    });

    println!("main: version {}", *config_rx.borrow());
    for _ in 0..2 {
        send_signal("HUP").await?;
        // Waiting for this reload before the next kill keeps two SIGHUPs from merging into one.
        match timeout(Duration::from_secs(5), config_rx.changed()).await {
            Ok(Ok(())) => println!("main: sees version {}", *config_rx.borrow()),
            Ok(Err(_)) => return Err(io::Error::other("the reloader has stopped")),
            Err(_) => return Err(io::Error::other("no reload within 5 s")),
        }
    }
    send_signal("TERM").await?;
    reloader.await?;
    Ok(())
}
