//! A job that panics in a rayon pool: without a panic handler the whole
//! process aborts, taking every other job with it; with one, the pool
//! survives. Each pool runs in a child process (this program, started again
//! with an argument), so that `main` can show how the child ended.
use std::env;
use std::process::{Command, ExitCode};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// ANCHOR: jobs
/// Three jobs on a pool of three named threads; job 1 panics at once, the
/// other two return after 200 ms.
fn run_jobs(with_handler: bool) {
    let mut builder = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .thread_name(|i| format!("pool-{i}"));
    if with_handler {
        // Runs on the pool thread whose job panicked, with the panic's payload:
        // a `&str` for `panic!("literal")`, a `String` when it formats, as here.
        builder = builder.panic_handler(|payload| {
            let message = match payload.downcast_ref::<&str>() {
                Some(text) => text,
                None => payload.downcast_ref::<String>().map_or("?", String::as_str),
            };
            let thread = thread::current();
            let name = thread.name().unwrap_or("unnamed");
            println!("the panic handler on {name} got: {message}");
        });
    }
    let pool = builder.build().expect("cannot start the pool");

    let (done, results) = mpsc::channel();
    for job in 0..3 {
        let done = done.clone();
        pool.spawn(move || {
            if job == 1 {
                panic!("job {job} failed");
            }
            thread::sleep(Duration::from_millis(200));
            let _ = done.send((job, job * 10));
        });
    }
    drop(done);
    for (job, result) in results {
        println!("job {job} returned {result}");
    }
    println!("main is done");
}
// ANCHOR_END: jobs

/// Runs `run_jobs` in a child process and shows what became of it.
fn in_a_child(mode: &str) -> Result<(), String> {
    let exe = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let child = Command::new(exe)
        .arg(mode)
        .env("RUST_BACKTRACE", "0") // no backtrace on stderr
        .output()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    println!("{mode}:");
    for line in String::from_utf8_lossy(&child.stdout).lines() {
        println!("  stdout: {line}");
    }
    // Above it, stderr holds the usual "thread 'pool-N' panicked at" message.
    let stderr = String::from_utf8_lossy(&child.stderr);
    let last = stderr.lines().last().unwrap_or("");
    println!("  last line on stderr: {last}");
    println!("  the child ended with {}", child.status);
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!("usage: ch04-03-pool-panic [without-a-handler | with-a-handler]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            for mode in ["without-a-handler", "with-a-handler"] {
                if let Err(error) = in_a_child(mode) {
                    eprintln!("error: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        [mode] if mode == "without-a-handler" => run_jobs(false),
        [mode] if mode == "with-a-handler" => run_jobs(true),
        _ => return usage(),
    }
    ExitCode::SUCCESS
}
