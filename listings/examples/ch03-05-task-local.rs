//! A task-local is set for one future by `scope`, and not inherited by `tokio::spawn`.
tokio::task_local! {
    static REQUEST_ID: u32;
}

async fn handle(name: &str) {
    let id = match REQUEST_ID.try_get() {
        Ok(id) => id,
        Err(error) => {
            println!("{name}: {error}");
            return;
        }
    };
    println!("{name}: request {id}");
    // The task pauses here; the scope sets the value again when it resumes.
    tokio::task::yield_now().await;
    println!("{name}: request {} after a pause", REQUEST_ID.get());
}

#[tokio::main]
async fn main() {
    REQUEST_ID
        .scope(7, async {
            handle("awaited").await;
            // Two futures joined in one task, one in a nested scope: each
            // keeps its own value across the pauses.
            tokio::join!(handle("joined"), REQUEST_ID.scope(99, handle("nested")));
            println!("main: request {}", REQUEST_ID.get());

            // A spawned task is polled by the runtime, outside this scope.
            tokio::spawn(handle("spawned")).await.unwrap();
            // So give it a scope of its own, with the value carried over.
            let id = REQUEST_ID.get();
            tokio::spawn(REQUEST_ID.scope(id, handle("spawned in a scope")))
                .await
                .unwrap();
        })
        .await;
    handle("after the scope").await;

    // The same for a closure, in synchronous code.
    let doubled = REQUEST_ID.sync_scope(21, || REQUEST_ID.with(|id| id * 2));
    println!("main: sync_scope gave {doubled}");
}
