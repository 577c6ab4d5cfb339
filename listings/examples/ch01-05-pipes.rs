//! A child's pipes beyond `output()`: stdout and stderr in one pipe, both pipes read at
//! the same time, and stdin written while the output is read.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, ExitCode, Stdio};
use std::thread;

const SCRIPT: &str = "echo out 1; echo err 1 >&2; echo out 2; echo err 2 >&2";

/// `subprocess.run(cmd, stdout=PIPE, stderr=STDOUT).stdout`: one pipe for both.
fn merged() -> io::Result<String> {
    let (mut reader, writer) = io::pipe()?;
    let mut command = Command::new("sh");
    command
        .args(["-c", SCRIPT])
        .stdout(writer.try_clone()?)
        .stderr(writer);
    let mut child = command.spawn()?;
    // The command still holds both write ends, and the read below ends only once every
    // write end is closed: the child's, and these.
    drop(command);
    let mut text = String::new();
    reader.read_to_string(&mut text)?;
    child.wait()?;
    Ok(text)
}

/// Both pipes read as the child writes them, stderr on a thread of its own. The child
/// writes 160 kB to stderr before its one line on stdout: read stdout to its end first,
/// and the child would wait for ever on a full stderr pipe.
fn both_at_once() -> io::Result<()> {
    let mut child = Command::new("sh")
        .args(["-c", "yes warning | head -n 20000 >&2; echo done"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let mut stderr = child.stderr.take().expect("stderr was piped");
    let warnings = thread::scope(|s| {
        let counter = s.spawn(move || io::copy(&mut stderr, &mut io::sink()));
        for line in BufReader::new(stdout).lines() {
            println!("stdout, as it comes: {}", line?);
        }
        counter.join().expect("the stderr thread panicked")
    })?;
    println!(
        "stderr, read meanwhile: {warnings} bytes; {}",
        child.wait()?
    );
    Ok(())
}

/// `subprocess.run(["tr", "a-z", "A-Z"], input=data, capture_output=True)`: 1 MiB,
/// more than the pipes hold, written on a thread while `wait_with_output` reads.
fn with_input() -> io::Result<()> {
    let data = "abcdefghijklmnop".repeat(65_536);
    let mut child = Command::new("tr")
        .args(["a-z", "A-Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let output = thread::scope(|s| {
        // `stdin` moves into the thread and is dropped when it is written: `tr` reads
        // the end of its input.
        let writer = s.spawn(move || stdin.write_all(data.as_bytes()));
        let output = child.wait_with_output();
        writer.join().expect("the writer panicked")?;
        output
    })?;
    let start = String::from_utf8_lossy(&output.stdout[..16]);
    let length = output.stdout.len();
    println!(
        "input=: {}, {length} bytes back, starting {start:?}",
        output.status
    );
    Ok(())
}

fn pipes() -> io::Result<()> {
    println!("one pipe, in the order written: {:?}", merged()?);
    let output = Command::new("sh").args(["-c", SCRIPT]).output()?;
    let (out, err) = (output.stdout, output.stderr);
    let (out, err) = (String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
    println!("output(), two pipes: stdout {out:?}, stderr {err:?}");
    both_at_once()?;
    with_input()
}

fn main() -> ExitCode {
    match pipes() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
