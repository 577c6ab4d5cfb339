use super::*;
use std::sync::atomic::{AtomicUsize, Ordering};

#[test]
fn every_year_in_order() {
    let years: Vec<i32> = (1996..2004).collect();
    let days = extract_all(&years, 4, extract);
    let expected = [366, 365, 365, 365, 366, 365, 365, 365].map(Ok);
    assert_eq!(days, expected);
}

#[test]
fn a_failed_year_is_reported_in_its_place() {
    let results = extract_all(&[2000, 1066, 2023, 3000], 2, extract);
    assert_eq!(
        results,
        [
            Ok(366),
            Err("1066 is not in the data set".to_string()),
            Ok(365),
            Err("3000 is not in the data set".to_string()),
        ]
    );
}

#[test]
fn the_years_are_extracted_on_the_pool_s_threads_at_once() {
    // Twelve 100 ms extractions on 4 threads: several at once, never more than 4.
    let (running, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let counted = |year| {
        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
        most.fetch_max(now, Ordering::SeqCst);
        let result = extract(year);
        running.fetch_sub(1, Ordering::SeqCst);
        result
    };
    let years: Vec<i32> = (2000..2012).collect();
    assert_eq!(extract_all(&years, 4, counted).len(), 12);
    let most = most.load(Ordering::SeqCst);
    assert!((2..=4).contains(&most), "{most} extractions at once");
}
