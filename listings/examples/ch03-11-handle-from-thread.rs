//! An ordinary thread calls into a tokio runtime through a `Handle`: it spawns a task and
//! waits for it, runs a future itself, sends on a channel and hands its result back through a
//! oneshot. Then the same blocking calls made inside the runtime, where they panic.
use std::any::Any;
use std::panic;
use std::thread;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};

fn where_am_i() -> String {
    thread::current().name().unwrap_or("unnamed").to_string()
}

/// Runs on a plain `std::thread`, which is not one of the runtime's threads.
fn worker(handle: Handle, lines: mpsc::Sender<String>, result: oneshot::Sender<u64>) {
    // Spawned from here, the task runs on the runtime's workers; this thread waits for it.
    let task = handle.spawn(async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        (6 * 7, where_am_i())
    });
    let (answer, ran_on) = handle.block_on(task).expect("the task panicked");
    let line = format!("thread: the task it spawned returned {answer}, on {ran_on}");
    lines.blocking_send(line).expect("main stopped listening");

    // Given to block_on directly, the future is polled by this thread itself.
    let ran_on = handle.block_on(async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        where_am_i()
    });
    let line = format!("thread: the future it blocked on ran on {ran_on}");
    lines.blocking_send(line).expect("main stopped listening");

    let sum = (1..=1_000_000u64).sum(); // ordinary blocking work
    let _ = result.send(sum); // an Err would only mean that nobody waits any more
}

/// The first sentence of a panic's message.
fn first_sentence(payload: &(dyn Any + Send)) -> &str {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(not a text)");
    message
        .split_inclusive(". ")
        .next()
        .unwrap_or(message)
        .trim_end()
}

#[tokio::main]
async fn main() {
    let handle = Handle::current(); // only inside the runtime: a plain thread has none
    let (lines_tx, mut lines) = mpsc::channel(8);
    let (result_tx, result) = oneshot::channel();
    let thread = thread::Builder::new()
        .name("bridge".into())
        .spawn(move || worker(handle, lines_tx, result_tx))
        .expect("cannot start a thread");

    // `recv` gives None once the thread has dropped its Sender, at its end.
    while let Some(line) = lines.recv().await {
        println!("{line}");
    }
    let sum = result.await.expect("the thread ended without sending");
    println!("main: the thread's result, through a oneshot: {sum}");
    // Joining is a blocking call too, so it goes to the blocking pool.
    tokio::task::spawn_blocking(move || thread.join())
        .await
        .unwrap()
        .expect("the thread panicked");

    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {})); // the two panics are printed below, shortly
    let inside = tokio::spawn(async { Handle::current().block_on(async {}) });
    let error = inside.await.unwrap_err();
    let why = first_sentence(error.into_panic().as_ref()).to_string();
    println!("in a task, Handle::block_on panics: {why}");

    let (tx, _rx) = mpsc::channel(1);
    let inside = tokio::spawn(async move { tx.blocking_send(1) });
    let error = inside.await.unwrap_err();
    let why = first_sentence(error.into_panic().as_ref()).to_string();
    println!("in a task, blocking_send panics: {why}");
    panic::set_hook(hook); // any later panic is reported again
}
