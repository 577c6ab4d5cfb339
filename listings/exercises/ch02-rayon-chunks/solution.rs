//! Exercise 2-2: all the chunks in one process with rayon, each failure
//! reported in its place.
use std::thread;
use std::time::Duration;

use rayon::prelude::*;

/// Extracts one year (the chunk): waits 100 ms, standing for reading the
/// data, and counts the year's days. Years outside 1900..=2100 are not in
/// the data set.
fn extract(year: i32) -> Result<u32, String> {
    thread::sleep(Duration::from_millis(100));
    if !(1900..=2100).contains(&year) {
        return Err(format!("{year} is not in the data set"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Ok(if leap { 366 } else { 365 })
}

/// Runs `extract` on every year, on a rayon pool of `threads` threads
/// (build one with `rayon::ThreadPoolBuilder` and run the work in its
/// `install`). The results come back in the order of `years`, a failed
/// year's error in its place: one bad chunk does not stop the others.
fn extract_all(
    years: &[i32],
    threads: usize,
    extract: impl Fn(i32) -> Result<u32, String> + Sync,
) -> Vec<Result<u32, String>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("build a thread pool");
    // `collect` on an indexed parallel iterator keeps the input's order.
    pool.install(|| years.par_iter().map(|&year| extract(year)).collect())
}

fn main() {
    let years: Vec<i32> = (1998..=2005).chain([1850]).collect();
    for (year, result) in years.iter().zip(extract_all(&years, 4, extract)) {
        println!("{year}: {result:?}");
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
