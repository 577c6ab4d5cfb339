//! Pages fetched as in Listing 4-7, but at most `LIMIT` fetched at a time, as
//! `ThreadPoolExecutor(max_workers=LIMIT)` would: with a `Semaphore`, and with
//! `buffer_unordered`. Without a limit, for comparison.
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::stream::{self, StreamExt};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::{JoinError, JoinSet};
use tokio::time::sleep;

/// The server of Listing 4-7: `/slow/N` answers after
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

/// The `load_url` of Listing 4-7.
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

// ANCHOR: limits
/// One task per path, but each waits for one of `limit` permits before it
/// fetches: at most `limit` fetches are in flight at any moment.
async fn with_semaphore(server: SocketAddr, paths: &[&'static str], limit: usize) -> usize {
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for &path in paths {
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            // Waits while all `limit` permits are taken. The permit goes back
            // to the semaphore when `_permit` is dropped, at the end of the task.
            let _permit = permits.acquire_owned().await.expect("never closed");
            load_url(server, path).await
        });
    }
    let mut pages = 0;
    while let Some(joined) = tasks.join_next().await {
        if joined.expect("a task panicked").is_ok() {
            pages += 1;
        }
    }
    pages
}

/// The same limit without tasks: a stream of fetches, `limit` of them polled
/// at a time, all inside the one task that awaits this function.
async fn with_buffer_unordered(server: SocketAddr, paths: &[&'static str], limit: usize) -> usize {
    let results: Vec<io::Result<Vec<u8>>> = stream::iter(paths)
        .map(|&path| load_url(server, path))
        .buffer_unordered(limit)
        .collect()
        .await;
    results.iter().filter(|result| result.is_ok()).count()
}
// ANCHOR_END: limits

/// Every fetch at once, as in Listing 4-7.
async fn without_a_limit(server: SocketAddr, paths: &[&'static str]) -> usize {
    let mut tasks = JoinSet::new();
    for &path in paths {
        tasks.spawn(load_url(server, path));
    }
    let results = tasks.join_all().await;
    results.iter().filter(|result| result.is_ok()).count()
}

const LIMIT: usize = 2;

#[tokio::main]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let server = listener.local_addr()?;
    let (stop_server, shutdown) = watch::channel(false);
    let server_task = tokio::spawn(run_server(listener, shutdown));
    let paths = ["/slow/100"; 6]; // six pages of 100 ms each

    let start = Instant::now();
    let pages = with_semaphore(server, &paths, LIMIT).await;
    let ms = start.elapsed().as_millis();
    println!("Semaphore({LIMIT}):         {pages} pages in {ms} ms");

    let start = Instant::now();
    let pages = with_buffer_unordered(server, &paths, LIMIT).await;
    let ms = start.elapsed().as_millis();
    println!("buffer_unordered({LIMIT}):  {pages} pages in {ms} ms");

    let start = Instant::now();
    let pages = without_a_limit(server, &paths).await;
    let ms = start.elapsed().as_millis();
    println!("no limit:             {pages} pages in {ms} ms");

    stop_server.send_replace(true);
    server_task.await.expect("the server panicked");
    Ok(())
}
