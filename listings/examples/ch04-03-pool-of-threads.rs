//! Fetches pages from a server on 127.0.0.1 with a pool of four threads, one
//! address being a closed port; results are handled as they complete.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A tiny HTTP/1.1 server on 127.0.0.1: `/slow/N` answers after N ms with a
/// page of N * 100 bytes (N = 0 for any other path). Each connection gets its
/// own thread, and a connection that fails is reported on stderr. It runs
/// until the process ends, or until `accept` fails: then it says why on
/// stderr and stops accepting.
fn start_server() -> io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    thread::spawn(move || {
        for accepted in listener.incoming() {
            match accepted {
                Ok(stream) => {
                    thread::spawn(move || {
                        if let Err(error) = serve(stream) {
                            eprintln!("server: a connection failed: {error}");
                        }
                    });
                }
                Err(error) => {
                    eprintln!("server: accept failed, no more connections: {error}");
                    break;
                }
            }
        }
    });
    Ok(address)
}

fn serve(stream: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?; // "GET /slow/200 HTTP/1.1"
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear(); // read the headers up to the empty line, ignore them
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let millis: u64 = path.trim_start_matches("/slow/").parse().unwrap_or(0);
    thread::sleep(Duration::from_millis(millis));
    let body = "x".repeat(millis as usize * 100);
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    reader.into_inner().write_all(response.as_bytes())
}

/// A free port with nobody listening: bind one, then close it at once.
fn closed_port() -> io::Result<SocketAddr> {
    TcpListener::bind("127.0.0.1:0")?.local_addr()
}

// ANCHOR: all
/// Fetches `http://{address}{path}` and returns the body: a few lines of
/// HTTP/1.1 by hand, and an error for anything but `200 OK`.
fn load_url(address: SocketAddr, path: &str, timeout: Duration) -> io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect_timeout(&address, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?; // the server closes when done
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

fn main() -> io::Result<()> {
    let server = start_server()?;
    let urls = [
        (server, "/slow/400"),
        (server, "/slow/200"),
        (server, "/slow/300"),
        (closed_port()?, "/"),
        (server, "/slow/100"),
    ];

    let start = Instant::now();
    // Four threads of our own, which blocking I/O may keep waiting: rayon's
    // global pool is meant for CPU work.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .thread_name(|i| format!("pool-{i}"))
        .build()
        .expect("cannot start the pool");
    let (done, results) = mpsc::channel();
    for (address, path) in urls {
        let done = done.clone();
        pool.spawn(move || {
            let url = format!("http://{address}{path}");
            let from = start.elapsed().as_millis();
            let result = load_url(address, path, Duration::from_secs(5));
            let to = start.elapsed().as_millis();
            let worker = thread::current().name().unwrap_or("unnamed").to_string();
            let job = format!("{worker}, {from} to {to} ms: {url}");
            // Fails only if `main` stopped listening: then nobody wants it.
            let _ = done.send((job, result));
        });
    }
    drop(done); // the loop below ends when every job has dropped its sender

    for (job, result) in results {
        match result {
            Ok(page) => println!("{job} page is {} bytes", page.len()),
            Err(error) => println!("{job} generated an error: {error}"),
        }
    }
    println!("{} URLs in {} ms", urls.len(), start.elapsed().as_millis());
    Ok(())
}
// ANCHOR_END: all
