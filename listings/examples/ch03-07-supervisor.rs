//! A supervisor: runs a worker as a task and starts it again after it fails,
//! whether it returned an error or panicked, waiting longer each time.
use std::any::Any;
use std::time::Duration;

use tokio::time::sleep;

/// The worker: refused on attempt 1, a bug on attempt 2, done on attempt 3.
async fn consume(attempt: u32) -> Result<(), String> {
    match attempt {
        1 => Err("connection refused".to_string()),
        2 => panic!("no handler for message 7"),
        _ => {
            println!("attempt {attempt}: queue drained");
            Ok(())
        }
    }
}

/// The text of a panic's payload: `panic!` with a literal carries a `&str`,
/// with formatting arguments usually a `String`.
fn message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(a payload that is not text)"
    }
}

#[tokio::main]
async fn main() {
    // The supervisor reports each panic itself; the default hook would also
    // print it on stderr, with the thread's name and the panic's source line.
    std::panic::set_hook(Box::new(|_| {}));

    let (mut backoff, max_backoff) = (Duration::from_millis(10), Duration::from_millis(500));
    let mut attempt = 0;
    loop {
        attempt += 1;
        // A task of its own: a panic in it ends the task, not the supervisor.
        let worker = tokio::spawn(consume(attempt));
        match worker.await {
            Ok(Ok(())) => {
                println!("the worker finished: stop");
                break;
            }
            Ok(Err(error)) => println!("attempt {attempt} failed: {error}"),
            Err(error) if error.is_panic() => {
                let payload = error.into_panic();
                println!("attempt {attempt} panicked: {}", message(&*payload));
            }
            Err(_cancelled) => {
                println!("the worker was aborted: stop");
                break;
            }
        }
        println!("  restarting in {} ms", backoff.as_millis());
        sleep(backoff).await;
        // A worker that keeps failing is restarted less and less often.
        backoff = (backoff * 2).min(max_backoff);
    }
}
