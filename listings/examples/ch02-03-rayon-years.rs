//! The same yearly chunks in one process: rayon runs them on its thread pool
//! and hands the results back in order.
use rayon::prelude::*;
use std::process;
use std::thread;
use std::time::{Duration, Instant};

/// The work for one chunk, as in the one-year program.
fn extract(year: u16) -> u32 {
    thread::sleep(Duration::from_secs(1));
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    if leap { 366 } else { 365 }
}

// ANCHOR: all
fn main() {
    let years: Vec<u16> = (2020..=2022).collect();
    println!(
        "Extracting {} years in process {} on {} threads",
        years.len(),
        process::id(),
        rayon::current_num_threads()
    );

    let start = Instant::now();
    let days: Vec<u32> = years.par_iter().map(|&year| extract(year)).collect();
    let elapsed = start.elapsed().as_secs_f64();

    for (year, days) in years.iter().zip(&days) {
        println!("{year}: {days} days");
    }
    let total: u32 = days.iter().sum();
    println!("All years extracted in {elapsed:.2} seconds ({total} days)");
    let rounds = years.len().div_ceil(rayon::current_num_threads());
    println!(
        "{} years / {} threads = {rounds} rounds of {:.2} seconds",
        years.len(),
        rayon::current_num_threads(),
        elapsed / rounds as f64
    );
}
// ANCHOR_END: all
