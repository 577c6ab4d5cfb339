use super::*;

fn numbers(n: u64) -> Vec<u64> {
    (1..=n).collect()
}

#[test]
fn threads_sum_like_one_thread() {
    let numbers = numbers(100_001);
    let expected: u64 = numbers.iter().sum();
    for threads in [1, 2, 3, 4, 7, 16] {
        assert_eq!(
            sum_on_threads(&numbers, threads),
            expected,
            "{threads} threads"
        );
    }
}

#[test]
fn more_threads_than_numbers() {
    assert_eq!(sum_on_threads(&[1, 2, 3], 8), 6);
    assert_eq!(sum_on_threads(&[], 4), 0);
}

#[test]
fn rayon_sums_like_one_thread() {
    let numbers = numbers(1_000_000);
    assert_eq!(sum_with_rayon(&numbers), 500_000_500_000);
    assert_eq!(sum_with_rayon(&[]), 0);
}
