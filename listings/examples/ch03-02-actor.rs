//! A task that owns a map of counters; other tasks send it requests on a
//! channel, each with a oneshot channel for the reply.
use std::collections::HashMap;

use tokio::sync::{mpsc, oneshot};

// Every request carries the Sender its reply goes back on, last.
enum Command {
    Get(&'static str, oneshot::Sender<u64>),
    Set(&'static str, u64, oneshot::Sender<()>),
    Increment(&'static str, oneshot::Sender<u64>),
}

// The only code that touches the map: one request at a time, and no lock.
async fn owner(mut requests: mpsc::Receiver<Command>) -> HashMap<&'static str, u64> {
    let mut counters = HashMap::new();
    while let Some(command) = requests.recv().await {
        // `send` fails only if the client stopped waiting: nobody to tell.
        match command {
            Command::Get(key, reply) => {
                let _ = reply.send(counters.get(key).copied().unwrap_or(0));
            }
            Command::Set(key, value, reply) => {
                counters.insert(key, value);
                let _ = reply.send(());
            }
            Command::Increment(key, reply) => {
                let count = counters.entry(key).or_insert(0);
                *count += 1;
                let _ = reply.send(*count);
            }
        }
    }
    // Every Sender is gone and the queue is empty: no request can come.
    counters
}

// One request and its reply, or an error if the owner is gone.
async fn ask<T>(
    requests: &mpsc::Sender<Command>,
    command: impl FnOnce(oneshot::Sender<T>) -> Command,
) -> Result<T, &'static str> {
    let (reply, answer) = oneshot::channel();
    requests
        .send(command(reply))
        .await
        .map_err(|_| "the owner is gone")?;
    answer.await.map_err(|_| "the owner dropped the request")
}

async fn client(
    name: &'static str,
    start: u64,
    requests: mpsc::Sender<Command>,
) -> Result<String, &'static str> {
    ask(&requests, |reply| Command::Set(name, start, reply)).await?;
    let mine = ask(&requests, |reply| Command::Increment(name, reply)).await?;
    // Three clients increment this one at the same time; none is lost.
    ask(&requests, |reply| Command::Increment("visits", reply)).await?;
    Ok(format!("{name}: set to {start}, incremented to {mine}"))
}

#[tokio::main]
async fn main() {
    let (requests, receiver) = mpsc::channel(8);
    let owner_task = tokio::spawn(owner(receiver));

    let clients: Vec<_> = [("a", 10), ("b", 20), ("c", 30)]
        .into_iter()
        .map(|(name, start)| tokio::spawn(client(name, start, requests.clone())))
        .collect();
    // The clients run at the same time; their reports are printed in order.
    for client in clients {
        println!("{}", client.await.unwrap().unwrap());
    }
    let visits = ask(&requests, |reply| Command::Get("visits", reply)).await;
    println!("visits: {}", visits.unwrap());

    // The last Sender: the owner's `recv` returns None, and it ends.
    drop(requests);
    let counters = owner_task.await.unwrap();
    println!("owner ended with {} counters", counters.len());

    // An owner that ends while a client still holds a Sender (it failed, or
    // was aborted, as here): the client gets an error, not a wait for ever.
    let (requests, receiver) = mpsc::channel(8);
    let owner_task = tokio::spawn(owner(receiver));
    owner_task.abort();
    assert!(owner_task.await.unwrap_err().is_cancelled());
    let late = ask(&requests, |reply| Command::Get("visits", reply)).await;
    println!("a request after the owner is gone: {late:?}");
}
