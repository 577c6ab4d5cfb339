//! Chapter 4: Pools, Futures and the Event Loop.
use super::*;

listings! {
    ch04_00_one_thread_or_many: Listing {
        rules: &[
            Rule::Mask { pattern: r"ThreadId\((\d+)\)" },
            // Four tasks of 50 ms: one after the other on one thread...
            Rule::Range {
                pattern: r"current_thread runtime:\n(?:.*\n)*?  1 thread\(s\), (\d+) ms",
                min: 195.0,
                max: 1000.0,
            },
            // ...or two at a time on two workers, though on a loaded machine
            // the worker that wakes first may take every task.
            Rule::Range { pattern: r"2 workers:\n(?:.*\n)*?  (\d) thread\(s\)", min: 1.0, max: 2.0 },
            Rule::Range { pattern: r"thread\(s\), (\d+) ms", min: 95.0, max: 1000.0 },
            // When each task ran, in ms since its runtime started.
            Rule::Range { pattern: r"\), (\d+) to", min: 0.0, max: 1000.0 },
            Rule::Range { pattern: r" to (\d+) ms$", min: 45.0, max: 1000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch04-00-one-thread-or-many.svg",
            draw: figures::runtime_flavours,
        }),
        ..example()
    },
    ch04_01_cpu_bound_speedup: Listing {
        rules: &[
            Rule::Range { pattern: r"threads?: +(\d+) ms", min: 5.0, max: 1000.0 },
            // The output shows an idle 2-core machine; the range is wide
            // because a loaded one must pass too: timing is not a test.
            Rule::Range { pattern: r"speedup: (\d+\.\d)x", min: 0.5, max: 2.6 },
        ],
        alone: true,
        release: true,
        ..example()
    },
    ch04_01_gil_threads: Listing {
        rules: &[
            // The page says which Python printed its output; a build running
            // without the GIL fails here, and in the last rule.
            Rule::Mask { pattern: r"^CPython (\d+\.\d+\.\d+), with the GIL$" },
            Rule::Range { pattern: r"threads?: +(\d+) ms", min: 5.0, max: 3000.0 },
            // Medians of rounds taken in turns: load slows both sides alike,
            // but a loaded machine may still tip the ratio a few tenths.
            Rule::Range { pattern: r"speedup: (\d+\.\d)x", min: 0.2, max: 4.0 },
            // The GIL itself: one thread or two, one core busy at most. Load
            // can only lower this figure; a build without the GIL would show
            // about 2 for the two threads.
            Rule::Range { pattern: r"cores busy (\d+\.\d)$", min: 0.1, max: 1.3 },
        ],
        alone: true,
        ..kind(Kind::Python)
    },
    ch04_02_worker_threads: Listing {
        rules: &[
            Rule::Unordered { pattern: r"^worker-\d: +\d+$" },
            // Five pauses of 10 to 40 ms each.
            Rule::Range { pattern: r"pausing (\d+) ms", min: 50.0, max: 200.0 },
        ],
        ..example()
    },
    ch04_03_pool_of_threads: Listing {
        rules: &[
            Rule::Mask { pattern: r"127\.0\.0\.1:(\d+)" },
            // Which pool thread runs which job changes from run to run.
            Rule::Mask { pattern: r"^pool-(\d)," },
            // When each job ran, in ms since just before the pool was built.
            Rule::Range { pattern: r"^pool-<varies>, (\d+) to", min: 0.0, max: 2000.0 },
            Rule::Range { pattern: r"^pool-<varies>, <number> to (\d+) ms", min: 0.0, max: 2000.0 },
            // The slowest page takes 400 ms; the others wait alongside it.
            Rule::Range { pattern: r"URLs in (\d+) ms", min: 399.0, max: 2000.0 },
        ],
        figure: Some(Figure {
            file: "img/ch04-03-pool-of-threads.svg",
            draw: figures::pool_jobs,
        }),
        ..example()
    },
    ch04_03_joinset: Listing {
        rules: &[
            Rule::Mask { pattern: r"127\.0\.0\.1:(\d+)" },
            Rule::Range { pattern: r"URLs in (\d+) ms", min: 399.0, max: 2000.0 },
        ],
        ..example()
    },
    ch04_03_limit: Listing {
        rules: &[
            // Six pages of 100 ms, two at a time: three rounds.
            Rule::Range { pattern: r"\(2\): +6 pages in (\d+) ms", min: 299.0, max: 3000.0 },
            // All six at once: one round.
            Rule::Range { pattern: r"no limit: +6 pages in (\d+) ms", min: 99.0, max: 2000.0 },
        ],
        ..example()
    },
    ch04_03_rate_limit: Listing {
        rules: &[
            // The first tick completes at once, within the timer's millisecond.
            Rule::Range { pattern: r"^\w+: +requests start at (\d+),", min: 0.0, max: 50.0 },
            // After 70 ms idle, the next tick completes at once, whatever the behaviour.
            Rule::Range { pattern: r"^\w+: +requests start at <number>, (\d+),", min: 69.0, max: 1000.0 },
            // Burst: the missed ticks at 40 and 60 ms, at once too.
            Rule::Range { pattern: r"^Burst: +requests start at <number>, <number>, (\d+),", min: 69.0, max: 1000.0 },
            Rule::Range { pattern: r"^Burst: +requests start at (?:<number>, ){3}(\d+) ms", min: 69.0, max: 1000.0 },
            // Delay: a full period after each tick.
            Rule::Range { pattern: r"^Delay: +requests start at <number>, <number>, (\d+),", min: 89.0, max: 1000.0 },
            Rule::Range { pattern: r"^Delay: +requests start at (?:<number>, ){3}(\d+) ms", min: 109.0, max: 1000.0 },
            // Skip: the next multiples of 20 ms.
            Rule::Range { pattern: r"^Skip: +requests start at <number>, <number>, (\d+),", min: 79.0, max: 1000.0 },
            Rule::Range { pattern: r"^Skip: +requests start at (?:<number>, ){3}(\d+) ms", min: 99.0, max: 1000.0 },
        ],
        ..example()
    },
    ch04_03_heartbeat: Listing {
        rules: &[
            // Beats every 100 ms from 0; the job is sent at 150 ms, the stop at
            // 250: 50 ms from any beat, so that the lines keep their order.
            Rule::Range { pattern: r"^( *\d+) ms  heartbeat 1$", min: 0.0, max: 3000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  heartbeat 2$", min: 99.0, max: 3000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  job 1$", min: 149.0, max: 3000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  heartbeat 3$", min: 199.0, max: 3000.0 },
            Rule::Range { pattern: r"^( *\d+) ms  stopped$", min: 249.0, max: 3000.0 },
        ],
        ..example()
    },
    ch04_03_pool_panic: Listing {
        rules: &[
            // A core file may or may not be written, as the system is set up.
            Rule::Mask { pattern: r"signal: 6 \(SIGABRT\)(.*)$" },
            // The handler runs at once, the two jobs after 200 ms, in any order.
            // Which pool thread ran the panicking job changes from run to run.
            Rule::Mask { pattern: r"handler on pool-(\d)" },
            Rule::Unordered { pattern: r"^  stdout: (the panic handler on|job \d returned)" },
        ],
        ..example()
    },
    ch04_04_one_thread_many_sockets: Listing {
        // 100 waits of 100 ms, all at once: about 100 ms, not 10 s.
        rules: &[Rule::Range { pattern: r"served in (\d+) ms", min: 99.0, max: 2000.0 }],
        ..example()
    },
    ch04_05_gather_in_order: Listing {
        // The longest job sleeps 500 ms; the others sleep alongside it.
        rules: &[Rule::Range { pattern: r"done in (\d+) ms", min: 499.0, max: 1500.0 }],
        ..example()
    },
}
