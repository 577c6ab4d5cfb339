//! Chapter 1: Parallel Processing.
use super::*;

/// Five-digit random results, 10,000 to 20,000.
const RANDOM_RESULT: Rule = Rule::Range {
    pattern: r"\b(\d{5})\b",
    min: 10000.0,
    max: 20000.0,
};
/// Threads print their "started" lines in whatever order they get going.
const STARTED_IN_ANY_ORDER: Rule = Rule::Unordered {
    pattern: r"started",
};
const THE_PID: Rule = Rule::Mask {
    pattern: r"process (\d+)",
};
const MICROSECONDS: Rule = Rule::Range {
    pattern: r"( *\d+) µs",
    min: 0.0,
    max: 10_000_000.0,
};

/// `0.30 s  ` at the start of a line: the time since the listing started.
/// Wide, for a loaded machine; the figure drawn from the output shows the times.
const SECONDS_SINCE_START: Rule = Rule::Range {
    pattern: r"^(\d+\.\d\d) s  ",
    min: 0.0,
    max: 30.0,
};

/// Milliseconds printed by a listing that waits or computes: wide, for a loaded machine.
const MILLISECONDS: Rule = Rule::Range {
    pattern: r"( *\d+(?:\.\d+)?) ms",
    min: 0.0,
    max: 60_000.0,
};

listings! {
    ch01_01_generator_event_loop: Listing { rules: &[RANDOM_RESULT], ..kind(Kind::Python) },
    ch01_01_hand_made_event_loop: Listing {
        rules: &[RANDOM_RESULT, SECONDS_SINCE_START],
        figure: Some(Figure {
            file: "img/ch01-01-hand-made-event-loop.svg",
            draw: figures::event_loop_turns,
        }),
        ..example()
    },
    ch01_02_threading: Listing { rules: &[STARTED_IN_ANY_ORDER], ..kind(Kind::Python) },
    ch01_02_threads_join: Listing {
        rules: &[
            // B sleeps 300 ms, and main waits for it.
            Rule::Range { pattern: r"^(\d+\.\d\d) s  Threads finished", min: 0.29, max: 30.0 },
            SECONDS_SINCE_START,
            STARTED_IN_ANY_ORDER,
        ],
        figure: Some(Figure {
            file: "img/ch01-02-threads-join.svg",
            draw: figures::threads_join,
        }),
        ..example()
    },
    ch01_02_thread_results: example(),
    ch01_02_thread_target_result: kind(Kind::Python),
    // The default excepthook's traceback: the paths of the interpreter's
    // threading.py and of the listing change from machine to machine, and
    // the line numbers in threading.py from one 3.11 release to the next.
    ch01_02_thread_exception: Listing {
        rules: &[
            Rule::Mask { pattern: r#"^  File "([^"]+)", line \d+, in "# },
            Rule::Mask { pattern: r"^  File .*, line (\d+), in (?:_bootstrap_inner|run)$" },
        ],
        ..kind(Kind::Python)
    },
    // The default panic hook's message, on stderr: the thread's OS id (which
    // Rust 1.91 and newer print) and the path the program was built from
    // (`src/main.rs` on the Playground) vary. main exits with 1: a thread
    // panicked.
    ch01_02_thread_panic: Listing {
        code: 1,
        rules: &[
            Rule::Mask { pattern: r"^thread '<unnamed>'(.*) panicked at" },
            Rule::Mask { pattern: r"panicked at (.+):\d+:\d+:$" },
        ],
        ..example()
    },
    ch01_02_threads_scope: Listing { rules: &[STARTED_IN_ANY_ORDER], ..example() },
    // print() makes two writes, and with -u each goes to the pipe at once:
    // how many lines another thread's line lands inside of is up to the
    // scheduler (every run here tears some; none is allowed). One write per
    // line, or a lock around print, tears none, and every way delivers all
    // 40,000 lines: checked exactly.
    ch01_02_print_tearing: Listing {
        rules: &[
            Rule::Range { pattern: r"^print\(line\): +\d+ lines, (\d+) torn", min: 0.0, max: 40_000.0 },
            Rule::Mask { pattern: r"^print\(line\): .* torn(.*)$" },
        ],
        ..kind(Kind::Python)
    },
    // println! holds stdout's lock for the whole line: no torn line, checked
    // exactly. print! then println!() takes it twice, and another thread's
    // line may come between (on most runs here, from a few lines to
    // thousands; none is allowed).
    ch01_02_println_lines: Listing {
        rules: &[
            Rule::Range { pattern: r"^print!.*: +\d+ lines, (\d+) torn", min: 0.0, max: 40_000.0 },
            Rule::Mask { pattern: r"^print!.* torn(.*)$" },
        ],
        ..example()
    },
    ch01_03_racy_counter: Listing {
        // CPython 3.10 and newer switch threads only at a few points; none
        // falls between the read and the write of the inline version, so it
        // keeps every increment. The call lets a switch in between.
        rules: &[Rule::Range { pattern: r"with_a_call: (\d+)", min: 1.0, max: 2_999_999.0 }],
        ..kind(Kind::Python)
    },
    ch01_03_shared_counter_naive: Listing { code: 1, ..kind(Kind::Compiler) },
    ch01_03_rc_to_thread: Listing { code: 1, ..kind(Kind::Compiler) },
    ch01_03_borrow_local: Listing { code: 1, ..kind(Kind::Compiler) },
    ch01_03_static_counter: example(),
    ch01_03_arc: example(),
    ch01_03_acquire_release: example(),
    ch01_03_counter_timing: Listing { rules: &[MILLISECONDS], alone: true, release: true, ..example() },
    ch01_03_lost_update: Listing {
        // Lost updates are the lesson (the listing yields between its load and
        // its store, so every run loses some); how many depends on the scheduler.
        rules: &[
            Rule::Range { pattern: r"Value: +(\d+)", min: 1.0, max: 9_999_999.0 },
            Rule::Range { pattern: r"Lost: +(\d+)", min: 1.0, max: 9_999_999.0 },
        ],
        ..example()
    },
    ch01_03_mutex: example(),
    ch01_03_fetch_add: example(),
    // Each value is computed once by the shared cache and once per thread by
    // the thread-locals: no timing shows.
    ch01_03_memo_cache: example(),
    ch01_03_lru_cache: Listing {
        // The sleep releases the GIL, so the other threads miss the cache
        // too, unless one starts after the first call is done (a slow start).
        rules: &[Rule::Range { pattern: r"it ran (\d) times", min: 1.0, max: 4.0 }],
        ..kind(Kind::Python)
    },
    // A handshake keeps the lock taken while main tries: the only time is the
    // wait of the timed try, at least its 50 ms.
    ch01_03_try_lock: Listing {
        rules: &[Rule::Range { pattern: r"after (\d+) ms", min: 50.0, max: 60_000.0 }],
        ..example()
    },
    ch01_03_lock_acquire: Listing {
        rules: &[Rule::Range { pattern: r"False after (\d+\.\d\d) s", min: 0.04, max: 60.0 }],
        ..kind(Kind::Python)
    },
    // Barriers order every step: readers, then the writer, then readers again.
    ch01_03_rwlock: example(),
    ch01_04_queue: kind(Kind::Python),
    ch01_04_mpsc_queue: Listing {
        rules: &[Rule::Mask { pattern: r"First 12 received \(producer\.item\): (.*)" }],
        ..example()
    },
    ch01_04_back_pressure: Listing {
        rules: &[
            // Six items of 100 ms each: the consumer is done after 0.6 s.
            Rule::Range {
                pattern: r"^(\d+\.\d\d) s  consumer  the channel is closed",
                min: 0.59,
                max: 30.0,
            },
            SECONDS_SINCE_START,
            // Lines printed at about the same time by the two threads can swap.
            Rule::Unordered { pattern: r"^<number> s  (?:producer|consumer)  (?:sent|took)" },
        ],
        figure: Some(Figure {
            file: "img/ch01-04-back-pressure.svg",
            draw: figures::back_pressure,
        }),
        ..example()
    },
    ch01_04_crossbeam_queue: Listing {
        rules: &[Rule::Range {
            pattern: r"(?:Consumer 1|consumer 2) got (\d+)",
            min: 0.0,
            max: 100.0,
        }],
        ..example()
    },
    ch01_05_processes_bad_arguments: Listing {
        of: Some("ch01-05-processes"),
        args: &["worker", "A", "soon"],
        code: 2,
        ..example()
    },
    ch01_05_processes: Listing { rules: &[THE_PID, STARTED_IN_ANY_ORDER], ..example() },
    ch01_05_multiprocessing: Listing {
        rules: &[THE_PID, STARTED_IN_ANY_ORDER],
        ..kind(Kind::Python)
    },
    ch01_05_run_programs: example(),
    ch01_05_subprocess_run: kind(Kind::Python),
    ch01_05_pipes: example(),
    ch01_05_env_config: example(),
    ch01_05_json_worker: example(),
    ch01_05_broken_pipe: example(),
    ch01_06_asyncio_tasks: Listing {
        rules: &[
            RANDOM_RESULT,
            Rule::Unordered { pattern: r"^Task [BC] " },
            Rule::Range { pattern: r"Took (\d+\.\d) s", min: 0.5, max: 2.0 },
        ],
        ..kind(Kind::Python)
    },
    ch01_06_tokio_tasks: Listing {
        rules: &[
            RANDOM_RESULT,
            SECONDS_SINCE_START,
            // B and C (then D, E and F) wake at the same instants, in either order.
            Rule::Unordered { pattern: r"^<number> s  Task [B-F] " },
            Rule::Range { pattern: r"Took (\d+\.\d) s", min: 0.5, max: 2.0 },
        ],
        figure: Some(Figure {
            file: "img/ch01-06-tokio-tasks.svg",
            draw: figures::tokio_tasks,
        }),
        ..example()
    },
    ch01_06_unused_future: kind(Kind::Compiler),
    ch01_06_running_futures: example(),
    ch01_06_rayon_bridge: Listing {
        rules: &[
            // The heartbeats need 100 ms at least; late ones show a busy thread.
            Rule::Range { pattern: r"took( +\d+) ms", min: 100.0, max: 60_000.0 },
            Rule::Range { pattern: r"primes in( +\d+) ms", min: 1.0, max: 60_000.0 },
        ],
        release: true,
        ..example()
    },
    ch01_07_cost_of_parallelism: Listing {
        rules: &[
            Rule::Range { pattern: r"pool: (\d+)", min: 1.0, max: 1024.0 },
            MICROSECONDS,
            // Rayon's overhead dwarfs a thousand square roots, on any machine.
            Rule::Range { pattern: r"^ +1000\b.*?( +\d+\.\d+)x$", min: 0.0, max: 0.9 },
            // Large inputs: any speedup a loaded 2-core machine or a many-core
            // one may show (the point is the contrast with the line above).
            Rule::Range { pattern: r"^ +10000000\b.*?( +\d+\.\d+)x$", min: 0.2, max: 1024.0 },
        ],
        alone: true,
        release: true,
        ..example()
    },
}
