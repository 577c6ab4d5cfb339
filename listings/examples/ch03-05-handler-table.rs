//! Async handlers kept in a table by job type, each call's future spawned as a task.
use std::collections::HashMap;
use std::error::Error;
use std::time::Duration;

use futures::future::{BoxFuture, FutureExt};
use tokio::time::sleep;

type BoxError = Box<dyn Error + Send + Sync>;

struct Job {
    kind: &'static str,
    arg: String,
}

// Every handler has this one type: a plain function returning a boxed future.
type Handler = fn(Job) -> BoxFuture<'static, Result<String, BoxError>>;

async fn resize(job: Job) -> Result<String, BoxError> {
    sleep(Duration::from_millis(10)).await;
    Ok(format!("{} resized", job.arg))
}

async fn count_words(job: Job) -> Result<String, BoxError> {
    let n: usize = job.arg.parse()?;
    Ok(format!("{n} words counted"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Each async fn has a future type of its own: boxed(), they all have one.
    let handlers: HashMap<&str, Handler> = HashMap::from([
        ("resize", (|job| resize(job).boxed()) as Handler),
        ("count", |job| count_words(job).boxed()),
    ]);

    let jobs = [
        ("resize", "cat.png"),
        ("count", "12"),
        ("count", "many"),
        ("fax", "x"),
    ];
    let mut handles = Vec::new();
    for (kind, arg) in jobs {
        let Some(handler) = handlers.get(kind) else {
            println!("{kind}: no handler");
            continue;
        };
        let job = Job {
            kind,
            arg: arg.to_string(),
        };
        handles.push((job.kind, tokio::spawn(handler(job))));
    }
    for (kind, handle) in handles {
        match handle.await.expect("a handler panicked") {
            Ok(done) => println!("{kind}: {done}"),
            Err(error) => println!("{kind}: failed: {error}"),
        }
    }
}
