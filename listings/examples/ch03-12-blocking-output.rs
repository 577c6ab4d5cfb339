//! Five tasks on a one-thread runtime each run a child that takes 100 ms, two ways:
//! `std::process::Command::output()`, which blocks the thread until the child exits, and
//! `tokio::process::Command::output().await`, which gives the thread back meanwhile.
use std::env;
use std::path::PathBuf;
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

const TASKS: usize = 5;

// ANCHOR: tasks
async fn five_children(exe: PathBuf) {
    // Wrong: std's output() waits in the operating system, holding the only thread.
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let exe = exe.clone();
            tokio::spawn(async move {
                std::process::Command::new(exe)
                    .args(["wait", "100"])
                    .output()
            })
        })
        .collect();
    for task in tasks {
        let output = task.await.unwrap().expect("cannot run a child");
        assert!(output.status.success());
    }
    println!(
        "std::process::Command in tasks:   {} ms",
        start.elapsed().as_millis()
    );

    // Right: tokio's output() returns Pending while the child runs.
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let exe = exe.clone();
            tokio::spawn(async move {
                tokio::process::Command::new(exe)
                    .args(["wait", "100"])
                    .output()
                    .await
            })
        })
        .collect();
    for task in tasks {
        let output = task.await.unwrap().expect("cannot run a child");
        assert!(output.status.success());
    }
    println!(
        "tokio::process::Command in tasks: {} ms",
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: tasks

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-blocking-output [wait MILLIS]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            let exe = match env::current_exe() {
                Ok(exe) => exe,
                Err(error) => {
                    eprintln!("error: cannot find this program: {error}");
                    return ExitCode::FAILURE;
                }
            };
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("cannot start tokio");
            runtime.block_on(five_children(exe));
            ExitCode::SUCCESS
        }
        [mode, millis] if mode == "wait" => {
            let Ok(millis) = millis.parse() else {
                return usage();
            };
            thread::sleep(Duration::from_millis(millis)); // the child's work
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}
