//! Two threads print short lines to stdout, three ways. Each way runs in a
//! child process (this program, started again with an argument), whose lines
//! `main` reads back and checks: a torn line is one that is not a whole line
//! of one thread.
use std::env;
use std::io::{self, Write};
use std::process::{Command, ExitCode};
use std::thread;

const LINES: usize = 20_000; // per thread

// ANCHOR: shout
fn shout(letter: char, how: &str) {
    let line = letter.to_string().repeat(8);
    for _ in 0..LINES {
        match how {
            // One call: stdout stays locked for the whole line.
            "println" => println!("{line}"),
            // Two calls: another thread may take the lock between them.
            "print" => {
                print!("{line}");
                println!();
            }
            // One lock held across both writes.
            _ => {
                let mut out = io::stdout().lock();
                write!(out, "{line}").unwrap();
                writeln!(out).unwrap();
            }
        }
    }
}

fn two_threads(how: &str) {
    thread::scope(|s| {
        s.spawn(|| shout('A', how));
        s.spawn(|| shout('B', how));
    });
}
// ANCHOR_END: shout

const WAYS: [(&str, &str); 3] = [
    ("println", "println!(\"{line}\")"),
    ("print", "print!(\"{line}\"); println!()"),
    ("lock", "stdout().lock(), write!, writeln!"),
];

/// Runs `two_threads(how)` in a child process and counts its torn lines.
fn count_torn(how: &str, label: &str) -> Result<(), String> {
    let exe = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let child = Command::new(exe)
        .arg(how)
        .output()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    if !child.status.success() {
        return Err(format!("the child `{how}` failed: {}", child.status));
    }
    let out = String::from_utf8_lossy(&child.stdout);
    let whole = ["AAAAAAAA", "BBBBBBBB"];
    let lines: Vec<&str> = out.lines().collect();
    let torn: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !whole.contains(l))
        .collect();
    let example = torn
        .first()
        .map(|l| format!(", such as {l:?}"))
        .unwrap_or_default();
    println!(
        "{:35} {} lines, {} torn{example}",
        format!("{label}:"),
        lines.len(),
        torn.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            for (how, label) in WAYS {
                if let Err(error) = count_torn(how, label) {
                    eprintln!("error: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        [how] if WAYS.iter().any(|(name, _)| name == how) => two_threads(how),
        _ => {
            eprintln!("usage: ch01-02-println-lines [println | print | lock]");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
