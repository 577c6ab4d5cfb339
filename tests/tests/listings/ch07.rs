//! Chapter 7: Rust Inside Python. The Python listings import the extension
//! modules of `listings/extensions/`, built by `extensions()` in main.rs.
use super::*;

listings! {
    ch07_01_hello: Listing {
        ..kind(Kind::Python)
    },
    // Timing-free: a wait that holds the GIL cannot be opened by another
    // Python thread, however long it waits, so it times out.
    ch07_02_gil_proof: Listing {
        rules: &[
            // A build without the GIL fails here (and in the held wait's line).
            Rule::Mask { pattern: r"^CPython (\d+\.\d+\.\d+), with the GIL$" },
            Rule::Range { pattern: r"^wait_detached\(10\.0\): opened True, after (\d+\.\d+) s$", min: 0.0, max: 9.0 },
            Rule::Range { pattern: r"^wait_held\(1\.0\): opened False, after (\d+\.\d+) s$", min: 0.99, max: 5.0 },
        ],
        ..kind(Kind::Python)
    },
    ch07_02_gil_pool: Listing {
        rules: &[
            // The page says which Python printed its output; a build without
            // the GIL fails here.
            Rule::Mask { pattern: r"^CPython (\d+\.\d+\.\d+), with the GIL" },
            Rule::Range { pattern: r", (\d+) cores:", min: 1.0, max: 4096.0 },
            Rule::Range { pattern: r"primes,( +\d+) ms", min: 5.0, max: 10000.0 },
            // Holding the GIL, the two threads take turns: one core at most,
            // and no faster than one thread (load may tip the ratio a little).
            Rule::Range { pattern: r"GIL held: .* speedup (\d+\.\d)x", min: 0.3, max: 1.5 },
            Rule::Range { pattern: r"GIL held: .* cores busy (\d+\.\d)$", min: 0.1, max: 1.3 },
            // Released, two cores when the machine has them to spare.
            Rule::Range { pattern: r"GIL released: .* speedup (\d+\.\d)x", min: 0.3, max: 2.6 },
            Rule::Range { pattern: r"GIL released: .* cores busy (\d+\.\d)$", min: 0.1, max: 2.3 },
            Rule::Range { pattern: r"^1 thread: .* cores busy (\d+\.\d)$", min: 0.1, max: 1.3 },
            // Which thread ran which chunk, and when, changes from run to run.
            Rule::Mask { pattern: r"^  GIL (?:held|released), pool_\d: ?((?:\d+-\d+ ?)*)$" },
            // Timed inside the calls, under the GIL: held, two chunks can
            // never overlap (the line must say 0); released, they must, on
            // any machine (both threads are in Rust code at once).
            Rule::Range { pattern: r"GIL released: (\d+) of 12$", min: 1.0, max: 12.0 },
        ],
        alone: true,
        figure: Some(Figure {
            file: "img/ch07-02-gil-held-or-released.svg",
            draw: figures::gil_held_or_released,
        }),
        ..kind(Kind::Python)
    },
    // The prime counts are exact; how many of rayon's threads made the
    // callbacks depends on the cores and on who steals which chunk.
    ch07_03_rayon: Listing {
        rules: &[Rule::Range { pattern: r"made from (\d+) threads", min: 1.0, max: 4096.0 }],
        ..kind(Kind::Python)
    },
    ch07_03_panics: Listing {
        rules: RUST_PANIC_MESSAGE,
        ..kind(Kind::Python)
    },
    ch07_04_bad_input: Listing {
        ..kind(Kind::Python)
    },
    ch07_04_panics: Listing {
        rules: RUST_PANIC_MESSAGE,
        ..kind(Kind::Python)
    },
    // Four calls at once to a `&mut self` method that releases the GIL: the
    // first borrows the object, and the others fail while it counts (on a
    // loaded machine a late one may find the borrow over, and succeed).
    ch07_05_shared_tally: Listing {
        rules: &[
            Rule::Range { pattern: r"^MutTally\.add, .*\n  returned: (\d)", min: 1.0, max: 3.0 },
            Rule::Range { pattern: r"^MutTally\.add, .*\n.*\n  raised: (\d)", min: 1.0, max: 3.0 },
            Rule::Range { pattern: r"^MutTally\.add, .*\n.*\n.*\n  found: (\d+)", min: 17984.0, max: 53952.0 },
        ],
        ..kind(Kind::Python)
    },
    ch07_06_gather_tokio: Listing {
        rules: &[
            // A thousand waits of 100 ms, all at once: about 100 ms each way,
            // plus the cost of handing a thousand results over.
            Rule::Range { pattern: r"asyncio\.sleep\(0\.1\): (\d+) ms", min: 99.0, max: 3000.0 },
            Rule::Range { pattern: r"tokio_sleep\(100\): (\d+) ms", min: 99.0, max: 5000.0 },
            // One worker per core by default; the sleeps end on some of them.
            Rule::Range { pattern: r"the sleeps ended on (\d+) thread", min: 1.0, max: 4096.0 },
            Rule::Range { pattern: r"runtime has (\d+) worker", min: 1.0, max: 4096.0 },
        ],
        ..kind(Kind::Python)
    },
    ch07_06_cancel_tokio: Listing {
        rules: &[
            Rule::Range { pattern: r"TimeoutError after (\d+) ms", min: 99.0, max: 3000.0 },
            // Not the 10 s the sleeps asked for: cancelled, they stop.
            Rule::Range { pattern: r"all done after (\d+) ms", min: 99.0, max: 6000.0 },
        ],
        ..kind(Kind::Python)
    },
    // Chapter 7's table, full size: over half a minute of CPython counting,
    // so regenerated with the outputs and not run by `cargo test`.
    ch07_07_measured: Listing {
        rules: TABLE,
        slow: true,
        alone: true,
        timeout_secs: 1200,
        ..kind(Kind::Python)
    },
    // The same table, small, run beside the other listings: a check that
    // every way still works and agrees, not a measurement (the page says so).
    ch07_07_measured_quick: Listing {
        of: Some("ch07-07-measured"),
        args: &["quick"],
        rules: TABLE,
        ..kind(Kind::Python)
    },
}

/// What Rust's default panic hook prints on stderr, which these listings show,
/// changes between Rust releases: the blank line before the message, and the
/// thread's id after its name (1.95 prints `thread '<unnamed>' (12345)`).
const RUST_PANIC_MESSAGE: &[Rule] = &[
    Rule::Mask {
        pattern: r"^(\n?)thread '",
    },
    Rule::Mask {
        pattern: r"thread '<unnamed>'(.*) panicked at",
    },
];

/// Listing 7-21's table, full size or quick: every time within its range, the
/// speedups over CPython, and cores busy where the GIL is held throughout.
const TABLE: &[Rule] = &[
    Rule::Mask {
        pattern: r"^CPython (\d+\.\d+\.\d+), with the GIL",
    },
    // The pool has a thread per core: the lines name the count.
    Rule::Range {
        pattern: r"(?:, |extension, )(\d+) (?:cores:|threads,)",
        min: 1.0,
        max: 4096.0,
    },
    Rule::Range {
        pattern: r":( +\d+\.\d) ms \(",
        min: 0.1,
        max: 600000.0,
    },
    Rule::Range {
        pattern: r"\((\d+\.\d)-",
        min: 0.1,
        max: 600000.0,
    },
    Rule::Range {
        pattern: r"-(\d+\.\d)\)",
        min: 0.1,
        max: 600000.0,
    },
    // Rust counts many times faster than CPython, each way: how many
    // times depends on the machine, the cores and the load.
    Rule::Range {
        pattern: r"^  extension, .*\),( +\d+\.\d)x CPython",
        min: 2.0,
        max: 10000.0,
    },
    // One core at most wherever the GIL is held throughout.
    Rule::Range {
        pattern: r"(?:1 thread|GIL held):.* cores busy (\d+\.\d)$",
        min: 0.0,
        max: 1.3,
    },
    // Up to every core: no bound worth checking on a loaded machine.
    Rule::Range {
        pattern: r"(?:released|rayon inside):.* cores busy (\d+\.\d)$",
        min: 0.0,
        max: 4096.0,
    },
];
