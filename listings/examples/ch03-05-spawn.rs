//! `tokio::spawn` starts a task at once; dropping its handle detaches it, `abort` cancels it.
use std::time::Duration;

use tokio::time::sleep;

async fn say_hello(delay_ms: u64, who: &str) -> usize {
    sleep(Duration::from_millis(delay_ms)).await;
    println!("Hello from {who}");
    who.len()
}

#[tokio::main]
async fn main() {
    // create_task + await: the task starts now and runs on its own.
    let handle = tokio::spawn(say_hello(20, "the first task"));
    let length = handle.await.expect("the task panicked");
    println!("its JoinHandle gave back {length}");

    // Dropping the handle does not stop the task: it runs detached.
    let handle = tokio::spawn(say_hello(20, "a task whose handle was dropped"));
    drop(handle);
    sleep(Duration::from_millis(60)).await; // give it time to finish

    // abort() cancels it: here almost always before it starts, else at its sleep.
    let handle = tokio::spawn(say_hello(20, "an aborted task"));
    handle.abort();
    match handle.await {
        Err(error) if error.is_cancelled() => println!("the aborted task was cancelled"),
        other => println!("unexpected: {other:?}"),
    }

    // Tasks still running when main returns are dropped with the runtime.
    tokio::spawn(say_hello(1_000, "a task outliving main"));
    println!("main returns");
}
