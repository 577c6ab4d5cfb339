//! Two worker processes (this same program, run again) sum halves of a range; pipes carry
//! the results.
use std::env;
use std::process::{Child, Command, ExitCode, Stdio};

// ANCHOR: all
fn worker(from: u64, to: u64) {
    let sum: u64 = (from..to).map(|n| n * n).sum();
    println!("{sum} {}", std::process::id()); // the parent reads this from a pipe
}

fn start_worker(from: u64, to: u64) -> Result<Child, String> {
    let exe = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    Command::new(exe)
        .args(["worker", &from.to_string(), &to.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start a worker: {e}"))
}

/// Waits for a worker and reads the "SUM PID" line it printed.
fn result_of(child: Child) -> Result<(u64, String), String> {
    let output = child
        .wait_with_output()
        .map_err(|e| format!("cannot wait for a worker: {e}"))?;
    if !output.status.success() {
        return Err(format!("a worker failed: {}", output.status));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let Some((sum, pid)) = text.trim().split_once(' ') else {
        return Err(format!("a worker sent {text:?}, not \"SUM PID\""));
    };
    let sum = sum
        .parse()
        .map_err(|e| format!("a worker sent {sum:?}: {e}"))?;
    Ok((sum, pid.to_string()))
}

fn parent() -> Result<(), String> {
    let n = 2_000_000u64;
    let mut children = Vec::new();
    for (from, to) in [(0, n / 2), (n / 2, n)] {
        match start_worker(from, to) {
            Ok(child) => children.push(child), // it runs now
            Err(error) => {
                // Leave no worker behind: a dropped `Child` is neither waited for nor killed.
                for mut child in children {
                    let _ = child.kill();
                    let _ = child.wait();
                }
                return Err(error);
            }
        }
    }
    // Wait for every worker, even after one has failed.
    let mut total = 0;
    let mut failed = 0;
    for child in children {
        match result_of(child) {
            Ok((sum, pid)) => {
                println!("worker pid {pid} sent {sum}");
                total += sum;
            }
            Err(error) => {
                eprintln!("error: {error}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        return Err(format!("{failed} of the 2 workers failed"));
    }
    println!("parent pid {} adds them: {total}", std::process::id());
    Ok(())
}
// ANCHOR_END: all

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-worker-processes [worker FROM TO]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => match parent() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
        [mode, from, to] if mode == "worker" => {
            let Ok(from) = from.parse() else {
                return usage();
            };
            let Ok(to) = to.parse() else {
                return usage();
            };
            worker(from, to);
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}
