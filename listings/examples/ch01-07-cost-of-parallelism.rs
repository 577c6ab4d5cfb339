//! The same sum, sequential and with rayon, on a small and a large input.
use rayon::prelude::*;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The fastest of a few runs, so one unlucky pause does not decide.
fn best_of(runs: u32, mut f: impl FnMut() -> f64) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    println!("threads in rayon's pool: {}", rayon::current_num_threads());
    println!(
        "{:>10} {:>12} {:>12} {:>8}",
        "n", "sequential", "parallel", "speedup"
    );
    for n in [1_000u64, 10_000_000] {
        let data: Vec<f64> = (0..n).map(|x| x as f64).collect();
        let seq = best_of(5, || data.iter().map(|x| x.sqrt()).sum());
        let par = best_of(5, || data.par_iter().map(|x| x.sqrt()).sum());
        let speedup = seq.as_secs_f64() / par.as_secs_f64();
        println!(
            "{n:>10} {:>9} µs {:>9} µs {speedup:>7.2}x",
            seq.as_micros(),
            par.as_micros()
        );
    }
}
