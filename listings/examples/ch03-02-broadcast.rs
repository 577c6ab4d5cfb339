//! A broadcast channel: every subscriber gets every message, unless it falls
//! too far behind.
use tokio::sync::broadcast::{self, Receiver, error::RecvError};

async fn subscriber(name: &str, mut messages: Receiver<u32>) {
    loop {
        match messages.recv().await {
            Ok(message) => println!("{name}: {message}"),
            // Still subscribed: the next recv returns the oldest message kept.
            Err(RecvError::Lagged(missed)) => println!("{name}: lagged, {missed} messages lost"),
            Err(RecvError::Closed) => {
                println!("{name}: closed");
                break;
            }
        }
    }
}

// One thread, so the subscriber task runs only when `main` yields.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The channel keeps the last 4 messages, for all subscribers together.
    let (sender, fast) = broadcast::channel(4);
    let slow = sender.subscribe();

    let fast = tokio::spawn(subscriber("fast", fast));
    for message in 1..=10 {
        // `send` never waits: it overwrites the oldest message if it must.
        sender.send(message).unwrap();
        tokio::task::yield_now().await; // lets `fast` take each message
    }
    drop(sender); // the last Sender: the channel is closed
    fast.await.unwrap();

    // `slow` was busy elsewhere until now.
    subscriber("slow", slow).await;
}
