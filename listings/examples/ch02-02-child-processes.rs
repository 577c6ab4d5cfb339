//! The program starts two copies of itself as child processes, each with its
//! own process id, and waits for both: one second in all, not two.
use std::env;
use std::process::{self, Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

fn work(snooze: Duration) {
    println!("Process id: {}", process::id());
    thread::sleep(snooze);
}

fn main() -> ExitCode {
    // Started by the parent below as `worker SECONDS`: do the work and exit.
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {} // no arguments: we are the parent
        [mode, secs] if mode == "worker" => {
            let Ok(secs) = secs.parse() else {
                return usage();
            };
            work(Duration::from_secs(secs));
            return ExitCode::SUCCESS;
        }
        _ => return usage(),
    }

    println!("Parent process id: {}", process::id());
    let start = Instant::now();
    let me = env::current_exe().expect("find our own executable");
    // `spawn` starts a process and returns at once, like `Process.start()`.
    let mut p1 = Command::new(&me)
        .args(["worker", "1"])
        .spawn()
        .expect("start p1");
    let mut p2 = Command::new(&me)
        .args(["worker", "1"])
        .spawn()
        .expect("start p2");
    // `wait` blocks until that process has exited, like `Process.join()`.
    // Both are waited for before either status is looked at.
    let s1 = p1.wait().expect("wait for p1");
    let s2 = p2.wait().expect("wait for p2");
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
    if s1.success() && s2.success() {
        ExitCode::SUCCESS
    } else {
        eprintln!("a worker failed: p1 {s1}, p2 {s2}");
        ExitCode::FAILURE
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-02-child-processes (workers are started as: worker SECONDS)");
    ExitCode::from(2)
}
