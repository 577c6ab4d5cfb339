//! Chapter 3: The Async Tour.
use super::*;

const FAILED_TO_COMPILE: Listing = Listing {
    code: 1,
    ..kind(Kind::Compiler)
};

/// The periods each worker of Listings 3-72 and 3-73 fits before the SIGTERM
/// sent at 60 ms (3, or fewer if a loaded machine starts a thread late, more
/// if the signal comes late): wide.
const TICKS_BEFORE_THE_SIGNAL: Rule = Rule::Range {
    pattern: r"ticks: (\d+)",
    min: 0.0,
    max: 10_000.0,
};

listings! {
    ch03_01_sequential_or_concurrent: Listing {
        rules: &[
            Rule::Range { pattern: r"one after the other: (\d+) ms", min: 495.0, max: 5000.0 },
            Rule::Range { pattern: r"together with join!: (\d+) ms", min: 295.0, max: 490.0 },
            // When each future was done, from the start of its half.
            Rule::Range { pattern: r"^( *\d+) ms  one done", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  two done", min: 149.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  three done", min: 299.0, max: 5000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch03-01-sequential-or-concurrent.svg",
            draw: figures::sequential_or_join,
        }),
        ..example()
    },
    ch03_02_producer_consumer: example(),
    ch03_02_bounded_queue: Listing {
        rules: &[Rule::Range { pattern: r"producer done after (\d+) ms", min: 85.0, max: 5000.0 }],
        ..example()
    },
    ch03_02_worker_pool: Listing {
        rules: &[
            // Which worker takes which job, and the order of the lines of
            // jobs that end in the same millisecond, vary.
            Rule::Mask { pattern: r"^worker (\d): job" },
            Rule::Unordered { pattern: r"^worker .*: job \d done" },
            Rule::Unordered { pattern: r"^worker \d: the queue is closed" },
            Rule::Range { pattern: r"all 6 jobs done after (\d+) ms", min: 59.0, max: 5000.0 },
        ],
        ..example()
    },
    ch03_02_broadcast: example(),
    ch03_02_fan_out: kind(Kind::Python),
    ch03_02_actor: example(),
    ch03_02_asyncio_actor: kind(Kind::Python),
    ch03_03_tokio_main: example(),
    ch03_03_block_on: example(),
    ch03_03_two_runtimes: Listing {
        rules: &[
            Rule::Range { pattern: r"( *\d+) ms,", min: 20.0, max: 20000.0 },
            // The second task usually enters `crunch` before the first leaves
            // it, even on one core, where the OS takes turns between the two
            // workers: 1 only if it starts too late. One thread is always 1.
            Rule::Range { pattern: r"\(2 workers\).*at most (\d) task", min: 1.0, max: 2.0 },
            // The output shows an idle 2-core machine; the range is wide
            // because a loaded one must pass too: timing is not a test.
            Rule::Range { pattern: r"speedup with 2 workers: (\d+\.\d)x", min: 0.5, max: 2.6 },
        ],
        // It times CPU-bound tasks: no other listing may share the cores.
        alone: true,
        release: true,
        ..example()
    },
    ch03_04_gather: Listing {
        rules: &[Rule::Range { pattern: r"total: (\d+) ms", min: 445.0, max: 5000.0 }],
        ..example()
    },
    ch03_04_try_join: Listing {
        rules: &[Rule::Range { pattern: r"returned after (\d+) ms", min: 145.0, max: 900.0 }],
        ..example()
    },
    ch03_05_spawn: example(),
    ch03_05_guard_across_await: FAILED_TO_COMPILE,
    ch03_05_lock_then_await: example(),
    ch03_05_drop_guard: FAILED_TO_COMPILE,
    ch03_05_never_retrieved: Listing {
        // The traceback names the listing by its absolute path.
        rules: &[
            Rule::Mask { pattern: r"defined at (.*)listings/python/" },
            Rule::Mask { pattern: r#"File "(.*)listings/python/"# },
        ],
        ..kind(Kind::Python)
    },
    ch03_05_unawaited_errors: Listing {
        rules: &[
            // The panic hook's blank line and thread id change between Rust releases.
            Rule::Mask { pattern: r"^(\n?)thread '" },
            Rule::Mask { pattern: r"thread 'tokio-rt-worker'(.*) panicked at" },
            Rule::Mask { pattern: r"task (\d+) panicked with" },
        ],
        ..example()
    },
    ch03_05_mixed_errors: example(),
    ch03_05_handler_table: example(),
    ch03_05_tree_walk: example(),
    ch03_05_inflight_task: kind(Kind::Python),
    ch03_05_shared_fetch: example(),
    ch03_05_defaultdict_locks: kind(Kind::Python),
    ch03_05_lock_per_key: example(),
    ch03_05_context_vars: kind(Kind::Python),
    ch03_05_task_local: example(),
    ch03_05_log_request_id: Listing {
        // The default executor's thread is reused, unless it is still busy.
        rules: &[Rule::Mask { pattern: r"^INFO (asyncio_\d+) " }],
        ..kind(Kind::Python)
    },
    ch03_05_request_spans: Listing {
        // Which worker polls a task varies from one poll to the next.
        rules: &[Rule::Mask { pattern: r"^ INFO (worker-\d) " }],
        ..example()
    },
    ch03_05_exception_chain: Listing {
        // The traceback names the listing by its absolute path.
        rules: &[Rule::Mask { pattern: r#"File "(.*)listings/python/"# }],
        ..kind(Kind::Python)
    },
    ch03_05_error_chain: example(),
    ch03_05_json_formatter: kind(Kind::Python),
    ch03_05_json_log_file: example(),
    ch03_06_sleep: Listing {
        rules: &[
            Rule::Range { pattern: r"tick at (\d+) ms", min: 45.0, max: 5000.0 },
            Rule::Range { pattern: r"Awake! after (\d+) ms", min: 295.0, max: 5000.0 },
        ],
        ..example()
    },
    ch03_06_blocking_in_async: Listing {
        rules: &[
            Rule::Range { pattern: r"std::thread::sleep in tasks: +(\d+) ms", min: 495.0, max: 5000.0 },
            Rule::Range { pattern: r"tokio::time::sleep in tasks: +(\d+) ms", min: 95.0, max: 450.0 },
            Rule::Range { pattern: r"spawn_blocking: +(\d+) ms", min: 95.0, max: 450.0 },
        ],
        ..example()
    },
    ch03_06_blocking_pool_size: Listing {
        rules: &[
            // One thread per sleep, unless a loaded machine holds main up for 50 ms while
            // it hands them out and a thread that is done takes the next one (77 seen).
            Rule::Range { pattern: r"default pool: .* on +(\d+) threads", min: 2.0, max: 100.0 },
            Rule::Range { pattern: r"default pool: .* threads, +(\d+) ms", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"max_blocking_threads\(10\): .* on +(\d+) threads", min: 1.0, max: 10.0 },
            Rule::Range { pattern: r"max_blocking_threads\(10\): .* threads, +(\d+) ms", min: 495.0, max: 10000.0 },
        ],
        ..example()
    },
    ch03_06_to_thread_pool_size: Listing {
        rules: &[
            // min(32, CPUs + 4): 5 to 32 threads, depending on the machine.
            Rule::Range { pattern: r"default executor: .* on +(\d+) threads", min: 1.0, max: 32.0 },
            Rule::Range { pattern: r"default executor: .* threads, +(\d+) ms", min: 195.0, max: 20000.0 },
            Rule::Range { pattern: r"min\(32, (\d+) \+ 4\)", min: 1.0, max: 100000.0 },
            Rule::Range { pattern: r"\+ 4\) = (\d+)$", min: 5.0, max: 32.0 },
            Rule::Range { pattern: r"max_workers=10: .* on +(\d+) threads", min: 1.0, max: 10.0 },
            Rule::Range { pattern: r"max_workers=10: .* threads, +(\d+) ms", min: 495.0, max: 20000.0 },
        ],
        ..kind(Kind::Python)
    },
    ch03_06_debug_mode: Listing {
        rules: &[
            // The script's absolute path, the line of asyncio that created the
            // task (it changes with Python's version), the time of the step.
            Rule::Mask { pattern: r"defined at (.*)listings/python/" },
            Rule::Mask { pattern: r"created at (\S+)>" },
            Rule::Range { pattern: r"took ([\d.]+) seconds", min: 0.145, max: 3.0 },
        ],
        ..kind(Kind::Python)
    },
    ch03_06_busy_and_idle: Listing {
        rules: &[
            // tracing-subscriber picks the unit (ns, µs, ms, s) to fit each
            // duration: the 150 ms ones print in ms up to "1000ms" (999.5 ms
            // rounds up), and as "1.00s" from a second on, where the ms rules
            // stop matching and fail, as past any bound; the short ones are
            // microseconds here, and may reach milliseconds on a loaded machine.
            Rule::Range { pattern: r#"name="blocking"\}: close time\.busy=(\d+)ms"#, min: 145.0, max: 1000.0 },
            Rule::Mask { pattern: r#"name="blocking"\}: close time\.busy=\S+ time\.idle=([\d.]+(?:ns|µs|ms))$"# },
            Rule::Mask { pattern: r#"name="awaiting"\}: close time\.busy=([\d.]+(?:ns|µs|ms)) "# },
            Rule::Range { pattern: r#"name="awaiting"\}: close time\.busy=\S+ time\.idle=(\d+)ms$"#, min: 145.0, max: 1000.0 },
        ],
        ..example()
    },
    ch03_07_wait: Listing {
        rules: &[
            // The loser of select! is dropped as "Hello" wins at 50 ms; the
            // future given to timeout, when its 100 ms are up.
            Rule::Range { pattern: r"^( *\d+) ms  say_world\(\): dropped", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  select! winner", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  timeout: ", min: 99.0, max: 5000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch03-07-select-and-timeout.svg",
            draw: figures::select_and_timeout,
        }),
        ..example()
    },
    ch03_07_wait_timeout: example(),
    ch03_07_retry: Listing {
        rules: &[
            // The jitter: a random wait between half the delay and all of it.
            Rule::Range { pattern: r"waiting (\d+) ms \(of up to 20\)", min: 10.0, max: 20.0 },
            Rule::Range { pattern: r"waiting (\d+) ms \(of up to 40\)", min: 20.0, max: 40.0 },
            Rule::Range { pattern: r"waiting (\d+) ms \(of up to 60\)", min: 30.0, max: 60.0 },
            // Call 2 after the 50 ms timeout and at least 10 ms of waiting,
            // call 3 at least 20 ms after that; given up after 10 + 20 + 30.
            Rule::Range { pattern: r"^( *\d+) ms  call 1$", min: 0.0, max: 1000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  call 2$", min: 60.0, max: 3000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  call 3$", min: 80.0, max: 3000.0 },
            Rule::Range { pattern: r"given up after (\d+) ms", min: 60.0, max: 3000.0 },
        ],
        ..example()
    },
    // Stdout only: the listing's own panic hook prints nothing.
    ch03_07_supervisor: example(),
    ch03_07_select: example(),
    ch03_08_as_completed: Listing {
        rules: &[
            // Each part timed from its own start: 50, 150 and 300 ms.
            Rule::Range { pattern: r"^( *\d+) ms  (?:fast|[a-zA-Z_]+ gives \W*fast)", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  (?:medium|[a-zA-Z_]+ gives \W*medium)", min: 149.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  (?:slow|[a-zA-Z_]+ gives \W*slow)", min: 299.0, max: 5000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch03-08-as-completed.svg",
            draw: figures::gather_or_as_completed,
        }),
        ..example()
    },
    ch03_08_write_stream: example(),
    ch03_09_shield: kind(Kind::Python),
    ch03_09_cancellation: Listing {
        rules: &[
            // 50 ms for each timeout and before the abort, 150 ms of work.
            Rule::Range { pattern: r"^( *\d+) ms  plain future: dropped", min: 49.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  2\. timeout", min: 99.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  spawned task: completed", min: 199.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  aborted task: dropped", min: 249.0, max: 5000.0 },
            // Every other time.
            Rule::Range { pattern: r"^( *\d+) ms  ", min: 0.0, max: 5000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch03-09-cancellation.svg",
            draw: figures::cancellation,
        }),
        ..example()
    },
    ch03_09_task_group: Listing {
        rules: &[Rule::Range { pattern: r"every task ended after (\d+) ms", min: 145.0, max: 900.0 }],
        ..example()
    },
    ch03_09_cancel_safety: example(),
    ch03_09_deadline: Listing {
        rules: &[
            // A new sleep on every turn never fires: items come every 20 ms.
            Rule::Range { pattern: r"in the loop: +(\d+) items", min: 10.0, max: 10.0 },
            Rule::Range { pattern: r"in (\d+) ms, then the channel", min: 195.0, max: 5000.0 },
            // The deadline fires at 100 ms, after about four items.
            Rule::Range { pattern: r"before the loop: (\d+) items", min: 0.0, max: 9.0 },
            Rule::Range { pattern: r"in (\d+) ms, then the 100", min: 95.0, max: 900.0 },
        ],
        ..example()
    },
    ch03_09_async_cleanup: example(),
    ch03_09_async_with: kind(Kind::Python),
    ch03_10_event: Listing {
        rules: &[
            Rule::Unordered { pattern: r"^waiter [12]: waiting" },
            Rule::Unordered { pattern: r"^waiter [12]: the event is set" },
        ],
        ..example()
    },
    ch03_10_condition_barrier: Listing {
        rules: &[
            // Woken together, run in parallel. The workers arrive at the
            // barrier in turn, by construction: no rule for those lines.
            Rule::Unordered { pattern: r"^consumer [12]: sees" },
            Rule::Unordered { pattern: r"^worker \d: through" },
        ],
        ..example()
    },
    ch03_10_asyncio_condition_barrier: kind(Kind::Python),
    ch03_10_graceful_shutdown: Listing {
        rules: &[Rule::Unordered { pattern: r"^worker [12]: stopping" }],
        ..example()
    },
    ch03_10_structured_shutdown: Listing {
        rules: &[
            Rule::Unordered { pattern: r"^connection [12]: stop" },
            Rule::Unordered { pattern: r"^(report: None|flusher: stopping)" },
        ],
        ..example()
    },
    ch03_10_service: example(),
    ch03_10_asyncio_service: kind(Kind::Python),
    ch03_10_signals: example(),
    ch03_10_asyncio_signals: kind(Kind::Python),
    ch03_10_reload_on_hup: example(),
    ch03_11_thread_event: Listing {
        rules: &[
            Rule::Unordered { pattern: r"^thread \d: ready" },
            Rule::Unordered { pattern: r"^thread \d: the event is set" },
        ],
        ..example()
    },
    // faulthandler's dump, on stderr, then _exit(1). The thread ids, the
    // paths and threading.py's line numbers vary; so does how main waits in
    // join (3.11 and 3.12 show two frames of threading.py, 3.13 one).
    ch03_11_faulthandler: Listing {
        code: 1,
        rules: &[
            Rule::Mask {
                pattern: r#"\(most recent call first\):\n((?:  File "[^"]+threading\.py", line \d+ in (?:_wait_for_tstate_lock|join)\n)*  File "[^"]+threading\.py", line \d+ in join)$"#,
            },
            Rule::Mask { pattern: r#"^  File "([^"]+)threading\.py", line \d+ in "# },
            Rule::Mask { pattern: r#"threading\.py", line (\d+) in "# },
            Rule::Mask { pattern: r#"^  File "(.*)listings/python/"# },
            Rule::Mask { pattern: r"thread (0x[0-9a-f]+)$" },
            Rule::Mask { pattern: r"^Thread (0x[0-9a-f]+) \(most recent call first\)" },
        ],
        ..kind(Kind::Python)
    },
    // The watchdog's report, on stderr, and exit code 1: the deadlock is
    // certain, so a loaded machine changes only how long the threads wait.
    ch03_11_watchdog: Listing { code: 1, ..example() },
    ch03_11_handle_from_thread: example(),
    ch03_11_semaphore: Listing {
        // 2 whenever two threads overlap inside, as they do unless a loaded
        // machine runs them one after another; never more than the 2 tokens.
        rules: &[Rule::Range { pattern: r"inside at once: (\d+)", min: 1.0, max: 2.0 }],
        ..example()
    },
    ch03_11_loop_from_thread: kind(Kind::Python),
    ch03_11_stop_signal: Listing {
        rules: &[
            // How many periods of 40 ms fit before the signal at 100 ms (2,
            // unless a loaded machine starts a thread late), and how late
            // each worker notices it: wide, for a loaded machine.
            Rule::Range { pattern: r"ticks: (\d+)", min: 0.0, max: 1000.0 },
            Rule::Range { pattern: r"stopped( *\d+) ms", min: 0.0, max: 60_000.0 },
        ],
        ..example()
    },
    ch03_11_signal_thread: Listing { rules: &[TICKS_BEFORE_THE_SIGNAL], ..example() },
    ch03_11_signal_handler: Listing { rules: &[TICKS_BEFORE_THE_SIGNAL], ..kind(Kind::Python) },
    ch03_12_worker_processes: Listing {
        rules: &[Rule::Mask { pattern: r"pid (\d+)" }],
        ..example()
    },
    ch03_12_worker_processes_bad_args: Listing {
        of: Some("ch03-12-worker-processes"),
        args: &["worker", "ten", "twenty"],
        code: 2,
        ..example()
    },
    ch03_12_tokio_process: Listing {
        rules: &[
            // Each line comes 30 ms after the one before, the first after the child started.
            Rule::Range { pattern: r"^( *\d+) ms  read .line 1", min: 29.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  read .line 2", min: 59.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  read .line 3", min: 89.0, max: 5000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  wait", min: 89.0, max: 5000.0 },
        ],
        ..example()
    },
    ch03_12_blocking_output: Listing {
        rules: &[
            Rule::Range { pattern: r"std::process::Command in tasks: +(\d+) ms", min: 495.0, max: 5000.0 },
            // Below std's least: the five children overlap (374 ms seen on a loaded machine).
            Rule::Range { pattern: r"tokio::process::Command in tasks: +(\d+) ms", min: 95.0, max: 490.0 },
        ],
        ..example()
    },
    ch03_12_timeout_terminate: example(),
    ch03_12_process_group: Listing {
        rules: &[Rule::Mask { pattern: r"its sleep (\d+) still running" }],
        ..example()
    },
    // Each child is given 1 s to exit once it has said its line: the one whose runtime
    // waits for its stdin never does, the two others exit within milliseconds.
    ch03_12_async_stdin: example(),
    ch03_12_asyncio_subprocess: Listing {
        rules: &[
            // A Python child takes tens to hundreds of ms to start.
            Rule::Range { pattern: r"^( *\d+) ms  read 'line 1", min: 29.0, max: 10000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  read 'line 2", min: 59.0, max: 10000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  read 'line 3", min: 89.0, max: 10000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  wait", min: 89.0, max: 10000.0 },
        ],
        ..kind(Kind::Python)
    },
    ch03_13_creation_costs: Listing {
        rules: &[
            // Orders of magnitude, not values: they depend on the machine and its load.
            Rule::Range { pattern: r"process spawn \+ wait: +([\d.]+) µs", min: 50.0, max: 200000.0 },
            Rule::Range { pattern: r"thread spawn \+ join: +([\d.]+) µs", min: 1.0, max: 20000.0 },
            Rule::Range { pattern: r"tokio task \+ await: +([\d.]+) µs", min: 0.05, max: 5000.0 },
        ],
        alone: true,
        release: true,
        ..example()
    },
    ch03_13_creation_costs_bad_args: Listing {
        of: Some("ch03-13-creation-costs"),
        args: &["--fast"],
        code: 2,
        ..example()
    },
}
