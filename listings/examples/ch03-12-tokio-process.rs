//! Child processes from async code with `tokio::process`: collect all a child printed with
//! `output().await`, or read its lines as they come and then `wait().await` for it. The
//! children are this same program, run again with `count N`.
use std::env;
use std::process::{ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// The child: prints `n` lines, 30 ms apart.
fn count(n: u32) {
    for i in 1..=n {
        thread::sleep(Duration::from_millis(30));
        println!("line {i} of {n}");
    }
}

// ANCHOR: parent
async fn parent() -> std::io::Result<()> {
    let exe = env::current_exe()?;

    // All at once: output() pipes stdout and stderr and waits for the exit.
    let output = Command::new(&exe).args(["count", "3"]).output().await?;
    let text = String::from_utf8_lossy(&output.stdout);
    println!(
        "output(): {}, {:?}",
        output.status,
        text.lines().collect::<Vec<_>>()
    );

    // Line by line, while the child runs.
    let start = Instant::now();
    let mut child = Command::new(&exe)
        .args(["count", "3"])
        .stdout(Stdio::piped())
        .kill_on_drop(true) // should this task be dropped, the child goes too
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        println!("{:>4} ms  read {line:?}", start.elapsed().as_millis());
    }
    let status = child.wait().await?; // the end of its output is not its exit
    println!("{:>4} ms  wait(): {status}", start.elapsed().as_millis());
    Ok(())
}
// ANCHOR_END: parent

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-tokio-process [count N]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            let runtime = tokio::runtime::Runtime::new().expect("cannot start tokio");
            match runtime.block_on(parent()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        [mode, n] if mode == "count" => {
            let Ok(n) = n.parse() else {
                return usage();
            };
            count(n);
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}
