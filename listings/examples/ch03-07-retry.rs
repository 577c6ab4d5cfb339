//! Retries with exponential backoff and jitter: each try under a timeout, the
//! wait between tries doubled up to a cap, and a random part taken off it.
use std::fmt::Debug;
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

/// How many tries, how long each may take, and the waits between them.
struct Backoff {
    tries: u32,
    per_try: Duration,
    first_delay: Duration,
    max_delay: Duration,
}

/// How a try failed: it took too long, or it returned an error.
#[derive(Debug)]
enum Failure<E> {
    TimedOut,
    Failed(E),
}

async fn retry<T, E: Debug>(
    policy: &Backoff,
    mut attempt: impl AsyncFnMut() -> Result<T, E>,
) -> Result<T, Failure<E>> {
    let mut delay = policy.first_delay;
    let mut tries = 0;
    loop {
        tries += 1;
        let failure = match timeout(policy.per_try, attempt()).await {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(error)) => Failure::Failed(error),
            Err(_elapsed) => Failure::TimedOut, // the try's future is dropped
        };
        if tries >= policy.tries {
            return Err(failure);
        }
        // Jitter: clients that failed together must not all retry together.
        let wait = rand::random_range(delay / 2..=delay);
        let (waiting, of) = (wait.as_millis(), delay.as_millis());
        println!("      try {tries}: {failure:?}, waiting {waiting} ms (of up to {of})");
        sleep(wait).await;
        delay = (delay * 2).min(policy.max_delay);
    }
}

#[tokio::main]
async fn main() {
    let policy = Backoff {
        tries: 4,
        per_try: Duration::from_millis(50),
        first_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(60),
    };

    // A server that hangs on the first call, refuses the second, answers the third.
    let start = Instant::now();
    let mut calls = 0;
    let page = retry(&policy, async || {
        calls += 1;
        println!("{:4} ms  call {calls}", start.elapsed().as_millis());
        match calls {
            1 => sleep(Duration::from_secs(10)).await, // longer than per_try
            2 => return Err("connection refused"),
            _ => {}
        }
        Ok("the page")
    })
    .await;
    println!("{page:?} after {calls} calls");

    // A server that is down: four tries, then the last failure.
    let start = Instant::now();
    let down: Result<(), _> = retry(&policy, async || Err("connection refused")).await;
    let elapsed = start.elapsed().as_millis();
    println!("{down:?}, given up after {elapsed} ms");
}
