use super::*;
use tokio::time::Instant;

#[tokio::test]
async fn results_come_in_the_order_of_the_inputs() {
    let results = squares(&[1, 2, 3, 4, 5]).await;
    assert_eq!(results, [1, 4, 9, 16, 25].map(Ok));
}

#[tokio::test]
async fn a_panicking_task_is_reported_in_its_place() {
    let results = squares(&[2, 13, 3]).await;
    assert_eq!(results[0], Ok(4));
    let error = results[1].as_ref().expect_err("the task for 13 panics");
    assert!(
        error.contains("13"),
        "the message names the input: {error:?}"
    );
    assert_eq!(results[2], Ok(9));
}

#[tokio::test]
async fn the_tasks_run_at_the_same_time() {
    // Ten tasks of at least 300 ms each: one after the other would take 3 s.
    let start = Instant::now();
    squares(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).await;
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_millis(2500), "{elapsed:?}");
}

#[tokio::test]
async fn no_inputs_no_results() {
    assert_eq!(squares(&[]).await, []);
}
