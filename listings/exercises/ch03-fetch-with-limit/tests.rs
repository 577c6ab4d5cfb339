use super::*;

/// `fetch_all`, watched: if it has not returned after 10 s, the test fails
/// instead of hanging.
async fn fetch_all_within_10_s(
    addr: SocketAddr,
    paths: &[&str],
    limit: usize,
    timeout: Duration,
) -> Vec<Result<String, FetchError>> {
    let fetching = fetch_all(addr, paths, limit, timeout);
    tokio::time::timeout(Duration::from_secs(10), fetching)
        .await
        .unwrap_or_else(|_| {
            panic!(
                "fetch_all({paths:?}) with limit {limit} has not returned after 10 s: \
                 it waits for something that never comes"
            )
        })
}

#[tokio::test]
async fn every_path_is_fetched_in_order() {
    let (addr, _) = start_server(1).await.unwrap();
    let results = fetch_all_within_10_s(addr, &["/x", "/y", "/z"], 3, Duration::from_secs(5)).await;
    let expected = ["/x", "/y", "/z"].map(|p| Ok(format!("hello from {p}")));
    assert_eq!(results, expected);
}

#[tokio::test]
async fn failures_are_collected_and_the_rest_still_fetched() {
    let (addr, _) = start_server(1).await.unwrap();
    let paths = ["/slow", "/a", "/broken", "/b"];
    let results = fetch_all_within_10_s(addr, &paths, 3, Duration::from_secs(2)).await;
    assert_eq!(
        results,
        [
            Err(FetchError::Timeout),
            Ok("hello from /a".to_string()),
            Err(FetchError::Io(io::ErrorKind::UnexpectedEof)),
            Ok("hello from /b".to_string()),
        ]
    );
}

#[tokio::test]
async fn the_timeout_starts_when_the_request_does() {
    // The three slow requests hold the three permits for 2 s, until their
    // timeouts; only then can /a start, and it needs 100 ms.
    let (addr, _) = start_server(1).await.unwrap();
    let paths = ["/slow", "/slow", "/slow", "/a"];
    let results = fetch_all_within_10_s(addr, &paths, 3, Duration::from_secs(2)).await;
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
}

#[tokio::test]
async fn limit_requests_run_at_once_and_never_more() {
    for limit in [2, 5] {
        // The server holds the requests until `limit` of them are in flight.
        let (addr, stats) = start_server(limit).await.unwrap();
        let paths: Vec<String> = (1..=2 * limit).map(|n| format!("/{n}")).collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let fetching = fetch_all(addr, &paths, limit, Duration::from_secs(60));
        let Ok(results) = tokio::time::timeout(Duration::from_secs(10), fetching).await else {
            panic!(
                "fetch_all of {} paths with limit {limit} has not returned after 10 s. \
                 The server answers only once {limit} requests are in flight at once, \
                 and it saw at most {}",
                paths.len(),
                stats.most_in_flight.load(Ordering::SeqCst)
            );
        };
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(
            stats.most_in_flight.load(Ordering::SeqCst),
            limit,
            "the most requests in flight at once, with limit {limit}"
        );
    }
}

#[tokio::test]
async fn a_request_that_cannot_connect_is_a_failure_too() {
    // Nothing listens on a port we just gave back.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let results = fetch_all_within_10_s(addr, &["/a"], 3, Duration::from_secs(2)).await;
    assert_eq!(
        results,
        [Err(FetchError::Io(io::ErrorKind::ConnectionRefused))]
    );
}
