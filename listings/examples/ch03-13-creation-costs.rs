//! Measures what it costs to create (and wait for) a thread, a process and a tokio task.
use std::env;
use std::process::{Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: all
/// The average time of `f` over `runs` runs.
fn average(runs: u32, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    start.elapsed() / runs
}

fn measure() {
    let exe = env::current_exe().expect("where is this program?");
    let process = average(20, || {
        let status = Command::new(&exe).arg("child").status().unwrap();
        assert!(status.success());
    });
    let thread = average(1_000, || thread::spawn(|| {}).join().unwrap());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let task = runtime.block_on(async {
        // Measured from inside a task, where async code normally runs.
        let measure = tokio::spawn(async {
            let start = Instant::now();
            for _ in 0..10_000 {
                tokio::spawn(async {}).await.unwrap();
            }
            start.elapsed() / 10_000
        });
        measure.await.unwrap()
    });
    println!(
        "process spawn + wait: {:.1} µs",
        process.as_secs_f64() * 1e6
    );
    println!("thread spawn + join:  {:.1} µs", thread.as_secs_f64() * 1e6);
    println!("tokio task + await:   {:.1} µs", task.as_secs_f64() * 1e6);
}
// ANCHOR_END: all

fn usage() -> ExitCode {
    eprintln!("usage: ch03-13-creation-costs [child]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => measure(),
        [child] if child == "child" => {} // the tiny child process: exit at once
        _ => return usage(),
    }
    ExitCode::SUCCESS
}
