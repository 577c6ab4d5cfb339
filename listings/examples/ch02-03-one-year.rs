//! One chunk of a bigger job: extracts the year named on the command line,
//! and rejects a missing, malformed or out-of-range year with exit code 2.
use std::env;
use std::process::{self, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: all
const FIRST_YEAR: u16 = 2013;
const LAST_YEAR: u16 = 2023;

/// The work for one chunk. The sleep stands for reading a year of data.
fn extract(year: u16) -> u32 {
    thread::sleep(Duration::from_secs(1));
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    if leap { 366 } else { 365 }
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let year = match args.as_slice() {
        [year] => year,
        _ => return usage(),
    };
    let Ok(year) = year.parse::<u16>() else {
        eprintln!("error: {year:?} is not a year");
        return usage();
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        eprintln!("error: no data for {year}: the data covers {FIRST_YEAR} to {LAST_YEAR}");
        return usage();
    }

    let start = Instant::now();
    let days = extract(year);
    println!(
        "{year}: {days} days extracted in {:.2} seconds by process {}",
        start.elapsed().as_secs_f64(),
        process::id()
    );
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: ch02-03-one-year YEAR (one year, {FIRST_YEAR} to {LAST_YEAR})");
    ExitCode::from(2)
}
// ANCHOR_END: all
