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

const USAGE: &str = "usage: ch01-05-processes (workers are started as: worker NAME MILLISECONDS)";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();

    // A worker: run the task and exit. This check is our `if __name__ == "__main__":`
    // guard turned around: without it, every worker would start workers of its own.
    match args.as_slice() {
        [] => {} // no arguments: we are the parent
        [mode, name, millis] if mode == "worker" => {
            let Ok(millis) = millis.parse() else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            task(name, millis);
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
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

    for mut child in children {
        let status = child.wait().expect("wait for a worker");
        assert!(status.success(), "a worker failed: {status}");
    }
    println!("Processes finished");
    ExitCode::SUCCESS
}
