use super::*;
use std::time::{Duration, Instant};

/// A chunk that runs a shell command.
fn sh(script: String) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", &script]);
    command
}

#[test]
fn the_results_of_every_chunk_are_added_up() {
    let report = run_pool(10, 3, |n| sh(format!("echo {}", n * n)));
    let expected = (0..10u64).map(|n| n * n).sum();
    assert_eq!(
        report,
        Report {
            total: expected,
            failed: vec![]
        }
    );
}

#[test]
fn failed_chunks_are_reported_and_the_rest_still_run() {
    let report = run_pool(8, 2, |n| match n {
        2 => sh("exit 3".into()),              // fails
        5 => sh("echo not-a-number".into()),   // prints no number
        6 => Command::new("/no/such/program"), // cannot start
        n => sh(format!("echo {n}")),
    });
    assert_eq!(
        report,
        Report {
            total: 1 + 3 + 4 + 7,
            failed: vec![2, 5, 6]
        }
    );
}

#[test]
fn no_more_processes_than_workers_at_a_time() {
    // Six chunks of 0.3 s on 3 workers take two rounds: at least 0.6 s.
    // All six at once would take 0.3 s.
    let start = Instant::now();
    let report = run_pool(6, 3, |_| sh("sleep 0.3; echo 1".into()));
    assert_eq!(report.total, 6);
    assert!(
        start.elapsed() >= Duration::from_millis(590),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn the_workers_run_at_the_same_time() {
    // Each chunk leaves a file in `dir`, then waits (10 s at most) until all
    // three files are there: the three succeed only if they run at once.
    let dir = std::env::temp_dir().join(format!("ch02-chunks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.display().to_string();
    let report = run_pool(3, 3, |n| {
        sh(format!(
            "touch {dir}/{n}; i=0; while [ $(ls {dir} | wc -l) -lt 3 ]; do \
             i=$((i + 1)); [ $i -gt 1000 ] && exit 1; sleep 0.01; done; echo 1"
        ))
    });
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        report,
        Report {
            total: 3,
            failed: vec![]
        }
    );
}
