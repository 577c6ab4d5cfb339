//! Measures what it costs to create (and wait for) a thread, a process and a tokio task.
use std::env;
use std::process::{Command, ExitCode};
use std::thread;
use std::time::Instant;

// ANCHOR: all
fn measure() -> Result<(), String> {
    let exe = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let start = Instant::now();
    for _ in 0..20 {
        let status = Command::new(&exe)
            .arg("child")
            .status()
            .map_err(|e| format!("cannot start a child: {e}"))?;
        if !status.success() {
            return Err(format!("a child failed: {status}"));
        }
    }
    let process = start.elapsed() / 20;

    let start = Instant::now();
    for _ in 0..1_000 {
        thread::spawn(|| {}).join().unwrap(); // an empty thread cannot panic
    }
    let thread = start.elapsed() / 1_000;

    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| format!("cannot start tokio's runtime: {e}"))?;
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
    Ok(())
}
// ANCHOR_END: all

fn usage() -> ExitCode {
    eprintln!("usage: ch03-13-creation-costs [child]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            if let Err(error) = measure() {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        }
        [child] if child == "child" => {} // the tiny child process: exit at once
        _ => return usage(),
    }
    ExitCode::SUCCESS
}
