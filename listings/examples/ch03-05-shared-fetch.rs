//! Three callers that want the same key, and one fetch between them, two ways.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::FutureExt;
use tokio::sync::OnceCell;

static FETCHES: AtomicUsize = AtomicUsize::new(0);

async fn fetch(key: String) -> String {
    FETCHES.fetch_add(1, Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(20)).await;
    format!("value of {key}")
}

// One cell per key: the first caller fills it, the others wait for it.
type Cells = Mutex<HashMap<String, Arc<OnceCell<String>>>>;

async fn get(cells: &Cells, key: &str) -> String {
    // The map's lock is held for this statement only, not across the .await.
    let cell = Arc::clone(cells.lock().unwrap().entry(key.to_string()).or_default());
    cell.get_or_init(|| fetch(key.to_string())).await.clone()
}

#[tokio::main]
async fn main() {
    // shared(): a future that can be cloned, each clone awaited by a task.
    let fetch_a = fetch("a".to_string()).shared();
    let handles: Vec<_> = (0..3).map(|_| tokio::spawn(fetch_a.clone())).collect();
    for (caller, handle) in (1..).zip(handles) {
        println!("caller {caller}: {}", handle.await.unwrap());
    }
    println!("shared(): {} fetch", FETCHES.swap(0, Ordering::Relaxed));

    let cells = Arc::new(Cells::default());
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let cells = Arc::clone(&cells);
            tokio::spawn(async move { get(&cells, "b").await })
        })
        .collect();
    for (caller, handle) in (1..).zip(handles) {
        println!("caller {caller}: {}", handle.await.unwrap());
    }
    // Later callers find the value in the cell: no fetch at all.
    println!("again: {}", get(&cells, "b").await);
    println!("OnceCell: {} fetch", FETCHES.load(Ordering::Relaxed));
}
