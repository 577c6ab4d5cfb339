//! Chapter 5: Measured.
//!
//! The benchmark's full-size run takes two to three minutes, so `cargo test` runs
//! it at the quick size and only checks the full-size output the chapter
//! shows (its ranges and its figure). Regenerate both, on an idle machine:
//! `UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings ch05`.
use super::*;

/// The table, at either size. Numbers in right-aligned columns take their
/// padding into the group. The ranges are wide: the output file may come
/// from a loaded machine, and at the quick size the numbers mean little and
/// either side of a ratio may win.
const TABLE: &[Rule] = &[
    Rule::Mask {
        pattern: r"^Cores: (\d+, so \d+) workers",
    },
    Rule::Mask {
        pattern: r"^Python: CPython (\S+), ",
    },
    Rule::Mask {
        pattern: r"^Rust: rustc (.+)$",
    },
    // Timed on Python 3.12 or later, not available on 3.11.
    Rule::Mask {
        pattern: r"^asyncio, eager tasks( +.+)$",
    },
    // Every row's median, then its fastest and slowest round.
    Rule::Range {
        pattern: r"^\S.*?[a-z]( +\d+\.\d{3}) s  ",
        min: 0.0,
        max: 3600.0,
    },
    Rule::Range {
        pattern: r"<number> s  (\d+\.\d{3})-",
        min: 0.0,
        max: 3600.0,
    },
    Rule::Range {
        pattern: r">-(\d+\.\d{3})",
        min: 0.0,
        max: 3600.0,
    },
    // Speedups over the row's own one-thread version.
    Rule::Range {
        pattern: r"( +\d+\.\d\d)x$",
        min: 0.0,
        max: 1000.0,
    },
    Rule::Range {
        pattern: r"in (\d+\.\d{3}) s, once",
        min: 0.0,
        max: 600.0,
    },
    // Ratios of like to like.
    Rule::Range {
        pattern: r":( +\d+\.\d)x (?:faster|slower)",
        min: 0.0,
        max: 100000.0,
    },
    Rule::Mask {
        pattern: r"<number>x (faster|slower)",
    },
    Rule::Range {
        pattern: r", (\d+\.\d)x (?:less|more) memory",
        min: 0.0,
        max: 1000.0,
    },
    Rule::Mask {
        pattern: r"<number>x (less|more) memory",
    },
    // Waiting: per task, memory per task, and how many were alive at once
    // (CPython's threads start slowly: the first may end before the last starts).
    Rule::Range {
        pattern: r"( +\d+\.\d) µs",
        min: 0.0,
        max: 10000000.0,
    },
    Rule::Range {
        pattern: r"( +\d+) B ",
        min: 0.0,
        max: 10000000.0,
    },
    Rule::Range {
        pattern: r" B( +\d+)$",
        min: 1.0,
        max: 100000.0,
    },
    // The baselines' range: the smallest, then the largest.
    Rule::Range {
        pattern: r"(\d+\.\d)-\d+\.\d MB",
        min: 0.1,
        max: 8000.0,
    },
    Rule::Range {
        pattern: r"(\d+\.\d) MB",
        min: 0.1,
        max: 8000.0,
    },
];

listings! {
    ch05_01_measured: Listing {
        rules: TABLE,
        release: true,
        alone: true,
        slow: true,
        timeout_secs: 1800,
        figure: Some(Figure { file: "img/ch05-01-measured.svg", draw: figures::measured_chart }),
        ..example()
    },
    // The same program at the quick size, which `cargo test` runs beside
    // other listings: its numbers mean little; its shape is the full run's.
    ch05_01_measured_quick: Listing {
        of: Some("ch05-01-measured"),
        args: &["quick"],
        rules: TABLE,
        release: true,
        timeout_secs: 180,
        ..example()
    },
    ch05_01_measured_bad_args: Listing {
        of: Some("ch05-01-measured"),
        args: &["--fast"],
        code: 2,
        release: true,
        ..example()
    },
    // A debug build refuses to time anything.
    ch05_01_measured_debug: Listing {
        of: Some("ch05-01-measured"),
        code: 2,
        ..example()
    },
    // The CPython half on its own (Listing 5-3), as Listing 5-1 runs it.
    ch05_01_in_cpython: Listing {
        args: &["cpu", "30000", "1000", "2", "3"],
        rules: &[
            Rule::Range { pattern: r"compile: (\d+\.\d+) s", min: 0.01, max: 600.0 },
            Rule::Range { pattern: r"primes in (\d+\.\d+) s", min: 0.0, max: 60.0 },
            Rule::Range { pattern: r"fastest (\d+\.\d+) s", min: 0.0, max: 60.0 },
            Rule::Range { pattern: r"slowest (\d+\.\d+) s", min: 0.0, max: 60.0 },
        ],
        ..kind(Kind::Python)
    },
}
