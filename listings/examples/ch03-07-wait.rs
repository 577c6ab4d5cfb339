//! asyncio.wait's three modes in tokio: all done, first completed, and a timeout.
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

async fn say_hello() -> &'static str {
    sleep(Duration::from_millis(50)).await;
    "Hello"
}

async fn say_world() -> &'static str {
    sleep(Duration::from_millis(150)).await;
    "World"
}

#[tokio::main]
async fn main() {
    // ALL_COMPLETED: wait for every task of a JoinSet.
    let mut set = JoinSet::new();
    set.spawn(say_world());
    set.spawn(say_hello());
    let done: Vec<&str> = set.join_all().await; // in completion order
    println!("all done:        {done:?}");

    // FIRST_COMPLETED: take the first result; the rest stay pending in the set.
    let mut set = JoinSet::new();
    set.spawn(say_world());
    set.spawn(say_hello());
    let first = set.join_next().await.unwrap().unwrap();
    println!("first completed: {first:?}, still pending: {}", set.len());
    set.abort_all(); // or keep awaiting them; dropping the set aborts them too

    // select!: the first of several futures wins; the others are dropped.
    tokio::select! {
        word = say_hello() => println!("select! winner:  {word:?}"),
        word = say_world() => println!("select! winner:  {word:?}"),
    }

    // timeout: give up after 100 ms; the future is dropped.
    match timeout(Duration::from_millis(100), say_world()).await {
        Ok(word) => println!("in time:         {word:?}"),
        Err(elapsed) => println!("timeout:         {elapsed}"),
    }
}
