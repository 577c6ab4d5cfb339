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
            Rule::Range { pattern: r"primes, +(\d+) ms", min: 5.0, max: 10000.0 },
            // Holding the GIL, the two threads take turns: one core at most,
            // and no faster than one thread (load may tip the ratio a little).
            Rule::Range { pattern: r"GIL held: .* speedup (\d+\.\d)x", min: 0.3, max: 1.5 },
            Rule::Range { pattern: r"GIL held: .* cores busy (\d+\.\d)$", min: 0.1, max: 1.3 },
            // Released, two cores when the machine has them to spare.
            Rule::Range { pattern: r"GIL released: .* speedup (\d+\.\d)x", min: 0.5, max: 2.6 },
            Rule::Range { pattern: r"GIL released: .* cores busy (\d+\.\d)$", min: 0.1, max: 2.3 },
            Rule::Range { pattern: r"^1 thread: .* cores busy (\d+\.\d)$", min: 0.1, max: 1.3 },
            // Which thread ran which chunk, and when, changes from run to run.
            Rule::Mask { pattern: r"^  GIL (?:held|released), pool_\d: ?((?:\d+-\d+ ?)*)$" },
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
