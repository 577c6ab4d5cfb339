//! The pool of Listing 4-5 with tokio: one task per page in a `JoinSet`,
//! results taken with `join_next` as they complete, one address failing.
use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinError, JoinSet};
use tokio::time::{sleep, timeout};

/// The server of Listing 4-5, written with tokio: `/slow/N` answers after
/// N ms with a page of N * 100 bytes (N = 0 for any other path). It stops
/// accepting when `shutdown` is set to true (or its sender is dropped), or when
/// `accept` fails, then finishes the connections it is serving.
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
            // Collect finished connections, so the set does not grow.
            Some(finished) = connections.join_next() => report(finished),
        }
    }
    while let Some(finished) = connections.join_next().await {
        report(finished);
    }
}

fn report(finished: Result<io::Result<()>, JoinError>) {
    match finished {
        Ok(Ok(())) => {}
        Ok(Err(error)) => eprintln!("server: a connection failed: {error}"),
        Err(error) => eprintln!("server: a connection task failed: {error}"),
    }
}

async fn serve(stream: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).await?;
    let mut header = String::new();
    while reader.read_line(&mut header).await? > 2 {
        header.clear(); // read the headers up to the empty line, ignore them
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let millis: u64 = path.trim_start_matches("/slow/").parse().unwrap_or(0);
    sleep(Duration::from_millis(millis)).await;
    let body = "x".repeat(millis as usize * 100);
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    reader.into_inner().write_all(response.as_bytes()).await
}

/// A free port with nobody listening: bind one, then close it at once.
fn closed_port() -> io::Result<SocketAddr> {
    std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()
}

/// Listing 4-5's `load_url`, with `.await` wherever it would block.
async fn load_url(address: SocketAddr, path: &str) -> io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(address).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    let end_of_head = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| io::Error::other("no end of headers"))?;
    let status_line = response.split(|&b| b == b'\r').next().unwrap_or_default();
    if !status_line.ends_with(b" 200 OK") {
        let status = String::from_utf8_lossy(status_line).into_owned();
        return Err(io::Error::other(status));
    }
    Ok(response.split_off(end_of_head + 4))
}

// ANCHOR: main
#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let server = listener.local_addr()?;
    let (stop_server, shutdown) = watch::channel(false);
    let server_task = tokio::spawn(run_server(listener, shutdown));
    let urls = [
        (server, "/slow/400"),
        (server, "/slow/200"),
        (server, "/slow/300"),
        (closed_port()?, "/"),
        (server, "/slow/100"),
    ];

    let start = Instant::now();
    let mut tasks = JoinSet::new();
    for (address, path) in urls {
        tasks.spawn(async move {
            let url = format!("http://{address}{path}");
            let limit = Duration::from_secs(5);
            let result = match timeout(limit, load_url(address, path)).await {
                Ok(result) => result,
                Err(elapsed) => Err(io::Error::new(io::ErrorKind::TimedOut, elapsed)),
            };
            (url, result)
        });
    }

    while let Some(joined) = tasks.join_next().await {
        let (url, result) = joined.expect("a task panicked");
        match result {
            Ok(page) => println!("{url} page is {} bytes", page.len()),
            Err(error) => println!("{url} generated an error: {error}"),
        }
    }
    println!("{} URLs in {} ms", urls.len(), start.elapsed().as_millis());

    stop_server.send_replace(true);
    server_task.await.expect("the server panicked");
    println!("server stopped");
    Ok(())
}
// ANCHOR_END: main
