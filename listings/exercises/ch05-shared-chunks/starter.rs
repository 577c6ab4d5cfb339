//! Exercise 5-1: the primes below a limit on N threads that take chunks from
//! a shared counter, so that no thread is left with the dearest numbers.
use std::process::ExitCode;
use std::thread;
use std::time::Instant;

/// The primes in `start..end` by trial division: Listing 5-1's test.
fn count_primes(start: u64, end: u64) -> usize {
    (start.max(2)..end)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

/// Listing 5-1's two halves: two threads, the same count of numbers each,
/// not the same work.
fn two_halves(limit: u64) -> usize {
    let middle = limit / 2;
    thread::scope(|s| {
        let low = s.spawn(|| count_primes(0, middle));
        let high = s.spawn(|| count_primes(middle, limit));
        low.join().unwrap() + high.join().unwrap()
    })
}

/// What one thread did.
#[derive(Debug)]
struct Share {
    /// The chunks it counted, as `(start, end)`, in the order it took them.
    chunks: Vec<(u64, u64)>,
    /// The primes that `count` found in them.
    primes: usize,
}

/// Counts the primes in `0..limit` on `threads` scoped threads (at least 1),
/// all running at the same time, by calling `count(start, end)` once for
/// each chunk. The chunks have `chunk` numbers each (at least 1) and are
/// numbered from 0: chunk `i` starts at `i * chunk`, and the last one ends at
/// `limit`. Each thread takes the number of the next chunk from one shared
/// `AtomicUsize`, with `fetch_add`, counts that chunk, and takes another,
/// until the number it gets is past the last chunk: the chunks go out in
/// increasing order, chunk 0 first. Returns the primes counted and what each
/// thread did, one `Share` per thread.
fn shared_chunks(
    limit: u64,
    chunk: u64,
    threads: usize,
    count: impl Fn(u64, u64) -> usize + Sync,
) -> (usize, Vec<Share>) {
    // One `AtomicUsize` for the next chunk's number
    // (`use std::sync::atomic::{AtomicUsize, Ordering};`), `threads` scoped
    // threads that each take numbers from it with `fetch_add` and count their
    // chunks into a `Share`, and the shares that `join` returns.
    todo!(
        "the primes below {limit} in chunks of {chunk} on {threads} threads, with {}",
        std::any::type_name_of_val(&count)
    )
}

fn main() -> ExitCode {
    // `debug_assertions` are on in the dev profile: `cargo run` without `--release`.
    if cfg!(debug_assertions) {
        eprintln!(
            "This is a debug build, and it would time unoptimised code.\n\
             Run it with: cargo run --release -p ch05-shared-chunks"
        );
        return ExitCode::from(2);
    }
    let (limit, chunk) = (1_500_000, 10_000);
    let threads = thread::available_parallelism().map_or(1, |n| n.get());

    let start = Instant::now();
    let primes = count_primes(0, limit);
    let one = start.elapsed().as_secs_f64();
    println!("one thread:    {primes} primes in {one:.3} s");

    let start = Instant::now();
    let primes = two_halves(limit);
    let time = start.elapsed().as_secs_f64();
    println!(
        "two halves:    {primes} primes in {time:.3} s, {:.2}x",
        one / time
    );

    let start = Instant::now();
    let (primes, shares) = shared_chunks(limit, chunk, threads, count_primes);
    let time = start.elapsed().as_secs_f64();
    println!(
        "shared chunks: {primes} primes in {time:.3} s, {:.2}x, on {threads} threads:",
        one / time
    );
    for (i, share) in shares.iter().enumerate() {
        let numbers: u64 = share.chunks.iter().map(|(start, end)| end - start).sum();
        println!(
            "  thread {i}: {} chunks, {numbers} numbers, {} primes",
            share.chunks.len(),
            share.primes
        );
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
