//! Chapter 6: Under the hood.
use super::*;

const FAILED_TO_COMPILE: Listing = Listing {
    code: 1,
    ..kind(Kind::Compiler)
};

listings! {
    ch06_01_executor: example(),
    ch06_01_sleeping_tasks: Listing {
        rules: &[
            // The sleeps last 50 to 99 ms; a loaded machine takes longer.
            Rule::Range { pattern: r"done in (\d+) ms", min: 99.0, max: 10_000.0 },
            // Chapter 1's loop polls every sleeper on every round: how many
            // rounds fit in 100 ms depends on the machine (and its load), but
            // it is more than the 20,000 polls of the loop that waits to be
            // woken (half a million to millions on an idle machine).
            Rule::Range { pattern: r"every round: .* (\d+) polls", min: 30_000.0, max: 1e12 },
        ],
        ..example()
    },
    ch06_01_asyncio_steps: kind(Kind::Python),
    ch06_01_worker_threads: Listing {
        rules: &[
            // How the 11,000 polls are shared out is up to the scheduler.
            Rule::Range { pattern: r"polled (\d+) times", min: 0.0, max: 11_000.0 },
            Rule::Range { pattern: r"^(\d+) of 10000 resumptions", min: 0.0, max: 10_000.0 },
        ],
        ..example()
    },
    // It times CPU work: built as `cargo run --release` builds it, and run
    // alone (each of its four rows is the median of 5 rounds).
    ch06_02_against_tokio: Listing {
        rules: &[
            Rule::Range { pattern: r"( *\d+\.\d) ms", min: 0.0, max: 60_000.0 },
            Rule::Range { pattern: r"( *\d+) ns a poll", min: 1.0, max: 100_000.0 },
        ],
        alone: true,
        release: true,
        ..example()
    },
    ch06_03_guard_to_thread: FAILED_TO_COMPILE,
    ch06_03_lock_on_the_thread: example(),
    ch06_03_cell_shared: FAILED_TO_COMPILE,
    ch06_03_atomic_not_cell: example(),
    ch06_03_future_not_send: FAILED_TO_COMPILE,
    ch06_03_send_future: example(),
    ch06_04_spin_lock: Listing {
        rules: &[Rule::Range { pattern: r"Spins: +(\d+)", min: 0.0, max: 1e15 }],
        ..example()
    },
    // loom explores the interleavings in the same order on every run.
    ch06_04_loom_lost_update: example(),
    ch06_04_loom_orderings: example(),
    ch06_04_store_buffering: Listing {
        rules: &[
            // How often both loads miss depends on the machine and its load
            // (on a shared 2-core x86 machine, 0 in most runs, when the two
            // threads seldom run at once, over a thousand of 10,000 rounds in
            // others), so any count of rounds passes. The
            // SeqCst line is compared as it is: 0 is what the memory model
            // promises.
            Rule::Range { pattern: r"Release/Acquire .* in (\d+) of", min: 0.0, max: 10_000.0 },
        ],
        ..example()
    },
    ch06_04_loom_store_buffering: example(),
    ch06_04_loom_lost_wakeup: example(),
    ch06_04_loom_atomic_waker: example(),
}
