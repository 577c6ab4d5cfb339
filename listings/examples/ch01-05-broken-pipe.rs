//! A child writes to a pipe whose reader has gone: `println!` panics, and a
//! `writeln!` that checks its `io::Result` can exit quietly instead.
use std::env;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, ExitCode, Stdio};

/// Writes lines until the reader goes away: `println!` panics on the error.
fn print_forever() -> ExitCode {
    for i in 0.. {
        println!("line {i}");
    }
    ExitCode::SUCCESS
}

/// The same, but a closed pipe means "nobody wants more": stop, with success.
fn write_forever() -> ExitCode {
    let mut out = io::stdout().lock();
    for i in 0.. {
        if let Err(error) = writeln!(out, "line {i}") {
            if error.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("cannot write: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Runs a copy of this program, reads one line, and closes the pipe, as `| head -1` does.
fn run(mode: &str) -> io::Result<()> {
    let mut child = Command::new(env::current_exe()?)
        .arg(mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first)?; // the reader is dropped here
    let mut errors = String::new();
    stderr.read_to_string(&mut errors)?;
    let status = child.wait()?;
    println!("{mode}: read {first:?}, then closed the pipe; {status}");
    // The panic message, without the line before it, which names the thread and its id.
    if let Some(line) = errors.lines().find(|line| line.contains("Broken pipe")) {
        println!("  its stderr: {line}");
    }
    Ok(())
}

fn main() -> io::Result<ExitCode> {
    match env::args().nth(1).as_deref() {
        Some("println") => Ok(print_forever()),
        Some("writeln") => Ok(write_forever()),
        _ => {
            run("println")?;
            run("writeln")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
