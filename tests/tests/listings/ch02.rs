//! Chapter 2: Concurrency and Embarrassing Parallelism.
//!
//! The chapter is about time, so every "Finished in" is checked against a
//! range: generous enough for a loaded 2-core machine, tight enough to tell
//! one second from two.
use super::*;

/// Threads print their first lines in whatever order they get going (after
/// the times, checked first, are `<number>`).
const STARTED_IN_ANY_ORDER: Rule = Rule::Unordered {
    pattern: r"^\S+ s  start ",
};
/// Both threads start as soon as they are spawned, even on a loaded machine.
const STARTED_AT_ONCE: Rule = Rule::Range {
    pattern: r"^(\d+\.\d\d) s  start ",
    min: 0.0,
    max: 0.5,
};
/// Jobs that run at the same time print their lines in any order.
const JOBS_IN_ANY_ORDER: Rule = Rule::Unordered {
    pattern: r"^Job \d",
};
const THE_PID: Rule = Rule::Mask {
    pattern: r"[Pp]rocess (?:id: )?(\d+)",
};
/// Pools have one worker per core: the outputs come from a 2-core machine,
/// and the tests pass on any number of cores. The pool's arithmetic is
/// checked instead: each round of jobs takes one second.
const POOL_SIZE: Rule = Rule::Range {
    pattern: r"(?:Pool of|/|on) (\d+) (?:worker|thread)",
    min: 1.0,
    max: 1024.0,
};
const ROUNDS: Rule = Rule::Range {
    pattern: r"= (\d+) rounds",
    min: 1.0,
    max: 5.0,
};
const ONE_SECOND_A_ROUND: Rule = Rule::Range {
    pattern: r"rounds of (\d+\.\d+) seconds",
    min: 0.95,
    max: 1.5,
};

listings! {
    ch02_01_threading_no_join: Listing {
        rules: &[
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.0, max: 0.9 },
            // `start()` returns once the thread runs, but the thread's first
            // line and the main thread's last may come in either order.
            Rule::Unordered { pattern: r"^(?:start \w+|Finished in .*)$" },
        ],
        ..kind(Kind::Python)
    },
    ch02_01_threading_daemon: Listing {
        rules: &[
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.0, max: 0.9 },
            // As in Rust's Listing 2-2: each "start" line may come before or
            // after "Finished", or not at all. No "end" line may appear.
            Rule::Mask { pattern: r"\A((?:start (?:foo|bar)\n)*)Finished in" },
            Rule::Mask { pattern: r"seconds\n((?:start (?:foo|bar)\n)*)\z" },
        ],
        ..kind(Kind::Python)
    },
    ch02_01_threads_no_join: Listing {
        rules: &[
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.0, max: 0.5 },
            // The threads race `main`: each "start" line may come before or
            // after "Finished", or not at all. No "end" line may appear.
            Rule::Mask { pattern: r"\A((?:\d+\.\d\d s  start (?:foo|bar)\n)*)Finished in" },
            Rule::Mask { pattern: r"seconds\n((?:\d+\.\d\d s  start (?:foo|bar)\n)*)\z" },
        ],
        ..example()
    },
    ch02_01_threads_join: Listing {
        rules: &[
            STARTED_AT_ONCE,
            // foo sleeps 1 s and bar 2 s; main joins each as soon as it ends.
            Rule::Range { pattern: r"^(\d+\.\d\d) s  (?:end|joined) foo", min: 0.99, max: 1.9 },
            Rule::Range { pattern: r"^(\d+\.\d\d) s  (?:end|joined) bar", min: 1.99, max: 3.5 },
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 1.99, max: 3.5 },
            STARTED_IN_ANY_ORDER,
        ],
        figure: Some(Figure {
            file: "img/ch02-01-threads-join.svg",
            draw: figures::foo_bar_joined,
        }),
        ..example()
    },
    ch02_01_threads_join_swapped: Listing {
        rules: &[
            STARTED_AT_ONCE,
            // bar sleeps half a second and foo one; main joins bar only after
            // foo, at once.
            Rule::Range { pattern: r"^(\d+\.\d\d) s  end bar", min: 0.49, max: 0.99 },
            Rule::Range { pattern: r"^(\d+\.\d\d) s  (?:end|joined) foo", min: 0.99, max: 1.9 },
            Rule::Range { pattern: r"^(\d+\.\d\d) s  joined bar", min: 0.99, max: 1.9 },
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.99, max: 1.9 },
            STARTED_IN_ANY_ORDER,
        ],
        figure: Some(Figure {
            file: "img/ch02-01-threads-join-swapped.svg",
            draw: figures::foo_bar_joined,
        }),
        ..example()
    },
    ch02_02_child_processes: Listing {
        rules: &[
            THE_PID,
            // One sleep of a second, not two.
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.9, max: 1.9 },
        ],
        ..example()
    },
    ch02_02_mp_process: Listing {
        rules: &[
            THE_PID,
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.9, max: 1.9 },
        ],
        ..kind(Kind::Python)
    },
    ch02_02_rayon_pool: Listing {
        rules: &[
            // Which worker ran which job, and exactly when, changes from run
            // to run; the pool has two workers on any machine.
            Rule::Range { pattern: r"on worker (\d+)", min: 0.0, max: 1.0 },
            Rule::Range { pattern: r"from (\d+\.\d+) s", min: 0.0, max: 4.5 },
            Rule::Range { pattern: r"to (\d+\.\d+) s", min: 0.9, max: 5.5 },
            JOBS_IN_ANY_ORDER,
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 2.9, max: 5.5 },
            ONE_SECOND_A_ROUND,
        ],
        figure: Some(Figure {
            file: "img/ch02-02-rayon-pool.svg",
            draw: figures::job_timeline,
        }),
        ..example()
    },
    ch02_02_mp_pool: Listing {
        rules: &[
            THE_PID,
            JOBS_IN_ANY_ORDER,
            // Two workers, five jobs: three rounds.
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 2.9, max: 5.5 },
        ],
        ..kind(Kind::Python)
    },
    ch02_02_process_pool: Listing {
        rules: &[
            THE_PID,
            POOL_SIZE,
            JOBS_IN_ANY_ORDER,
            Rule::Range { pattern: r"Finished in (\d+\.\d+) seconds", min: 0.9, max: 7.5 },
            ROUNDS,
            ONE_SECOND_A_ROUND,
        ],
        ..example()
    },
    ch02_03_one_year: Listing {
        args: &["2020"],
        rules: &[
            THE_PID,
            Rule::Range { pattern: r"extracted in (\d+\.\d+) seconds", min: 0.9, max: 2.5 },
        ],
        ..example()
    },
    ch02_03_one_year_missing: Listing { of: Some("ch02-03-one-year"), code: 2, ..example() },
    ch02_03_one_year_malformed: Listing {
        of: Some("ch02-03-one-year"),
        args: &["twenty"],
        code: 2,
        ..example()
    },
    ch02_03_one_year_out_of_range: Listing {
        of: Some("ch02-03-one-year"),
        args: &["1999"],
        code: 2,
        ..example()
    },
    ch02_03_one_year_argparse: Listing {
        args: &["--year", "2020"],
        rules: &[
            THE_PID,
            Rule::Range { pattern: r"extracted in (\d+\.\d+) seconds", min: 0.9, max: 2.5 },
        ],
        ..kind(Kind::Python)
    },
    ch02_03_one_year_argparse_malformed: Listing {
        of: Some("ch02-03-one-year-argparse"),
        args: &["--year", "twenty"],
        code: 2,
        ..kind(Kind::Python)
    },
    ch02_03_all_years: Listing {
        rules: &[
            STARTED_AT_ONCE,
            Rule::Range { pattern: r"days extracted in (\d+\.\d+) seconds", min: 0.9, max: 2.5 },
            THE_PID,
            // Three processes at once: their lines come in any order.
            Rule::Unordered { pattern: r"^20\d\d: " },
            // All three at the same time: about one second, not three.
            Rule::Range { pattern: r"All years done in (\d+\.\d+) seconds", min: 0.9, max: 2.9 },
        ],
        // It may have to wait for a build of the listings first.
        timeout_secs: 600,
        figure: Some(Figure { file: "img/ch02-03-all-years.svg", draw: figures::all_years }),
        ..kind(Kind::Script)
    },
    // One year fails: the others are still waited for, and the script fails.
    ch02_03_all_years_failing: Listing {
        of: Some("ch02-03-all-years"),
        // The bad year comes last: its error, printed at once, cannot fall in
        // the middle of a line the script prints when it starts a year.
        args: &["2020", "2022", "1999"],
        code: 1,
        rules: &[
            STARTED_AT_ONCE,
            Rule::Range { pattern: r"days extracted in (\d+\.\d+) seconds", min: 0.9, max: 2.5 },
            THE_PID,
            // The two good years finish, and the failure is reported, at
            // about the same time.
            Rule::Unordered { pattern: r"^\d{4}: " },
            Rule::Range { pattern: r"All years done in (\d+\.\d+) seconds", min: 0.9, max: 2.9 },
        ],
        timeout_secs: 600,
        ..kind(Kind::Script)
    },
    ch02_03_rayon_errors: example(),
    ch02_03_cpu_years: Listing {
        rules: &[
            POOL_SIZE,
            // Measured on an idle 2-core machine: 1.7 for the processes (1.5
            // is their floor), 2 and 1.5 times one year. The ranges only check
            // that each is a time and a ratio: other programs share the
            // machine, and other machines have more cores.
            Rule::Range { pattern: r"one thread: (\d+\.\d+) s", min: 0.01, max: 5.0 },
            Rule::Range { pattern: r"  \S.*? +(\d+\.\d+) s =", min: 0.01, max: 20.0 },
            Rule::Range { pattern: r"= (\d+\.\d+) × one year", min: 0.5, max: 12.0 },
        ],
        alone: true,
        release: true,
        ..example()
    },
    ch02_03_rayon_years: Listing {
        rules: &[
            THE_PID,
            POOL_SIZE,
            Rule::Range { pattern: r"All years extracted in (\d+\.\d+) seconds", min: 0.9, max: 4.5 },
            ROUNDS,
            ONE_SECOND_A_ROUND,
        ],
        ..example()
    },
}
