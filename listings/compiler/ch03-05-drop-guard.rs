use std::future::Future;
use std::sync::Mutex;

/// Stands in for `tokio::spawn`, which asks the same of its future.
fn spawn<F: Future + Send + 'static>(_task: F) {}

async fn pause() {}

static COUNTER: Mutex<u32> = Mutex::new(0);

fn main() {
    spawn(async {
        let mut guard = COUNTER.lock().unwrap();
        *guard += 1; // goes through `DerefMut`, which borrows `guard`
        drop(guard); // the lock is released here...
        pause().await; // ...yet `guard` still counts as held here
    });
}
