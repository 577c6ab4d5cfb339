//! Exercise 2-2: the years in one process, on a rayon pool of a given size,
//! each year split into days so that every thread has work to the end.
use std::hint::black_box;
use std::time::Instant;

use rayon::prelude::*;

/// The days of `year`, or why the year cannot be extracted: years outside
/// 1900..=2100 are not in the data set.
fn days_in(year: i32) -> Result<u32, String> {
    if !(1900..=2100).contains(&year) {
        return Err(format!("{year} is not in the data set"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Ok(if leap { 366 } else { 365 })
}

/// One day of a year's data: pure computation, as in Listing 2-15. Returns
/// the days done (1).
fn day(year: i32, day: u32) -> u64 {
    let mut x = (year as u64) << 16 | u64::from(day);
    for _ in 0..100_000 {
        x = black_box(x ^ (x << 13) ^ (x >> 7)); // black_box: keep every step
    }
    1
}

/// Extracts every year of `years` on a rayon pool of `threads` threads:
/// each day of a year is a job of its own, `day(year, d)` for each `d` in
/// `0..days`, and a year's result is the sum of its days' results. The
/// results come back in the order of `years`; a year that `days_in` rejects
/// gives its error in its place, and the other years are still extracted.
fn extract_all(
    years: &[i32],
    threads: usize,
    day: impl Fn(i32, u32) -> u64 + Sync,
) -> Vec<Result<u64, String>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("build a thread pool");
    pool.install(|| {
        years
            .par_iter()
            .map(|&year| {
                let days = days_in(year)?;
                // The days of one year are jobs too: a thread that is done with
                // its own year takes days from a year that is not finished.
                Ok((0..days).into_par_iter().map(|d| day(year, d)).sum())
            })
            .collect() // an indexed parallel iterator collects in its input's order
    })
}

fn main() {
    let years = [2020, 2021, 1850, 2022];
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let days: u32 = years.iter().filter_map(|&year| days_in(year).ok()).sum();
    println!(
        "{} years, {days} days in the data set, on {threads} threads:",
        years.len()
    );
    for (year, result) in years.iter().zip(extract_all(&years, threads, day)) {
        println!("{year}: {result:?}");
    }

    let start = Instant::now();
    extract_all(&years, 1, day);
    let one = start.elapsed().as_secs_f64();
    let start = Instant::now();
    extract_all(&years, threads, day);
    let all = start.elapsed().as_secs_f64();
    println!(
        "1 thread: {one:.2} s; {threads} threads: {all:.2} s ({:.1} times faster)",
        one / all
    );
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
