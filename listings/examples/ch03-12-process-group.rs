//! A shell killed alone leaves its own child running; killed as a process group, it does
//! not. Unix only: process groups, and the shell's `kill`.
use std::io::{self, BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};

/// `kill -s SIGNAL -- TARGET` with the shell's `kill`: a target `-PGID` is a process group,
/// as `os.killpg` takes it, and the signal `0` only asks whether the target exists.
fn kill(signal: &str, target: &str) -> io::Result<bool> {
    let script = format!("kill -s {signal} -- {target} 2>/dev/null");
    Ok(Command::new("sh").args(["-c", &script]).status()?.success())
}

/// Sends `SIGKILL` to the group when dropped, unless disarmed: its processes are in no
/// group of ours, so an early return would leave them running.
struct KillOnDrop(Option<u32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(pgid) = self.0 {
            let _ = kill("KILL", &format!("-{pgid}"));
        }
    }
}

/// A shell that runs a long job in the background and waits for it, in a process group
/// of its own (whose id is the shell's pid). Returns once the job has started.
fn start_shell() -> io::Result<(Child, KillOnDrop, BufReader<ChildStdout>, String)> {
    let mut shell = Command::new("sh")
        .args(["-c", "sleep 120 & echo $!; wait"])
        .process_group(0)
        .stdout(Stdio::piped())
        .spawn()?;
    let guard = KillOnDrop(Some(shell.id()));
    let mut stdout = BufReader::new(shell.stdout.take().expect("stdout was piped"));
    let mut sleep_pid = String::new();
    stdout.read_line(&mut sleep_pid)?; // `$!`, printed after `sleep` was started
    Ok((shell, guard, stdout, sleep_pid.trim().to_string()))
}

fn groups() -> io::Result<()> {
    // `proc.kill()` on the shell alone: SIGKILL ends it, not its child.
    let (mut shell, guard, _stdout, sleep_pid) = start_shell()?;
    shell.kill()?;
    let status = shell.wait()?;
    let alive = kill("0", &sleep_pid)?;
    println!("kill() the shell: {status}; its sleep {sleep_pid} still running: {alive}");
    drop(guard); // SIGKILL to the group: the sleep too

    // `os.killpg(proc.pid, signal.SIGTERM)`: every process of the group gets the signal.
    let (mut shell, mut guard, mut stdout, _) = start_shell()?;
    kill("TERM", &format!("-{}", shell.id()))?;
    // The sleep holds the pipe's write end too: the end of the output means it has exited.
    stdout.read_to_end(&mut Vec::new())?;
    guard.0 = None; // the group is empty: once the shell is reaped, its id may be reused
    println!(
        "SIGTERM to the group: the shell {}, its stdout closed",
        shell.wait()?
    );
    Ok(())
}

fn main() -> ExitCode {
    match groups() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
