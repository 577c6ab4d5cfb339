use super::*;

#[tokio::test]
async fn every_path_is_fetched_in_order() {
    let (addr, _) = start_server().await.unwrap();
    let results = fetch_all(addr, &["/x", "/y", "/z"], 3, Duration::from_secs(5)).await;
    let expected = ["/x", "/y", "/z"].map(|p| Ok(format!("hello from {p}")));
    assert_eq!(results, expected);
}

#[tokio::test]
async fn failures_are_collected_and_the_rest_still_fetched() {
    let (addr, _) = start_server().await.unwrap();
    let paths = ["/slow", "/a", "/broken", "/b"];
    let results = fetch_all(addr, &paths, 3, Duration::from_secs(1)).await;
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
async fn at_most_three_at_once_and_three_do_run_at_once() {
    let (addr, stats) = start_server().await.unwrap();
    let paths = ["/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8"];
    let results = fetch_all(addr, &paths, 3, Duration::from_secs(5)).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(stats.most_in_flight.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn a_request_that_cannot_connect_is_a_failure_too() {
    // Nothing listens on a port we just gave back.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let results = fetch_all(addr, &["/a"], 3, Duration::from_secs(1)).await;
    assert_eq!(
        results,
        [Err(FetchError::Io(io::ErrorKind::ConnectionRefused))]
    );
}
