//! One thread, one event loop: a `current_thread` runtime serves 100
//! connections at once, each answered after 100 ms, in about 100 ms in all.
use std::collections::HashSet;
use std::io;
use std::thread;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::sleep;

const CLIENTS: usize = 100;

/// Waits 100 ms (a slow database, say), then answers with the thread it runs on.
async fn serve(mut stream: TcpStream) -> io::Result<()> {
    let mut request = [0; 5];
    stream.read_exact(&mut request).await?; // "hello"
    sleep(Duration::from_millis(100)).await;
    let reply = format!("{:?}", thread::current().id());
    stream.write_all(reply.as_bytes()).await
}

/// Accepts connections until `shutdown` is set to true or `accept` fails, then
/// finishes the connections in progress.
async fn run_server(listener: TcpListener, mut shutdown: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve(stream));
                }
                Err(error) => {
                    eprintln!("server: accept failed, shutting down: {error}");
                    break;
                }
            },
            Some(finished) = connections.join_next() => {
                if let Ok(Err(error)) = finished {
                    eprintln!("server: a connection failed: {error}");
                }
            }
        }
    }
    while connections.join_next().await.is_some() {}
}

async fn client(address: std::net::SocketAddr) -> io::Result<String> {
    let mut stream = TcpStream::connect(address).await?;
    stream.write_all(b"hello").await?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await?;
    Ok(reply)
}

fn main() -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let (stop_server, shutdown) = watch::channel(false);
        let server = tokio::spawn(run_server(listener, shutdown));

        let start = Instant::now();
        let mut clients = JoinSet::new();
        for _ in 0..CLIENTS {
            clients.spawn(client(address));
        }
        let mut threads = HashSet::new();
        while let Some(reply) = clients.join_next().await {
            threads.insert(reply.expect("a client panicked")?);
        }
        let elapsed = start.elapsed().as_millis();
        println!("{CLIENTS} clients served in {elapsed} ms");
        let main = format!("{:?}", thread::current().id());
        println!(
            "replies came from {} thread(s), this one included: {}",
            threads.len(),
            threads.contains(&main)
        );
        stop_server.send_replace(true);
        server.await.expect("the server panicked");
        Ok(())
    })
}
