//! `#[tokio::main]`: the counterpart of `asyncio.run(main())`.

#[tokio::main]
async fn main() {
    println!("Hello, World!");
}
