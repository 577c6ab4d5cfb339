//! The program starts two copies of itself as worker processes and waits for them.
use std::env;
use std::process::{self, Command, ExitCode};
use std::thread;
use std::time::Duration;

fn task(name: &str, millis: u64) {
    println!("Task {name} started in process {}", process::id());
    thread::sleep(Duration::from_millis(millis));
    println!("Task {name} completed");
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();

    // A worker: run the task and exit. This check is our `if __name__ == "__main__":`
    // guard turned around: without it, every worker would start workers of its own.
    match args.as_slice() {
        [] => {} // no arguments: we are the parent
        [mode, name, millis] if mode == "worker" => {
            let Ok(millis) = millis.parse() else {
                return usage();
            };
            task(name, millis);
            return ExitCode::SUCCESS;
        }
        _ => return usage(),
    }

    println!("Starting processes from process {}", process::id());
    let me = env::current_exe().expect("find our own executable");
    let mut children = Vec::new();
    for (name, millis) in [("A", "200"), ("B", "300")] {
        let child = Command::new(&me)
            .args(["worker", name, millis])
            .spawn()
            .expect("start a worker");
        children.push(child);
    }
    println!("Processes started");

    // Wait for every child, even after one has failed: a dropped `Child` is
    // neither waited for nor killed.
    let mut failed = 0;
    for mut child in children {
        let status = child.wait().expect("wait for a worker");
        if !status.success() {
            eprintln!("a worker failed: {status}");
            failed += 1;
        }
    }
    println!("Processes finished");
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: ch01-05-processes (workers are started as: worker NAME MILLISECONDS)");
    ExitCode::from(2)
}
