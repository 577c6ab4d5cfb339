//! Exercise 2-1: a pool of worker processes over chunks, reporting the chunks
//! that fail and still finishing the rest.
use std::env;
use std::process::{Command, ExitCode};

/// What the pool brings back.
#[derive(Debug, PartialEq)]
struct Report {
    /// The sum of what the chunks that succeeded printed.
    total: u64,
    /// The chunks that failed, in increasing order.
    failed: Vec<usize>,
}

/// Runs `command(chunk)` for every chunk in `0..chunks`, with at most
/// `workers` child processes at a time: as soon as one ends, its worker
/// starts the next chunk that has not started yet. A chunk succeeds if its
/// process exits with success and prints one number (its result) on stdout;
/// a chunk whose process fails, prints something else, or cannot even start
/// is reported in `failed`, and the pool goes on with the other chunks.
fn run_pool(chunks: usize, workers: usize, command: impl Fn(usize) -> Command + Sync) -> Report {
    // A pool of `workers` threads, like Listing 2-10's, that tells the chunks
    // that succeed from those that fail.
    todo!(
        "{chunks} chunks on {workers} workers, starting with {:?}",
        command(0)
    )
}

/// Run as `chunk N`: sum the numbers of chunk N of 1..=1_000_000 (ten chunks).
/// Chunk 7 stands for bad data: it fails.
fn chunk(n: u64) -> ExitCode {
    if n == 7 {
        eprintln!("chunk 7: bad data");
        return ExitCode::FAILURE;
    }
    let sum: u64 = (n * 100_000 + 1..=(n + 1) * 100_000).sum();
    println!("{sum}");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [mode, n] if mode == "chunk" => {
            let Ok(n) = n.parse() else {
                return usage();
            };
            return chunk(n);
        }
        _ => return usage(),
    }
    let me = env::current_exe().expect("find our own executable");
    let report = run_pool(10, 4, |n| {
        let mut command = Command::new(&me);
        command.args(["chunk", &n.to_string()]);
        command
    });
    println!("{report:?}");
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-chunks (the pool starts itself as `chunk N`)");
    ExitCode::from(2)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
