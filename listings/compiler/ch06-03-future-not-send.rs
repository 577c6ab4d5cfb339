use std::future::Future;
use std::rc::Rc;

/// The bound of Listing 6-4's `spawn`, and of `tokio::spawn`.
fn spawn(_task: impl Future<Output = ()> + Send + 'static) {}

async fn pause() {}

async fn report(name: &str) {
    let shared = Rc::new(name.to_string());
    pause().await;
    println!("{shared}");
}

fn main() {
    spawn(async {
        report("A").await;
    });
}
