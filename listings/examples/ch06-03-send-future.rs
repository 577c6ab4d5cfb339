//! Listing 6-10 fixed two ways: the `Rc` is dropped before the `.await`, or
//! it is an `Arc`. Both futures are `Send`, so `tokio::spawn` takes them.
use std::rc::Rc;
use std::sync::Arc;

async fn pause() {}

async fn report_before(name: &str) {
    let line = {
        let shared = Rc::new(name.to_string());
        format!("{shared} (Rc, dropped before the await)")
    }; // `shared` is gone here
    pause().await;
    println!("{line}");
}

async fn report_arc(name: &str) {
    let shared = Arc::new(name.to_string());
    pause().await;
    println!("{shared} (Arc, held across the await)");
}

#[tokio::main]
async fn main() {
    tokio::spawn(async { report_before("A").await })
        .await
        .unwrap();
    tokio::spawn(async { report_arc("B").await }).await.unwrap();
}
