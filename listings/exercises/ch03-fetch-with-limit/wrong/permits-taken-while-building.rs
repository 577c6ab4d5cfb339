//! Wrong: every permit taken in the loop that builds the requests, before `join_all` runs any: the loop waits for a permit that only a running request can give back
//! Caught by: failures_are_collected_and_the_rest_still_fetched, the_timeout_starts_when_the_request_does, limit_requests_run_at_once_and_never_more, a_free_permit_goes_to_the_next_request_at_once
//!
//! Exercise 3-1: fetch from a local server with at most `limit` requests at
//! once, each with a timeout, collecting failures instead of stopping.
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::future::join_all;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::time;

/// Why one fetch failed.
#[derive(Debug, PartialEq)]
enum FetchError {
    /// No answer within the time allowed.
    Timeout,
    /// The connection failed, or the server closed it without an answer.
    Io(io::ErrorKind),
}

/// Fetches every path from the server at `addr`, with at most `limit`
/// requests in flight at once and each request given at most `timeout`.
/// One result per path, in the order of `paths`: a failure is reported in
/// its place, and the other paths are still fetched.
async fn fetch_all(
    addr: SocketAddr,
    paths: &[&str],
    limit: usize,
    timeout: Duration,
) -> Vec<Result<String, FetchError>> {
    let permits = Semaphore::new(limit);
    let mut requests = Vec::new();
    for path in paths {
        // Take the permit first, and move it into the request.
        let permit = permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        requests.push(async move {
            let _permit = permit;
            match time::timeout(timeout, fetch(addr, path)).await {
                Ok(Ok(answer)) => Ok(answer),
                Ok(Err(e)) => Err(FetchError::Io(e.kind())),
                Err(_elapsed) => Err(FetchError::Timeout),
            }
        });
    }
    // Runs them all concurrently in this task, and keeps their order.
    join_all(requests).await
}

// ---- Given: the client for one request, and the server. ----

/// Sends `path` and reads the answer: everything the server writes before it
/// closes the connection.
async fn fetch(addr: SocketAddr, path: &str) -> io::Result<String> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(format!("{path}\n").as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    if answer.is_empty() {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(answer)
}

/// What the server saw.
#[derive(Default)]
struct Stats {
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
}

/// A server on 127.0.0.1 that answers `/slow` after 10 seconds, closes the
/// connection without an answer for `/broken`, answers `/after/N` once it has
/// answered `N` other requests, and answers any other path after 100 ms.
///
/// With `wave` (at least 1) above 1, it holds the requests back in waves: requests 1 to
/// `wave` wait until the `wave`-th has come in, then requests `wave + 1` to
/// `2 * wave` wait for the `2 * wave`-th, and so on. Its count of requests
/// in flight then reaches `wave` only if `wave` requests are sent at once.
async fn start_server(wave: usize) -> io::Result<(SocketAddr, Arc<Stats>)> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let stats = Arc::new(Stats::default());
    let server_stats = Arc::clone(&stats);
    // How many requests have come in so far, and how many have been answered.
    let arrived = Arc::new(watch::Sender::new(0usize));
    let answered = Arc::new(watch::Sender::new(0usize));
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let stats = Arc::clone(&server_stats);
            let arrived = Arc::clone(&arrived);
            let answered = Arc::clone(&answered);
            tokio::spawn(async move {
                let now = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                stats.most_in_flight.fetch_max(now, Ordering::SeqCst);
                let mut number = 0;
                arrived.send_modify(|count| {
                    *count += 1;
                    number = *count;
                });
                let last_of_its_wave = number.div_ceil(wave) * wave;
                let _ = arrived
                    .subscribe()
                    .wait_for(|count| *count >= last_of_its_wave)
                    .await;
                let _ = answer(&mut stream, &answered).await;
                // Counted out before the connection closes, so before the
                // client can see the answer end.
                stats.in_flight.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    Ok((addr, stats))
}

async fn answer(stream: &mut TcpStream, answered: &watch::Sender<usize>) -> io::Result<()> {
    let mut stream = BufReader::new(stream);
    let mut path = String::new();
    stream.read_line(&mut path).await?;
    let path = path.trim();
    if let Some(n) = path.strip_prefix("/after/") {
        let n: usize = n.parse().unwrap_or(0);
        let _ = answered.subscribe().wait_for(|count| *count >= n).await;
    } else {
        match path {
            "/broken" => return Ok(()),
            "/slow" => tokio::time::sleep(Duration::from_secs(10)).await,
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    stream
        .write_all(format!("hello from {path}").as_bytes())
        .await?;
    answered.send_modify(|count| *count += 1);
    Ok(())
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let (addr, _) = start_server(1).await?;
    let paths = ["/a", "/slow", "/b", "/broken"];
    let results = fetch_all(addr, &paths, 3, Duration::from_secs(1)).await;
    for (path, result) in paths.iter().zip(results) {
        println!("{path}: {result:?}");
    }

    // A fresh server, to count the requests it sees at once.
    let (addr, stats) = start_server(1).await?;
    let paths = ["/1", "/2", "/3", "/4", "/5", "/6"];
    fetch_all(addr, &paths, 3, Duration::from_secs(5)).await;
    let most = stats.most_in_flight.load(Ordering::SeqCst);
    println!("{} requests, at most {most} at once", paths.len());
    Ok(())
}

#[cfg(test)]
#[path = "../tests.rs"]
mod tests;
