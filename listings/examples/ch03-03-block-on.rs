//! What `#[tokio::main]` expands to: build a runtime, `block_on` one future, drop the runtime.
use std::time::Duration;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all() // the timer and the I/O driver
        .build()
        .expect("could not build the runtime");

    let answer = runtime.block_on(async {
        println!("inside the runtime");
        tokio::time::sleep(Duration::from_millis(10)).await;
        42
    });
    println!("block_on returned {answer}");
    drop(runtime); // shuts it down: its worker threads stop
    println!("runtime shut down");
}
