//! Four ways to wait in tokio: all done and first completed (asyncio.wait), select!, and a
//! timeout (asyncio.wait_for).
use std::time::{Duration, Instant};

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

/// Prints when it is dropped, counted from `start`: it shows when a future
/// that holds it is cancelled.
struct Noisy(&'static str, Instant);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!(
            "{:>5} ms  {}: dropped",
            self.1.elapsed().as_millis(),
            self.0
        );
    }
}

/// `say_world`, holding a `Noisy` while it runs.
async fn noisy_world(start: Instant) -> &'static str {
    let _noisy = Noisy("say_world()", start);
    say_world().await
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
    let start = Instant::now();
    let ms = || start.elapsed().as_millis();
    tokio::select! {
        word = say_hello() => println!("{:>5} ms  select! winner: {word:?}", ms()),
        word = noisy_world(start) => println!("{:>5} ms  select! winner: {word:?}", ms()),
    }

    // timeout: give up after 100 ms; the future is dropped.
    let start = Instant::now();
    let ms = || start.elapsed().as_millis();
    match timeout(Duration::from_millis(100), noisy_world(start)).await {
        Ok(word) => println!("{:>5} ms  in time: {word:?}", ms()),
        Err(elapsed) => println!("{:>5} ms  timeout: {elapsed}", ms()),
    }
}
