//! Runs other programs, option by option as Python's `subprocess.run` takes them.
use std::io::ErrorKind;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitCode, Stdio};

/// `subprocess.run(cmd, capture_output=True, text=True, check=True).stdout`
fn run(command: &mut Command) -> Result<String, String> {
    let program = command.get_program().to_string_lossy().into_owned();
    // An `Err` here is a program that could not start; its exit status comes below.
    let output = command
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !output.status.success() {
        // No `check=True`: a failure is a status to test, and its stderr the explanation.
        let stderr = String::from_utf8_lossy(&output.stderr);
        let (status, stderr) = (output.status, stderr.trim_end());
        return Err(format!("{program} failed ({status}): {stderr}"));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{program} printed non-UTF-8: {e}"))
}

fn programs() -> Result<(), String> {
    let out = run(Command::new("printf").args(["%s\n", "one", "two"]))?;
    println!("capture_output=True, text=True: {out:?}");

    let failing = run(Command::new("sh").args(["-c", "echo 'disk full' >&2; exit 3"]));
    println!("check=True: {failing:?}");

    // Killed by a signal: no exit code, and `ExitStatusExt::signal()` (Unix) names it.
    let killed = Command::new("sh")
        .args(["-c", "kill -9 $$"])
        .status()
        .map_err(|e| format!("cannot run sh: {e}"))?;
    let (code, signal) = (killed.code(), killed.signal());
    println!("killed: {killed}, code() {code:?}, signal() {signal:?}");

    // The error names no program, which is why `run` adds the name.
    match Command::new("no-such-program").output() {
        Err(e) if e.kind() == ErrorKind::NotFound => println!("no such program: {e}"),
        other => println!("unexpected: {other:?}"),
    }

    let out = run(Command::new("pwd").current_dir("/tmp"))?;
    println!("cwd=\"/tmp\": {out:?}");

    // `env` adds to the environment the child inherits; `env_clear` empties it first.
    let script = r#"echo "GREETING=$GREETING, PATH ${PATH:+inherited}""#;
    let mut greet = Command::new("sh");
    greet.args(["-c", script]).env("GREETING", "hi");
    println!("env(...) adds: {:?}", run(&mut greet)?);
    let out = run(Command::new("env").env_clear().env("GREETING", "hi"))?;
    println!("env_clear() then env(...): {out:?}");

    let status = Command::new("sh")
        .args(["-c", "echo nobody sees this"])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run sh: {e}"))?;
    println!("stdout=DEVNULL: {status}");

    // `output()` gives the child an empty stdin: `wc` reads no input and returns at once.
    let out = run(Command::new("wc").arg("-c"))?;
    println!("stdin of output(): {out:?}");

    let out = run(Command::new("sh").args(["-c", "printf '%s\\n' pear apple fig | sort"]))?;
    println!("shell=True: {out:?}");

    // Pasted into a script, a value is split by the shell; passed as an argument, it is not.
    let name = "two words";
    let script = format!("printf '<%s>' {name}");
    let pasted = run(Command::new("sh").args(["-c", &script]))?;
    println!("pasted into the script: {pasted}");
    let script = r#"printf '<%s>' "$1""#;
    let passed = run(Command::new("sh").args(["-c", script, "sh", name]))?;
    println!("passed as $1: {passed}");
    let direct = run(Command::new("printf").args(["<%s>", name]))?;
    println!("no shell at all: {direct}");

    // printf ... | sort: the first child's stdout becomes the second one's stdin.
    let mut first = Command::new("printf")
        .args(["%s\n", "pear", "apple", "fig"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run printf: {e}"))?;
    let pipe = first.stdout.take().expect("stdout was piped");
    let sorted = run(Command::new("sort").stdin(Stdio::from(pipe)));
    // Wait for the first child too, whatever became of the second.
    let status = first.wait().map_err(|e| format!("cannot wait: {e}"))?;
    println!("printf | sort: {:?}, printf {status}", sorted?);
    Ok(())
}

fn main() -> ExitCode {
    match programs() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
