//! A child that takes too long: a timeout, then `SIGKILL`; `SIGTERM`, a grace period, then
//! `SIGKILL`; and a child's stdin written while its stdout is read. The children are this
//! same program, run again with `sleep MILLIS`, `polite`, `stubborn` or `upper`.
use std::env;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{ExitCode, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdout, Command};
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_millis(50);

// ANCHOR: std
/// `subprocess.run(cmd, timeout=t)` for threads: std's `wait` has no timeout, so poll.
fn wait_timeout(
    child: &mut std::process::Child,
    limit: Duration,
) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        thread::sleep(left.min(Duration::from_millis(5)));
    }
}

fn std_timeout(exe: &Path) -> io::Result<()> {
    let mut child = std::process::Command::new(exe)
        .args(["sleep", "10000"])
        .spawn()?;
    if wait_timeout(&mut child, LIMIT)?.is_none() {
        child.kill()?; // SIGKILL, and no wait: the child is a zombie until...
        let status = child.wait()?; // ...this reaps it
        println!("std, try_wait() for 50 ms: still running; kill(), wait(): {status}");
    }
    Ok(())
}
// ANCHOR_END: std

// ANCHOR: tokio
/// `proc.terminate()`: tokio's `Child` sends only `SIGKILL`, so ask the shell's `kill`.
async fn send_sigterm(pid: u32) -> io::Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s TERM {pid}"))
        .status()
        .await?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("kill: {status}")))
    }
}

/// `SIGTERM`, `grace` to exit, then `SIGKILL`.
async fn stop(child: &mut Child, grace: Duration) -> io::Result<ExitStatus> {
    // `id()` is `None` once the child has been waited for: its pid may then be another's.
    if let Some(pid) = child.id() {
        send_sigterm(pid).await?;
        if let Ok(status) = timeout(grace, child.wait()).await {
            return status; // wait() is cancel safe: a timeout loses nothing
        }
        child.kill().await?; // SIGKILL, then wait
    }
    child.wait().await
}

async fn timeouts(exe: &Path) -> io::Result<()> {
    // `await asyncio.wait_for(proc.wait(), t)`: the timeout drops wait(), not the child.
    let mut child = Command::new(exe).args(["sleep", "10000"]).spawn()?;
    if timeout(LIMIT, child.wait()).await.is_err() {
        child.kill().await?; // SIGKILL, then wait
        let status = child.wait().await?; // the status kill() waited for
        println!("timeout(50 ms, wait()): elapsed; kill().await: {status}");
    }
    // `subprocess.run(cmd, timeout=t)`: the dropped output() future kills its child.
    let mut command = Command::new(exe);
    command.args(["sleep", "10000"]).kill_on_drop(true);
    if timeout(LIMIT, command.output()).await.is_err() {
        println!("timeout(50 ms, output()) with kill_on_drop: elapsed, child killed");
    }
    Ok(())
}

async fn terminate_then_kill(exe: &Path) -> io::Result<()> {
    let (mut polite, stdout) = start_ready(exe, "polite").await?;
    let status = stop(&mut polite, Duration::from_secs(2)).await?;
    let said = stdout.lines().next_line().await?.unwrap_or_default();
    println!("polite child: SIGTERM; it said {said:?}, then {status}");

    let (mut stubborn, _stdout) = start_ready(exe, "stubborn").await?;
    let status = stop(&mut stubborn, Duration::from_millis(100)).await?;
    println!("stubborn child: SIGTERM, 100 ms, SIGKILL: {status}");
    Ok(())
}
// ANCHOR_END: tokio

// ANCHOR: communicate
async fn communicate(exe: &Path) -> io::Result<()> {
    let data = b"abcdefghijklmnop".repeat(65_536); // 1 MiB
    // Wrong: write everything, then read. The child fills its stdout pipe, blocks, stops
    // reading its stdin, and then this write blocks for ever.
    let mut child = upper_child(exe)?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    if timeout(Duration::from_millis(100), stdin.write_all(&data))
        .await
        .is_err()
    {
        println!("write all, then read: still writing after 100 ms");
    }
    child.kill().await?;

    // `proc.communicate(input=data)`: write and read at the same time.
    let mut child = upper_child(exe)?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let write = async move {
        stdin.write_all(&data).await?;
        drop(stdin); // closes the pipe: the child reads the end of its input
        io::Result::Ok(())
    };
    let ((), output) = tokio::try_join!(write, child.wait_with_output())?;
    println!(
        "write while reading: {}, {} bytes back, starting {:?}",
        output.status,
        output.stdout.len(),
        String::from_utf8_lossy(&output.stdout[..16])
    );
    Ok(())
}
// ANCHOR_END: communicate

async fn parent(exe: &Path) -> io::Result<()> {
    timeouts(exe).await?;
    terminate_then_kill(exe).await?;
    communicate(exe).await
}

/// Starts a child that prints "ready" once its `SIGTERM` handler is installed, and waits
/// for that line: a `SIGTERM` before it would end the child at once.
async fn start_ready(exe: &Path, mode: &str) -> io::Result<(Child, BufReader<ChildStdout>)> {
    let mut child = Command::new(exe)
        .arg(mode)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout was piped"));
    let mut line = String::new();
    stdout.read_line(&mut line).await?;
    Ok((child, stdout)) // what else it prints is in `stdout`, or still in the pipe
}

fn upper_child(exe: &Path) -> io::Result<Child> {
    Command::new(exe)
        .arg("upper")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
}

/// The children that handle `SIGTERM`: `polite` exits, `stubborn` carries on.
async fn signal_child(polite: bool) -> io::Result<()> {
    let mut terminate = signal(SignalKind::terminate())?;
    println!("ready");
    if polite {
        terminate.recv().await;
        println!("saving my state");
    } else {
        tokio::time::sleep(Duration::from_secs(10)).await; // SIGTERMs caught, ignored
    }
    Ok(())
}

/// Copies stdin to stdout uppercased, a chunk at a time, as a filter does.
fn upper() -> io::Result<()> {
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    let mut buffer = [0; 8192];
    loop {
        let n = input.read(&mut buffer)?;
        if n == 0 {
            return Ok(());
        }
        buffer[..n].make_ascii_uppercase();
        output.write_all(&buffer[..n])?;
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: ch03-12-timeout-terminate [sleep MILLIS | polite | stubborn | upper]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => env::current_exe().and_then(|exe| {
            std_timeout(&exe)?;
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(parent(&exe))
        }),
        [mode, millis] if mode == "sleep" => {
            let Ok(millis) = millis.parse() else {
                return usage();
            };
            thread::sleep(Duration::from_millis(millis));
            Ok(())
        }
        [mode] if mode == "polite" || mode == "stubborn" => tokio::runtime::Runtime::new()
            .and_then(|runtime| runtime.block_on(signal_child(mode == "polite"))),
        [mode] if mode == "upper" => upper(),
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
