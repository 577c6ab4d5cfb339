//! Chapter 5: Measured.
//!
//! The benchmark's full-size run takes a minute or more, so `cargo test` runs
//! it at the quick size and only checks the full-size output the chapter
//! shows (its ranges and its figure). Regenerate both, on an idle machine:
//! `UPDATE_OUTPUTS=1 cargo test -p book-tests --test listings ch05`.
use super::*;

listings! {
    ch05_01_measured: Listing {
        // Numbers in right-aligned columns take their padding into the group.
        rules: &[
            Rule::Mask { pattern: r"^Cores: (\d+, so \d+) workers" },
            Rule::Mask { pattern: r"^Python: CPython (\S+), " },
            Rule::Mask { pattern: r"^Rust: rustc (.+)$" },
            // CPython counts to 3,000,000 in seconds, Rust in a fraction of one.
            // Wide ranges: the file may come from a loaded machine.
            Rule::Range {
                pattern: r"^CPython (?:sequential|thread pool|process pool)( +\d+\.\d+) s",
                min: 0.5,
                max: 3600.0,
            },
            Rule::Range {
                pattern: r"^Rust (?:sequential|two halves|threads \+ shared counter|rayon)( +\d+\.\d+) s",
                min: 0.01,
                max: 600.0,
            },
            // Speedups: at most the number of cores (up to 64 here), and some
            // room for a sequential round slowed by other programs.
            Rule::Range { pattern: r"^(?:CPython|Rust) [a-z +]+<number> s( +\d+\.\d+)x", min: 0.2, max: 64.0 },
            Rule::Range { pattern: r"(\d+\.\d)x faster than CPython", min: 2.0, max: 1000.0 },
            // 100,000 tasks and 10,000 threads that each sleep 1 s, all at once.
            Rule::Range {
                pattern: r"^(?:CPython|Rust) [\d,]+ (?:asyncio tasks|tokio tasks|threads)( +\d+\.\d+) s",
                min: 1.0,
                max: 1200.0,
            },
            Rule::Range { pattern: r" s( +\d+)x ", min: 5.0, max: 100000.0 },
            Rule::Range { pattern: r"( +\d+\.\d) MB", min: 1.0, max: 8000.0 },
            Rule::Range { pattern: r"( +\d+) B each", min: 50.0, max: 100000.0 },
            // CPython's threads start slowly: the first may end before the last starts.
            Rule::Range { pattern: r",( +\d+) at once", min: 1.0, max: 100000.0 },
            Rule::Range { pattern: r"(\d+\.\d)x (?:faster|slower),", min: 0.1, max: 100.0 },
            Rule::Range { pattern: r"(\d+\.\d)x (?:less|more) memory", min: 0.5, max: 1000.0 },
        ],
        release: true,
        alone: true,
        slow: true,
        timeout_secs: 1800,
        figure: Some(Figure { file: "img/ch05-01-measured.svg", draw: figures::measured_chart }),
        ..example()
    },
    // The same program at the quick size, which `cargo test` runs: a second
    // or two on an idle machine. Its numbers mean little; its shape is the
    // full run's.
    ch05_01_measured_quick: Listing {
        of: Some("ch05-01-measured"),
        args: &["quick"],
        rules: &[
            Rule::Mask { pattern: r"^Cores: (\d+, so \d+) workers" },
            Rule::Mask { pattern: r"^Python: CPython (\S+), " },
            Rule::Mask { pattern: r"^Rust: rustc (.+)$" },
            Rule::Range { pattern: r"^(?:CPython|Rust) [a-z +]+?( +\d+\.\d+) s", min: 0.0, max: 60.0 },
            // Tiny amounts of work on a loaded machine: any speedup, almost.
            Rule::Range { pattern: r"^(?:CPython|Rust) [a-z +]+<number> s( +\d+\.\d+)x", min: 0.02, max: 50.0 },
            Rule::Range { pattern: r"(\d+\.\d)x faster than CPython", min: 1.5, max: 1000.0 },
            // 2,000 tasks and 200 threads that each sleep 0.1 s, all at once.
            Rule::Range {
                pattern: r"^(?:CPython|Rust) [\d,]+ (?:asyncio tasks|tokio tasks|threads)( +\d+\.\d+) s",
                min: 0.1,
                max: 60.0,
            },
            Rule::Range { pattern: r" s( +\d+)x ", min: 0.0, max: 2000.0 },
            Rule::Range { pattern: r"( +\d+\.\d) MB", min: 0.5, max: 2000.0 },
            Rule::Range { pattern: r"( +\d+) B each", min: 0.0, max: 1000000.0 },
            Rule::Range { pattern: r",( +\d+) at once", min: 1.0, max: 2000.0 },
            // Threads start slowly on a loaded machine: either may win.
            Rule::Range { pattern: r"(\d+\.\d)x (?:faster|slower),", min: 0.0, max: 100.0 },
            Rule::Mask { pattern: r"<number>x (faster|slower)," },
            Rule::Range { pattern: r"(\d+\.\d)x (?:less|more) memory", min: 0.5, max: 1000.0 },
            Rule::Mask { pattern: r"<number>x (less|more) memory" },
        ],
        release: true,
        alone: true,
        timeout_secs: 120,
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
        args: &["cpu", "30000", "1000", "2"],
        rules: &[Rule::Range { pattern: r"primes in (\d+\.\d+) s", min: 0.001, max: 60.0 }],
        ..kind(Kind::Python)
    },
}
