use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::sleep;
use tracing::{Instrument, info, info_span};

// Knows nothing of requests: its line gets the id from the span around it.
async fn load_user(name: &str) {
    sleep(Duration::from_millis(200)).await;
    info!(name, "user loaded");
}

async fn handle(name: &'static str) {
    info!("start");
    load_user(name).await;
    // A spawned task starts outside every span, as outside every task-local
    // scope: in_current_span() wraps it in this one.
    let audit = tokio::spawn(async { info!("audit written") }.in_current_span());
    audit.await.unwrap();
    let bare = tokio::spawn(async { info!("spawned without the span") });
    bare.await.unwrap();
    info!("done");
}

fn main() {
    tracing_subscriber::fmt()
        .without_time()
        .with_ansi(false)
        .with_target(false)
        .with_thread_names(true)
        .init();

    // Tokio gives every worker the same name ("tokio-rt-worker" since 1.50): number them.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name_fn(|| {
            static NEXT: AtomicUsize = AtomicUsize::new(1);
            format!("worker-{}", NEXT.fetch_add(1, Ordering::Relaxed))
        })
        .enable_all()
        .build()
        .unwrap();

    runtime.block_on(async {
        let mut requests = Vec::new();
        for (n, name) in [(1, "ada"), (2, "grace")] {
            let id = format!("req-{n}");
            let span = info_span!("request", id = %id);
            requests.push(tokio::spawn(handle(name).instrument(span)));
            // Far enough apart that the lines come in this order on a busy machine too.
            sleep(Duration::from_millis(100)).await;
        }
        for request in requests {
            request.await.unwrap();
        }
    });
}
