//! A timeout around a read of `tokio::io::stdin()` gives up on the read, but the read goes
//! on, on a thread of tokio's blocking pool, and the runtime waits for it when `main`
//! returns. The parent runs this program three times with a stdin it never writes: reading
//! with `tokio::io::stdin()`, the same with `shutdown_background()`, and on a thread of its
//! own.
use std::env;
use std::io;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::thread;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;
use tokio::time::timeout;

const PATIENCE: Duration = Duration::from_millis(100);
const MODES: [&str; 3] = ["runtime-drop", "shutdown-background", "thread"];

// ANCHOR: child
/// Waits a moment for a line on stdin, read by tokio on a blocking-pool thread.
async fn ask_tokio() {
    let mut line = String::new();
    let mut stdin = BufReader::new(tokio::io::stdin());
    // The timeout drops the read_line future; the blocking read it started goes on.
    match timeout(PATIENCE, stdin.read_line(&mut line)).await {
        Ok(_) => println!("read {line:?}"),
        Err(_) => println!("no line within 100 ms, giving up"),
    }
}

/// The same, with the blocking read on a thread of our own, which `main` returning ends.
async fn ask_thread() {
    let (sender, mut lines) = mpsc::channel(1);
    thread::spawn(move || {
        for line in io::stdin().lines() {
            if sender.blocking_send(line).is_err() {
                return; // nobody is listening any more
            }
        }
    });
    match timeout(PATIENCE, lines.recv()).await {
        Ok(line) => println!("read {line:?}"),
        Err(_) => println!("no line within 100 ms, giving up"),
    }
}

fn child(mode: &str) -> io::Result<()> {
    let runtime = Runtime::new()?;
    match mode {
        // The runtime, dropped on return, waits for the read: until stdin has a line or ends.
        "runtime-drop" => runtime.block_on(ask_tokio()),
        // Waits for none of them: the thread and its read end with the process.
        "shutdown-background" => {
            runtime.block_on(ask_tokio());
            runtime.shutdown_background();
        }
        _ => runtime.block_on(ask_thread()),
    }
    Ok(())
}
// ANCHOR_END: child

async fn parent(exe: &Path) -> io::Result<()> {
    for mode in MODES {
        let mut child = Command::new(exe)
            .arg(mode)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        // Held, not in the `Child`: `wait()` would close it first.
        let stdin = child.stdin.take().expect("stdin was piped");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout was piped"));
        let mut said = String::new();
        stdout.read_line(&mut said).await?;
        print!("{mode}: {said}");
        match timeout(Duration::from_secs(1), child.wait()).await {
            Ok(status) => println!("  exited, its stdin still open: {}", status?),
            Err(_) => {
                println!("  still running 1 s later");
                drop(stdin); // the child's read returns: the end of its input
                println!("  its stdin closed: {}", child.wait().await?);
            }
        }
    }
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-async-stdin [runtime-drop | shutdown-background | thread]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => env::current_exe().and_then(|exe| Runtime::new()?.block_on(parent(&exe))),
        [mode] if MODES.contains(&mode.as_str()) => child(mode),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
