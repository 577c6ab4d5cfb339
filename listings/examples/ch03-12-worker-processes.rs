//! Two worker processes (this same program, run again) sum halves of a range; pipes carry the results.
use std::env;
use std::process::{Command, ExitCode, Stdio};

// ANCHOR: all
fn worker(from: u64, to: u64) {
    let sum: u64 = (from..to).map(|n| n * n).sum();
    println!("{sum} {}", std::process::id()); // the parent reads this from a pipe
}

fn parent() {
    let exe = env::current_exe().expect("where is this program?");
    let n = 2_000_000u64;
    let children: Vec<_> = [(0, n / 2), (n / 2, n)]
        .into_iter()
        .map(|(from, to)| {
            Command::new(&exe)
                .args(["worker", &from.to_string(), &to.to_string()])
                .stdout(Stdio::piped())
                .spawn()
                .expect("could not start a worker")
        })
        .collect(); // both run now, in parallel
    let mut total = 0;
    for child in children {
        let output = child.wait_with_output().expect("the worker failed");
        let text = String::from_utf8(output.stdout).unwrap();
        let (sum, pid) = text.trim().split_once(' ').unwrap();
        println!("worker pid {pid} sent {sum}");
        total += sum.parse::<u64>().unwrap();
    }
    println!("parent pid {} adds them: {total}", std::process::id());
}
// ANCHOR_END: all

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => parent(),
        [mode, from, to] if mode == "worker" => match (from.parse(), to.parse()) {
            (Ok(from), Ok(to)) => worker(from, to),
            _ => return usage(),
        },
        _ => return usage(),
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-worker-processes [worker FROM TO]");
    ExitCode::from(2)
}
