use super::*;
use std::collections::HashSet;

fn numbers(n: u64) -> Vec<u64> {
    (1..=n).collect()
}

/// The lengths of the slices, checked to be contiguous and to cover `numbers`.
fn lengths(parts: &[Part], numbers: &[u64]) -> Vec<usize> {
    let mut next = 0;
    for part in parts {
        assert_eq!(
            part.start, next,
            "a part starts at {}, where the one before it ended at {next}: \
             the slices must follow each other, in order",
            part.start
        );
        assert!(part.end > part.start, "an empty part: {part:?}");
        next = part.end;
    }
    assert_eq!(
        next,
        numbers.len(),
        "the parts do not cover all the numbers"
    );
    parts.iter().map(|part| part.end - part.start).collect()
}

#[test]
fn the_parts_add_up_to_the_sum() {
    let numbers = numbers(100_001);
    let expected: u64 = numbers.iter().sum();
    for threads in [1, 2, 3, 4, 7, 16] {
        let parts = sum_on_threads(&numbers, threads);
        lengths(&parts, &numbers);
        for part in &parts {
            let sum: u64 = numbers[part.start..part.end].iter().sum();
            assert_eq!(part.sum, sum, "{threads} threads: the sum of {part:?}");
        }
        let total: u64 = parts.iter().map(|part| part.sum).sum();
        assert_eq!(total, expected, "{threads} threads");
    }
}

#[test]
fn one_part_per_thread() {
    for (n, threads) in [(100_001, 4), (100_001, 16), (9, 4), (10, 4), (12, 4)] {
        let numbers = numbers(n);
        let parts = sum_on_threads(&numbers, threads);
        lengths(&parts, &numbers);
        assert_eq!(
            parts.len(),
            threads,
            "{n} numbers on {threads} threads gave {} parts: one per thread, no more, no fewer",
            parts.len()
        );
    }
}

#[test]
fn the_slices_differ_in_length_by_at_most_one() {
    for (n, threads) in [(100_001, 16), (10, 4), (1_000, 7)] {
        let numbers = numbers(n);
        let lengths = lengths(&sum_on_threads(&numbers, threads), &numbers);
        let (shortest, longest) = (lengths.iter().min(), lengths.iter().max());
        assert!(
            longest.unwrap() - shortest.unwrap() <= 1,
            "{n} numbers on {threads} threads, in slices of {lengths:?}: \
             the lengths differ by more than one, so one thread does more than its share"
        );
    }
}

#[test]
fn each_part_is_summed_on_a_thread_of_its_own() {
    let numbers = numbers(100_001);
    let parts = sum_on_threads(&numbers, 8);
    let threads: HashSet<ThreadId> = parts.iter().map(|part| part.thread).collect();
    assert_eq!(
        threads.len(),
        parts.len(),
        "{} parts, summed on {} different threads: each part needs a thread of its own",
        parts.len(),
        threads.len()
    );
    assert!(
        !threads.contains(&std::thread::current().id()),
        "a part was summed on the calling thread, not on a thread of its own"
    );
}

#[test]
fn more_threads_than_numbers() {
    let parts = sum_on_threads(&[1, 2, 3], 8);
    assert_eq!(
        lengths(&parts, &[1, 2, 3]),
        [1, 1, 1],
        "3 numbers on 8 threads"
    );
    assert_eq!(parts.iter().map(|part| part.sum).sum::<u64>(), 6);
    assert!(sum_on_threads(&[], 4).is_empty(), "no numbers, no parts");
}

#[test]
fn rayon_sums_like_one_thread() {
    let numbers = numbers(1_000_000);
    assert_eq!(sum_with_rayon(&numbers), 500_000_500_000);
    assert_eq!(sum_with_rayon(&[]), 0);
}
