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
    if !args.is_empty() {
        let [mode, secs] = args.as_slice() else {
            return usage();
        };
        let ("worker", Ok(secs)) = (mode.as_str(), secs.parse()) else {
            return usage();
        };
        work(Duration::from_secs(secs));
        return ExitCode::SUCCESS;
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
    let s1 = p1.wait().expect("wait for p1");
    let s2 = p2.wait().expect("wait for p2");
    assert!(s1.success() && s2.success(), "a worker failed");
    println!("Finished in {:.2} seconds", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-02-child-processes (the parent takes no arguments)");
    ExitCode::from(2)
}
