//! A setting from the environment, `int(os.environ.get("WORKERS", "4"))`. With no
//! arguments, the program runs itself with `WORKERS` unset, set, set to a word, and set
//! to a byte that is not UTF-8.
use std::env::{self, VarError};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, ExitCode};

// ANCHOR: workers
/// The number of workers: `WORKERS`, or 4 if it is not set.
fn workers() -> Result<usize, String> {
    match env::var("WORKERS") {
        Err(VarError::NotPresent) => Ok(4),
        Err(VarError::NotUnicode(value)) => Err(format!("WORKERS={value:?} is not UTF-8")),
        Ok(value) => value
            .parse()
            .map_err(|e| format!("WORKERS={value:?} is not a number: {e}")),
    }
}
// ANCHOR_END: workers

fn child() -> ExitCode {
    match workers() {
        Ok(workers) => {
            println!("{workers} workers");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn parent() -> Result<(), String> {
    let exe = env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let values: [Option<&OsStr>; 4] = [
        None,
        Some("8".as_ref()),
        Some("many".as_ref()),
        Some(OsStr::from_bytes(b"\xff")),
    ];
    for value in values {
        let mut command = Command::new(&exe);
        command.arg("child");
        match value {
            None => command.env_remove("WORKERS"),
            Some(value) => command.env("WORKERS", value),
        };
        let output = command.output().map_err(|e| format!("cannot run: {e}"))?;
        let said = [output.stdout, output.stderr].concat();
        let said = String::from_utf8_lossy(&said);
        let setting = value.map_or("unset".to_string(), |value| format!("{value:?}"));
        println!("WORKERS {setting}: {}, {}", said.trim_end(), output.status);
    }
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!("usage: ch01-05-env-config (the parent runs itself as: child)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => match parent() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
        [mode] if mode == "child" => child(),
        _ => usage(),
    }
}
