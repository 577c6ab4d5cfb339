//! A CPU-bound job run twice on one thread, then once on each of two threads:
//! Rust threads have no global lock, so two cores finish it in about half the time.
use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

/// Counts the primes below `limit` by trial division: pure CPU work.
fn count_primes(limit: u64) -> usize {
    (2..limit)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

const LIMIT: u64 = 200_000;
const ROUNDS: u32 = 12;

/// Two jobs, one after the other, on this thread.
fn on_one_thread() -> Duration {
    let start = Instant::now();
    black_box(count_primes(black_box(LIMIT)));
    black_box(count_primes(black_box(LIMIT)));
    start.elapsed()
}

/// The same two jobs, one on each of two threads.
fn on_two_threads() -> Duration {
    let start = Instant::now();
    thread::scope(|s| {
        s.spawn(|| black_box(count_primes(black_box(LIMIT))));
        s.spawn(|| black_box(count_primes(black_box(LIMIT))));
    });
    start.elapsed()
}

fn main() {
    println!("one job: {} primes below {LIMIT}", count_primes(LIMIT));
    // Other programs share the machine: keep the best of a few rounds.
    let (mut one, mut two) = (Duration::MAX, Duration::MAX);
    for _ in 0..ROUNDS {
        one = one.min(on_one_thread());
        two = two.min(on_two_threads());
    }
    println!("2 jobs on 1 thread:  {} ms", one.as_millis());
    println!("2 jobs on 2 threads: {} ms", two.as_millis());
    let speedup = one.as_secs_f64() / two.as_secs_f64();
    println!("speedup: {speedup:.1}x (best of {ROUNDS} rounds)");
}
