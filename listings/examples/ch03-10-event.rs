//! asyncio.Event in tokio: a `watch` channel holding a bool, and `Notify`.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::time::sleep;

async fn waiter(id: u32, mut event: watch::Receiver<bool>) {
    println!("waiter {id}: waiting for the event");
    event.wait_for(|is_set| *is_set).await.unwrap(); // returns at once if already set
    println!("waiter {id}: the event is set");
}

#[tokio::main]
async fn main() {
    // watch: the value stays set, like Event.set(); late waiters see it too.
    let (set_event, event) = watch::channel(false);
    let waiters: Vec<_> = (1..=2)
        .map(|id| tokio::spawn(waiter(id, event.clone())))
        .collect();
    sleep(Duration::from_millis(50)).await;
    println!("main: setting the event");
    set_event.send_replace(true); // always stored, even with no receiver
    for waiter in waiters {
        waiter.await.unwrap();
    }
    println!("main: is_set = {}", *event.borrow());
    tokio::spawn(waiter(3, event.clone())).await.unwrap();

    // Notify: a wake-up call that holds no state.
    let bell = Arc::new(Notify::new());
    let listener = tokio::spawn({
        let bell = Arc::clone(&bell);
        async move {
            bell.notified().await;
            println!("listener: notified");
        }
    });
    sleep(Duration::from_millis(50)).await;
    println!("main: notify_one()");
    bell.notify_one(); // wakes one waiter, or leaves a permit for the next one
    listener.await.unwrap();
}
