//! A span around each task: when it closes, the subscriber prints how long the
//! task held its thread (busy) and how long it waited (idle).
use std::time::Duration;

use tracing::{Instrument, info_span};
use tracing_subscriber::fmt::format::FmtSpan;

async fn blocking() {
    std::thread::sleep(Duration::from_millis(150)); // the bug: it holds the thread
}

async fn awaiting() {
    tokio::time::sleep(Duration::from_millis(150)).await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tracing_subscriber::fmt()
        .with_span_events(FmtSpan::CLOSE) // one line per span, when it closes
        .with_timer(()) // no timestamps: without_time() would drop the timings too
        .with_target(false)
        .with_ansi(false)
        .init();
    let awaiting = tokio::spawn(awaiting().instrument(info_span!("task", name = "awaiting")));
    let blocking = tokio::spawn(blocking().instrument(info_span!("task", name = "blocking")));
    let (awaited, blocked) = tokio::join!(awaiting, blocking);
    awaited.unwrap();
    blocked.unwrap();
}
