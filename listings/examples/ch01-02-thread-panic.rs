//! A thread that panics: the panic hook prints its message on stderr, and
//! `join` hands the panic to the joining thread as an `Err`.
use std::any::Any;
use std::process::ExitCode;
use std::thread;

fn parse(text: &str) -> u64 {
    text.parse()
        .unwrap_or_else(|e| panic!("cannot parse {text:?}: {e}"))
}

/// The message of a panic's payload: `panic!("literal")` carries a `&str`,
/// `panic!` with arguments usually a `String` (which one is not promised).
fn message(payload: &(dyn Any + Send)) -> &str {
    match payload.downcast_ref::<&str>() {
        Some(text) => text,
        None => payload.downcast_ref::<String>().map_or("?", String::as_str),
    }
}

fn main() -> ExitCode {
    let handles: Vec<_> = ["12", "x7"]
        .into_iter()
        .map(|text| thread::spawn(move || parse(text)))
        .collect();
    // By the time a `join` returns `Err`, the panic hook has printed its message.
    let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
    let mut failed = false;
    for result in results {
        match result {
            Ok(n) => println!("Ok({n})"),
            Err(payload) => {
                println!("Err: the thread panicked: {}", message(&*payload));
                failed = true;
            }
        }
    }
    // The caller decides what a crashed thread means: here, a failed run.
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
