//! Two fixes for holding a `std::sync::MutexGuard` across `.await` in a spawned task.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

#[tokio::main]
async fn main() {
    // Fix 1: a std Mutex, with the guard dropped before the .await.
    let counter = Arc::new(Mutex::new(0));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let counter = Arc::clone(&counter);
        tasks.push(tokio::spawn(async move {
            {
                let mut guard = counter.lock().unwrap();
                *guard += 1;
            } // guard dropped here, before the task can pause
            sleep(Duration::from_millis(10)).await;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    println!(
        "std::sync::Mutex, guard scoped: {}",
        counter.lock().unwrap()
    );

    // Fix 2: tokio's Mutex, whose guard may be held across .await.
    let counter = Arc::new(tokio::sync::Mutex::new(0));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let counter = Arc::clone(&counter);
        tasks.push(tokio::spawn(async move {
            let mut guard = counter.lock().await; // waiting for it is an .await too
            sleep(Duration::from_millis(1)).await; // others wait meanwhile
            *guard += 1;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    println!("tokio::sync::Mutex across .await: {}", counter.lock().await);
}
