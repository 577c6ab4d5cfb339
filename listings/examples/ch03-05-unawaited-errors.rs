//! A detached task's `Err` vanishes; its panic is printed, and kept in its handle.
use std::time::Duration;

use tokio::time::sleep;

async fn save(name: &str) -> Result<usize, String> {
    sleep(Duration::from_millis(10)).await;
    if name.ends_with(".txt") {
        Err(format!("cannot save {name}"))
    } else {
        Ok(name.len())
    }
}

#[tokio::main]
async fn main() {
    // Detached: the task's output, an Err, is dropped with the task.
    tokio::spawn(save("a.txt"));
    // A panic is printed by the panic hook, where it happens: before the
    // handle gives it back.
    let buggy = tokio::spawn(async { panic!("a bug in the task") });
    let error = buggy.await.unwrap_err();
    sleep(Duration::from_millis(50)).await;
    println!("main: 50 ms later, nobody said that a.txt failed");
    println!("main: the handle kept the panic: {error}");

    // Either keep every handle and look at every outcome...
    let handles = [tokio::spawn(save("b.txt")), tokio::spawn(save("b.csv"))];
    for handle in handles {
        match handle.await {
            Ok(Ok(bytes)) => println!("main: saved {bytes} bytes"),
            Ok(Err(error)) => println!("main: a task failed: {error}"),
            Err(error) => println!("main: a task panicked or was aborted: {error}"),
        }
    }
    // ...or let the detached task report its own error.
    let reporter = tokio::spawn(async {
        if let Err(error) = save("c.txt").await {
            eprintln!("task: {error}");
        }
    });
    // Awaited only so that main, and the runtime with it, outlive the task.
    reporter.await.unwrap();
}
