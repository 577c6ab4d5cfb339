//! The two ways to run a future: hand it to a runtime, or `.await` it inside async code.
use std::io;

async fn task() -> u32 {
    3
}

async fn main_task() {
    let result = task().await; // inside async code: wait for it
    println!("awaited: {result}");
}

fn main() -> io::Result<()> {
    // Outside async code: a runtime drives the future to completion.
    let runtime = tokio::runtime::Runtime::new()?; // io::Error: no threads or I/O driver
    let result = runtime.block_on(task());
    println!("block_on: {result}");

    runtime.block_on(main_task());
    Ok(())
}
