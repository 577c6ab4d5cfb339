use super::*;
use std::sync::mpsc;
use std::{panic, thread};

/// Runs the async `test` as `#[tokio::test]` would, on a `current_thread`
/// runtime: one thread runs the server and the requests, each task in turn
/// until it reaches an `.await`. The runtime runs on a thread of its own,
/// watched: if the test has not finished after 10 s, it fails with `hung`
/// instead of hanging.
fn watched<F: Future<Output = ()>>(hung: &'static str, test: impl FnOnce() -> F + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let runner = thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(test());
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(()) => {}
        // The test panicked: fail with its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic::resume_unwind(runner.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "fetch_all has not returned after 10 s. {hung} Or something blocks the \
             runtime's only thread (std::thread::sleep, a loop with no .await in it), \
             so that neither the server nor the other requests can go on."
        ),
    }
}

const NEEDS_100_MS: &str = "Each request needs 100 ms: does one wait for a permit \
                            that is never given back?";
const TIMES_OUT_AFTER_2_S: &str = "Each request ends after 2 s at most, with a timeout: \
                                   does one wait for a permit that is never given back?";

#[test]
fn every_path_is_fetched_in_order() {
    watched(NEEDS_100_MS, || async {
        let (addr, _) = start_server(1).await.unwrap();
        let results = fetch_all(addr, &["/x", "/y", "/z"], 3, Duration::from_secs(5)).await;
        let expected = ["/x", "/y", "/z"].map(|p| Ok(format!("hello from {p}")));
        assert_eq!(results, expected);
    });
}

#[test]
fn failures_are_collected_and_the_rest_still_fetched() {
    watched(TIMES_OUT_AFTER_2_S, || async {
        let (addr, _) = start_server(1).await.unwrap();
        let paths = ["/slow", "/a", "/broken", "/b"];
        let results = fetch_all(addr, &paths, 3, Duration::from_secs(2)).await;
        assert_eq!(
            results,
            [
                Err(FetchError::Timeout),
                Ok("hello from /a".to_string()),
                Err(FetchError::Io(io::ErrorKind::UnexpectedEof)),
                Ok("hello from /b".to_string()),
            ]
        );
    });
}

#[test]
fn the_timeout_starts_when_the_request_does() {
    watched(TIMES_OUT_AFTER_2_S, || async {
        // The three slow requests hold the three permits for 2 s, until their
        // timeouts; only then can /a start, and it needs 100 ms.
        let (addr, _) = start_server(1).await.unwrap();
        let paths = ["/slow", "/slow", "/slow", "/a"];
        let results = fetch_all(addr, &paths, 3, Duration::from_secs(2)).await;
        assert_eq!(
            results,
            [
                Err(FetchError::Timeout),
                Err(FetchError::Timeout),
                Err(FetchError::Timeout),
                Ok("hello from /a".to_string()),
            ],
            "each request gets the whole timeout once it is sent: the time it waited \
             for a permit does not count"
        );
    });
}

#[test]
fn limit_requests_run_at_once_and_never_more() {
    watched(
        "The server holds the requests until `limit` of them (2, then 5) are in \
         flight at once: does fetch_all send that many at once?",
        || async {
            for limit in [2, 5] {
                let (addr, stats) = start_server(limit).await.unwrap();
                let paths: Vec<String> = (1..=2 * limit).map(|n| format!("/{n}")).collect();
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                let results = fetch_all(addr, &paths, limit, Duration::from_secs(60)).await;
                assert!(results.iter().all(Result::is_ok), "{results:?}");
                assert_eq!(
                    stats.most_in_flight.load(Ordering::SeqCst),
                    limit,
                    "the most requests in flight at once, with limit {limit}"
                );
            }
        },
    );
}

#[test]
fn a_free_permit_goes_to_the_next_request_at_once() {
    watched(
        "/after/4 is answered once four other requests have been, so with limit 2 \
         the other four take turns on the second permit while it waits: does a \
         request wait for the ones sent with it, as a batch waits for its slowest?",
        || async {
            let (addr, _) = start_server(1).await.unwrap();
            let paths = ["/after/4", "/1", "/2", "/3", "/4"];
            let results = fetch_all(addr, &paths, 2, Duration::from_secs(60)).await;
            let expected = paths.map(|p| Ok(format!("hello from {p}")));
            assert_eq!(results, expected);
        },
    );
}

#[test]
fn a_request_that_cannot_connect_is_a_failure_too() {
    watched(
        "A connection to a port nobody listens on is refused at once.",
        || async {
            // A socket bound to a port, and not listening: a connection to that
            // port is refused, and the port stays ours while the test runs.
            let socket = tokio::net::TcpSocket::new_v4().unwrap();
            socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
            let addr = socket.local_addr().unwrap();
            let results = fetch_all(addr, &["/a"], 3, Duration::from_secs(2)).await;
            assert_eq!(
                results,
                [Err(FetchError::Io(io::ErrorKind::ConnectionRefused))]
            );
        },
    );
}
