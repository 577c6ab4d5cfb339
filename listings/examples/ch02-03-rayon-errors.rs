//! Chunks that can fail: rayon collects into a Result and stops at an error;
//! par_bridge feeds the pool from a plain iterator, such as a file's lines.
use rayon::prelude::*;

fn extract(year: u16) -> Result<u32, String> {
    if !(2000..=2030).contains(&year) {
        return Err(format!("no data for {year}"));
    }
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    Ok(if leap { 366 } else { 365 })
}

fn main() {
    let good: Vec<u16> = (2020..=2023).collect();
    let days: Result<Vec<u32>, String> = good.par_iter().map(|&y| extract(y)).collect();
    println!("{days:?}");

    // Exactly one bad year: with several, which error comes back may vary.
    let one_bad = [2020, 2021, 1999, 2022, 2023];
    let days: Result<Vec<u32>, String> = one_bad.par_iter().map(|&y| extract(y)).collect();
    println!("{days:?}");

    // For work whose only result is success or failure.
    let checked = one_bad.par_iter().try_for_each(|&y| extract(y).map(drop));
    println!("{checked:?}");

    // A sequential iterator, read one item at a time by whichever thread is free:
    // the results come back in no particular order.
    let text = "2023\n2020\n2022\n2021\n";
    let mut days: Vec<(u16, u32)> = text
        .lines()
        .par_bridge()
        .map(|line| {
            let year: u16 = line.parse().map_err(|e| format!("{line:?}: {e}"))?;
            Ok((year, extract(year)?))
        })
        .collect::<Result<_, String>>()
        .unwrap();
    days.sort();
    println!("{days:?}");
}
