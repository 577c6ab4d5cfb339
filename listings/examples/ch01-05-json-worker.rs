//! The parent sends jobs to a worker process (this same program) as lines of JSON, and
//! reads the worker's reports back the same way.
use std::env;
use std::io::{self, BufRead, BufReader, Write};
use std::process::{ChildStdin, Command, ExitCode, Stdio};
use std::thread;

use serde::{Deserialize, Serialize};

/// What the parent asks for.
#[derive(Serialize, Deserialize)]
struct Job {
    id: u32,
    text: String,
}

/// What the worker answers.
#[derive(Debug, Serialize, Deserialize)]
struct Report {
    id: u32,
    words: usize,
    lines: usize,
    longest: Option<String>,
}

fn worker() -> Result<(), String> {
    let mut out = io::stdout().lock();
    // One job per line, until the parent closes our stdin.
    for line in io::stdin().lines() {
        let line = line.map_err(|e| format!("cannot read a job: {e}"))?;
        let job: Job = serde_json::from_str(&line).map_err(|e| format!("bad job {line:?}: {e}"))?;
        let words: Vec<&str> = job.text.split_whitespace().collect();
        let longest = words.iter().max_by_key(|word| word.len());
        let report = Report {
            id: job.id,
            words: words.len(),
            lines: job.text.lines().count(),
            longest: longest.map(|word| word.to_string()),
        };
        let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
        // stdout flushes at each newline, so the parent gets each report at once.
        writeln!(out, "{json}").map_err(|e| format!("cannot send a report: {e}"))?;
    }
    Ok(())
}

/// Writes one job per line. `stdin` is dropped at the end, which closes the pipe: the
/// worker then reads the end of its input.
fn send(mut stdin: ChildStdin, lines: &[String]) -> io::Result<()> {
    for json in lines {
        writeln!(stdin, "{json}")?;
    }
    Ok(())
}

/// Reads reports until the worker closes its stdout. On an error, returning drops
/// `stdout`, our end of the pipe, so a worker still writing is not left waiting.
fn receive(stdout: impl BufRead) -> Result<(), String> {
    for line in stdout.lines() {
        let line = line.map_err(|e| format!("cannot read a report: {e}"))?;
        let report: Report =
            serde_json::from_str(&line).map_err(|e| format!("bad report {line:?}: {e}"))?;
        println!("got  {line}");
        println!("     {report:?}");
    }
    Ok(())
}

fn parent() -> Result<(), String> {
    let mut lines = Vec::new();
    for (id, text) in (1..).zip(["a parallel world", "two\nlines", ""]) {
        let job = Job {
            id,
            text: text.to_string(),
        };
        let json = serde_json::to_string(&job).map_err(|e| e.to_string())?;
        println!("sent {json}");
        lines.push(json);
    }

    let me = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let mut child = Command::new(me)
        .arg("worker")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the worker: {e}"))?;
    let stdin = child.stdin.take().expect("stdin was piped");
    let stdout = BufReader::new(child.stdout.take().expect("stdout was piped"));
    // Write on another thread while this one reads: with more than the pipes hold,
    // writing every job before reading would deadlock.
    let (received, sent) = thread::scope(|scope| {
        let writer = scope.spawn(|| send(stdin, &lines));
        let received = receive(stdout);
        (received, writer.join().expect("the writer does not panic"))
    });
    // Wait for the worker even after an error: a dropped `Child` is not waited for.
    let status = child.wait().map_err(|e| format!("cannot wait: {e}"))?;
    received?;
    if !status.success() {
        return Err(format!("the worker failed: {status}"));
    }
    sent.map_err(|e| format!("cannot send a job: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => parent(),
        [mode] if mode == "worker" => worker(),
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

fn usage() -> ExitCode {
    eprintln!("usage: ch01-05-json-worker (the worker is started as: worker)");
    ExitCode::from(2)
}
