//! Figures drawn from listings' outputs. A figure is a pure function of the
//! output file it is drawn from: regenerating the outputs redraws it, and the
//! test checks that the SVG in `src/img/` is the drawing of the output shown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use regex::Regex;

use crate::timeline::{COLOURS, GREY, Timeline, WIDTH, panel, timed_lines};

/// A figure drawn from a listing's output.
#[derive(Debug)]
pub struct Figure {
    /// Where the chapter finds it, under `src/`.
    pub file: &'static str,
    pub draw: fn(&str) -> String,
}

/// Figure 2-3: Listing 2-9's jobs on the rayon pool, from lines such as
/// `Job 3 on worker 1, from 1.00 s to 2.00 s`: one lane per worker, one bar
/// per job.
pub fn job_timeline(output: &str) -> String {
    let line = Regex::new(r"Job (\d+) on worker (\d+), from ([\d.]+) s to ([\d.]+) s").unwrap();
    let mut jobs: Vec<(usize, usize, f64, f64)> = line
        .captures_iter(output)
        .map(|c| {
            (
                c[1].parse().unwrap(),
                c[2].parse().unwrap(),
                c[3].parse().unwrap(),
                c[4].parse().unwrap(),
            )
        })
        .collect();
    assert!(!jobs.is_empty(), "no job lines to draw");
    // Workers top to bottom in their order, whichever printed first.
    jobs.sort_by_key(|job| job.1);
    let mut timeline = Timeline::default();
    for (job, worker, from, to) in jobs {
        let lane = timeline.lane(&format!("worker {worker}"));
        timeline.bar(lane, from, to, format!("job {job}"), job);
    }
    timeline.svg()
}

/// Chapter 5's table as a chart: each way of counting the primes as a dot at
/// its median time on a log axis, with a line across its fastest and slowest
/// rounds (a dot's position carries the time, so the log axis stretches no
/// length), then each way of waiting by its memory per task, as bars on a
/// linear axis from 0.
pub fn measured_chart(output: &str) -> String {
    let timed = Regex::new(r"(?m)^(\S.*?[a-z]) +(\d+\.\d+) s  (\d+\.\d+)-(\d+\.\d+)").unwrap();
    let memory = Regex::new(r"(?m)^(\S.*?[a-z]) +\d+\.\d+ s  \S+ +\d+\.\d µs +(\d+) B").unwrap();
    // The ways of counting come before the waiting table.
    let counting = output.split("\nWaiting:").next().unwrap();
    let rows: Vec<(String, [f64; 3])> = timed
        .captures_iter(counting)
        .map(|c| (c[1].to_string(), [2, 3, 4].map(|i| c[i].parse().unwrap())))
        .collect();
    let waiting: Vec<(String, f64)> = memory
        .captures_iter(output)
        .map(|c| (c[1].to_string(), c[2].parse().unwrap()))
        .collect();
    assert_eq!(
        rows.len(),
        14,
        "the benchmark has 14 ways of counting the primes"
    );
    assert!(
        waiting.len() >= 5,
        "the benchmark has at least 5 ways of waiting"
    );

    // Each row's name above its mark, so that the marks get the width: the
    // chart stays narrow enough to read on a phone.
    let (left, span, row, width) = (32.0, 440.0, 34.0, WIDTH);
    let colour = |name: &str| {
        if name.starts_with("CPython") || name.starts_with("asyncio") {
            COLOURS[0]
        } else if name.starts_with("numba") {
            COLOURS[2]
        } else {
            COLOURS[1]
        }
    };
    let label = |svg: &mut String, y: f64, name: &str, text: &str| {
        writeln!(
            svg,
            r##"<text x="{left}" y="{ly:.1}" fill="#333">{name}<tspan fill="#555">  {text}</tspan></text>"##,
            ly = y + 13.0,
        )
        .unwrap();
    };
    let axis = |svg: &mut String, y: f64, ticks: &[(f64, String)]| {
        writeln!(
            svg,
            r##"<line x1="{left}" y1="{y}" x2="{x2}" y2="{y}" stroke="#666"/>"##,
            x2 = left + span
        )
        .unwrap();
        for (x, text) in ticks {
            writeln!(
                svg,
                r##"<line x1="{x:.1}" y1="{y}" x2="{x:.1}" y2="{y2}" stroke="#666"/><text x="{x:.1}" y="{ty}" fill="#333" text-anchor="middle">{text}</text>"##,
                x = left + x,
                y2 = y + 5.0,
                ty = y + 20.0,
            )
            .unwrap();
        }
    };
    let mut y = 34.0;
    let height = y + row * 14.0 + 60.0 + row * waiting.len() as f64 + 34.0;
    let mut svg = panel(width, height, 14.0);

    // Times on a log scale, from the decade below the fastest to the decade
    // above the slowest.
    let fastest = rows.iter().map(|r| r.1[1]).fold(f64::MAX, f64::min);
    let slowest = rows.iter().map(|r| r.1[2]).fold(0.0, f64::max);
    let (low, high) = (fastest.log10().floor(), slowest.log10().ceil());
    let high = high.max(low + 1.0);
    let x = |seconds: f64| span * (seconds.log10() - low) / (high - low);
    writeln!(
        svg,
        r##"<text x="12" y="20" fill="#333" font-weight="bold">Counting primes: median time, log scale (left is faster)</text>"##
    )
    .unwrap();
    for (name, [median, fast, slow]) in &rows {
        label(&mut svg, y, name, &format!("{median:.3} s"));
        let (cy, c) = (y + 24.0, colour(name));
        writeln!(
            svg,
            r##"<line x1="{left}" y1="{cy:.1}" x2="{x2}" y2="{cy:.1}" stroke="#ddd"/><line x1="{x1:.1}" y1="{cy:.1}" x2="{x3:.1}" y2="{cy:.1}" stroke="{c}" stroke-width="3"/><circle cx="{cx:.1}" cy="{cy:.1}" r="5" fill="{c}"/>"##,
            x2 = left + span,
            x1 = left + x(*fast),
            x3 = left + x(*slow),
            cx = left + x(*median),
        )
        .unwrap();
        y += row;
    }
    let ticks: Vec<(f64, String)> = (low as i32..=high as i32)
        .map(|decade| {
            let seconds = 10f64.powi(decade);
            let text = if decade < 0 {
                format!("{seconds:.*} s", (-decade) as usize)
            } else {
                format!("{seconds:.0} s")
            };
            (x(seconds), text)
        })
        .collect();
    axis(&mut svg, y + 4.0, &ticks);

    // Memory per task, bars on a linear scale from 0.
    y += 60.0;
    writeln!(
        svg,
        r##"<text x="12" y="{ty}" fill="#333" font-weight="bold">Waiting: memory per task or thread (shorter is less)</text>"##,
        ty = y - 14.0
    )
    .unwrap();
    let most = waiting.iter().map(|r| r.1).fold(0.0, f64::max);
    let step = [
        100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0,
    ]
    .into_iter()
    .find(|step| most / step <= 5.0)
    .unwrap_or(100000.0);
    let top = (most / step).ceil().max(1.0) * step;
    for (name, bytes) in &waiting {
        label(&mut svg, y, name, &format!("{bytes:.0} B"));
        writeln!(
            svg,
            r##"<rect x="{left}" y="{by:.1}" width="{w:.1}" height="12" rx="2" fill="{c}"/>"##,
            by = y + 18.0,
            w = (span * bytes / top).max(2.0),
            c = colour(name),
        )
        .unwrap();
        y += row;
    }
    let ticks: Vec<(f64, String)> = (0..=(top / step) as usize)
        .map(|i| {
            let bytes = i as f64 * step;
            let text = if bytes >= 1000.0 {
                format!("{} kB", bytes / 1000.0)
            } else {
                format!("{bytes} B")
            };
            (span * bytes / top, text)
        })
        .collect();
    axis(&mut svg, y + 4.0, &ticks);
    svg.push_str("</svg>\n");
    svg
}

/// The tasks of Listings 1-2 and 1-41, one lane each, from lines such as
/// `0.10 s  Task B is working... (step 1 of 3)`: a bar per step, a mark when
/// the task completes. On one thread (`one_thread`) a step runs until the next
/// line of any task, when it yields; in tokio it waits until the task's own
/// next line, when its sleep ends.
fn task_steps(output: &str, one_thread: bool) -> String {
    let line =
        Regex::new(r"^Task (\w+) (?:is working\.\.\. \(step (\d+) of \d+\)|completed)").unwrap();
    let events: Vec<(f64, String, Option<String>)> = timed_lines(output)
        .into_iter()
        .filter_map(|(t, rest)| {
            let c = line.captures(rest)?;
            Some((
                t,
                c[1].to_string(),
                c.get(2).map(|s| s.as_str().to_string()),
            ))
        })
        .collect();
    let mut timeline = Timeline::default();
    for (i, (t, name, step)) in events.iter().enumerate() {
        let lane = timeline.lane(&format!("Task {name}"));
        match step {
            Some(step) => {
                let end = events[i + 1..]
                    .iter()
                    .find(|next| one_thread || next.1 == *name)
                    .expect("a step is followed by another line")
                    .0;
                timeline.bar(lane, *t, end, format!("step {step}"), lane);
            }
            None => timeline.mark(lane, *t, "completed"),
        }
    }
    timeline.svg()
}

/// Figure 1-1: Listing 1-2's two tasks taking turns on one thread.
pub fn event_loop_turns(output: &str) -> String {
    task_steps(output, true)
}

/// Figure 1-4: Listing 1-41's six tasks, one after the other and joined.
pub fn tokio_tasks(output: &str) -> String {
    task_steps(output, false)
}

/// Figure 1-2: Listing 1-4's two threads, and `main` waiting in `join`.
pub fn threads_join(output: &str) -> String {
    let mut timeline = Timeline::new(["main", "thread A", "thread B"]);
    let mut started = BTreeMap::new();
    let mut waiting = None;
    for (t, rest) in timed_lines(output) {
        if rest == "Threads started" {
            timeline.mark(0, t, "both spawned");
            waiting = Some(t);
        } else if rest == "Threads finished" {
            let from = waiting.expect("main starts the threads first");
            timeline.bar(0, from, t, "waits in join", GREY);
            timeline.mark(0, t, "finished");
        } else if let Some(task) = rest.strip_prefix("Task ") {
            let (name, what) = task.split_once(' ').expect("Task NAME started/completed");
            if what == "started" {
                started.insert(name.to_string(), t);
            } else {
                let lane = timeline.lane(&format!("thread {name}"));
                timeline.bar(lane, started[name], t, format!("Task {name}"), lane);
            }
        }
    }
    timeline.legend = vec![(GREY, "waiting".to_string())];
    timeline.svg()
}

/// Figure 1-3: Listing 1-30's producer, blocked in `send` while the channel
/// is full, and its slow consumer, one bar per item.
pub fn back_pressure(output: &str) -> String {
    let mut timeline = Timeline::new(["producer", "consumer"]);
    let lines = timed_lines(output);
    let mut last_send = 0.0;
    // Sends that return together are one mark, `sent 0–2`.
    let mut burst: Vec<(f64, &str)> = Vec::new();
    for (i, &(t, rest)) in lines.iter().enumerate() {
        if let Some(item) = rest.strip_prefix("producer  sent item ") {
            // A send that returns well after the last one waited for room.
            if t - last_send >= 0.05 {
                mark_sends(&mut timeline, &mut burst);
                timeline.bar(0, last_send, t, "blocked", GREY);
            }
            burst.push((t, item));
            last_send = t;
        } else if let Some(item) = rest.strip_prefix("consumer  took item ") {
            let end = lines[i + 1..]
                .iter()
                .find(|(_, next)| next.starts_with("consumer"))
                .expect("the consumer says when the channel closes")
                .0;
            let item: usize = item.parse().unwrap();
            timeline.bar(1, t, end, format!("item {item}"), item);
        }
    }
    mark_sends(&mut timeline, &mut burst);
    timeline.legend = vec![(GREY, "blocked in send: the channel is full".to_string())];
    timeline.svg()
}

fn mark_sends(timeline: &mut Timeline, burst: &mut Vec<(f64, &str)>) {
    if let Some(&(at, _)) = burst.first() {
        let (first, last) = (burst[0].1, burst[burst.len() - 1].1);
        let items = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        timeline.mark(0, at, format!("sent {items}"));
    }
    burst.clear();
}

/// Figure 4-1: Listing 4-1's four tasks on the threads that ran them, from
/// lines such as `  task 2 ran on ThreadId(3) (tokio-rt-worker), 53 to 103 ms`,
/// each run timed from its own start.
pub fn runtime_flavours(output: &str) -> String {
    let line =
        Regex::new(r"^  task (\d+) ran on ThreadId\((\d+)\) \(([\w-]+)\), (\d+) to (\d+) ms")
            .unwrap();
    let mut timeline = Timeline::default();
    let mut runtime = 0;
    for text in output.lines() {
        if text.starts_with("multi_thread") {
            runtime = 1;
        }
        let Some(c) = line.captures(text) else {
            continue;
        };
        let name = if &c[3] == "main" { "main" } else { "worker" };
        let lane = timeline.lane(&format!("{name}, ThreadId({})", &c[2]));
        let (from, to): (f64, f64) = (c[4].parse().unwrap(), c[5].parse().unwrap());
        timeline.bar(
            lane,
            from / 1000.0,
            to / 1000.0,
            format!("task {}", &c[1]),
            runtime,
        );
    }
    timeline.legend = vec![
        (0, "current_thread".to_string()),
        (1, "multi_thread, 2 workers".to_string()),
    ];
    timeline.svg()
}

/// Figure 4-2: Listing 4-5's five downloads, one lane per pool thread, from
/// lines such as `pool-1, 5 to 306 ms: http://127.0.0.1:38377/slow/300 page is ...`.
pub fn pool_jobs(output: &str) -> String {
    let line = Regex::new(
        r"(?m)^(pool-\d), (\d+) to (\d+) ms: http://[\d.:]+(\S*) (page|generated an error)",
    )
    .unwrap();
    let mut jobs: Vec<_> = line.captures_iter(output).collect();
    assert!(!jobs.is_empty(), "no job lines to draw");
    jobs.sort_by(|a, b| a[1].cmp(&b[1]));
    let mut timeline = Timeline::default();
    for (index, c) in jobs.iter().enumerate() {
        let lane = timeline.lane(&c[1]);
        let (from, to): (f64, f64) = (c[2].parse().unwrap(), c[3].parse().unwrap());
        let (from, to) = (from / 1000.0, to / 1000.0);
        if &c[5] == "page" {
            timeline.bar(lane, from, to, &c[4], index);
        } else {
            timeline.bar(lane, from, to, "", GREY);
            timeline.mark(lane, to, "connection refused");
        }
    }
    timeline.svg()
}

// Chapter 2's timelines.

/// Figures 2-1 and 2-2: Listings 2-4 and 2-5's `foo` and `bar`, each on its
/// own thread, and `main` waiting in `x.join()` then `y.join()`, from lines
/// such as `1.00 s  end foo` and `1.00 s  joined foo`.
pub fn foo_bar_joined(output: &str) -> String {
    let mut timeline = Timeline::new(["main", "foo's thread", "bar's thread"]);
    let mut started = BTreeMap::new();
    let mut joined = Vec::new();
    for (t, rest) in timed_lines(output) {
        let (what, name) = rest.split_once(' ').expect("start/end/joined NAME");
        let lane = match name {
            "foo" => 1,
            "bar" => 2,
            _ => panic!("unexpected line {rest:?}"),
        };
        match what {
            "start" => {
                started.insert(name, t);
            }
            "end" => timeline.bar(lane, started[name], t, format!("{name} sleeps"), lane - 1),
            "joined" => joined.push((t, name)),
            _ => panic!("unexpected line {rest:?}"),
        }
    }
    let [(foo_joined, "foo"), (bar_joined, "bar")] = joined[..] else {
        panic!("main joins foo, then bar: {joined:?}");
    };
    // `main` spawns both threads and calls `x.join()` at once.
    timeline.bar(0, 0.0, foo_joined, "x.join()", GREY);
    if bar_joined - foo_joined < 0.05 {
        // bar was over before `y.join()` was called: it returns at once (the
        // times are rounded to hundredths, so allow a few).
        timeline.mark(0, foo_joined, "joined foo; y.join() returns at once");
    } else {
        timeline.bar(0, foo_joined, bar_joined, "y.join()", GREY);
        timeline.mark(0, foo_joined, "joined foo");
        timeline.mark(0, bar_joined, "joined bar");
    }
    timeline.legend = vec![(GREY, "main waiting in join".to_string())];
    timeline.svg()
}

/// Figure 2-4: Listing 2-13's processes, one per year, and the script waiting
/// for them, from the script's `0.00 s  start 2020` lines, each process's
/// `2020: 366 days extracted in 1.00 seconds ...` and the script's
/// `All years done in 1.01 seconds`. A process's bar starts when the script
/// started it and lasts the time it reported.
pub fn all_years(output: &str) -> String {
    let extracted = Regex::new(r"^(\d{4}): \d+ days extracted in (\d+\.\d+) seconds").unwrap();
    let done = Regex::new(r"^All years done in (\d+\.\d+) seconds").unwrap();
    let mut timeline = Timeline::new(["script"]);
    let mut started = BTreeMap::new();
    for (t, rest) in timed_lines(output) {
        let year = rest.strip_prefix("start ").expect("start YEAR");
        timeline.lane(&format!("{year}'s process"));
        started.insert(year.to_string(), t);
    }
    let last_start = started.values().copied().fold(0.0, f64::max);
    timeline.mark(0, last_start, format!("all {} started", started.len()));
    for line in output.lines() {
        if let Some(c) = extracted.captures(line) {
            let year = &c[1];
            let lane = timeline.lane(&format!("{year}'s process"));
            let from = started[year];
            let took: f64 = c[2].parse().unwrap();
            timeline.bar(
                lane,
                from,
                from + took,
                format!("extracts {year}"),
                lane - 1,
            );
        } else if let Some(c) = done.captures(line) {
            let end: f64 = c[1].parse().unwrap();
            timeline.bar(0, last_start, end, r#"wait "${pids[i]}""#, GREY);
            timeline.mark(0, end, "All years done");
        }
    }
    timeline.legend = vec![(GREY, "the script waiting".to_string())];
    timeline.svg()
}

// Chapter 3's timelines.

/// Figure 3-1: Listing 3-1's three futures, awaited one after the other and
/// then together with `join!`, from lines such as `  200 ms  two done (waited
/// 150 ms)`, each half timed from its own start. One after the other, a
/// future starts when the one before it is done; with `join!`, all at 0.
pub fn sequential_or_join(output: &str) -> String {
    let done = Regex::new(r"^ *(\d+) ms  (\w+) done \(waited (\d+) ms\)").unwrap();
    let total = Regex::new(r"^(one after the other|together with join!): (\d+) ms").unwrap();
    let mut timeline = Timeline::new(["one", "two", "three", "one", "two", "three"]);
    let (mut half, mut previous) = (0, 0.0);
    for line in output.lines() {
        if let Some(c) = done.captures(line) {
            let at = c[1].parse::<f64>().unwrap() / 1000.0;
            let lane = ["one", "two", "three"]
                .iter()
                .position(|name| *name == &c[2])
                .expect("one, two or three")
                + 3 * half;
            let from = if half == 0 { previous } else { 0.0 };
            timeline.bar(lane, from, at, format!("{} ms", &c[3]), half);
            previous = at;
        } else if let Some(c) = total.captures(line) {
            let how = if half == 0 {
                "one after the other"
            } else {
                "join!"
            };
            timeline.legend.push((half, format!("{how}: {} ms", &c[2])));
            half += 1;
        }
    }
    assert_eq!(half, 2, "two halves, each with its total");
    timeline.svg()
}

/// Figure 3-2: the last two steps of Listing 3-41, from lines such as
/// `   51 ms  say_world(): dropped`: `select!`'s winner and the loser dropped
/// as it wins, then `timeout` dropping its future when the time is up.
pub fn select_and_timeout(output: &str) -> String {
    let mut timeline = Timeline::new(["say_hello()", "say_world()", "say_world()", "timer"]);
    let mut step = 0;
    for (at, rest) in timed_lines(output) {
        if rest == "say_world(): dropped" {
            timeline.bar(1 + step, 0.0, at, "", step);
            timeline.mark(1 + step, at, "dropped");
        } else if let Some(winner) = rest.strip_prefix("select! winner: ") {
            timeline.bar(0, 0.0, at, "", 0);
            timeline.mark(0, at, format!("wins: {winner}"));
            step = 1;
        } else if rest.starts_with("timeout: ") {
            timeline.bar(3, 0.0, at, "100 ms", GREY);
            timeline.mark(3, at, "time is up");
        }
    }
    timeline.legend = vec![
        (0, "in select!".to_string()),
        (1, "in timeout".to_string()),
        (GREY, "the timeout's timer".to_string()),
    ];
    timeline.svg()
}

/// Figure 3-3: Listing 3-46's three futures awaited with `join_all` and then
/// spawned into a `JoinSet`, from lines such as `  151 ms  medium finished`
/// and `  151 ms  join_next gives "medium"`: when each one finished, and when
/// the code awaiting them got each result. (The `FuturesUnordered` part gives
/// its results as `join_next` does.)
pub fn gather_or_as_completed(output: &str) -> String {
    let names = ["slow", "fast", "medium"];
    let mut timeline = Timeline::new(
        names
            .iter()
            .chain(&["join_all"])
            .chain(names.iter())
            .chain(&["join_next"])
            .copied(),
    );
    let mut half = 0;
    let mut gets = Vec::new();
    for (at, rest) in timed_lines(output) {
        if let Some(name) = rest.strip_suffix(" finished") {
            let lane = names.iter().position(|n| *n == name).expect("a known name");
            timeline.bar(lane + 4 * half, 0.0, at, "", half);
        } else if rest.starts_with("join_all gives ") {
            timeline.bar(3, 0.0, at, "waits", GREY);
            timeline.mark(3, at, "gets all three, in order");
            half = 1;
        } else if let Some(result) = rest.strip_prefix("join_next gives ") {
            gets.push((at, result));
        }
    }
    assert_eq!(gets.len(), 3, "three results from join_next");
    timeline.bar(7, 0.0, gets[2].0, "", GREY);
    for (at, result) in gets {
        timeline.mark(7, at, result);
    }
    timeline.legend = vec![
        (0, "join_all".to_string()),
        (1, "join_next".to_string()),
        (GREY, "waiting".to_string()),
    ];
    timeline.svg()
}

/// Figure 3-4: Listing 3-49's three cases, from lines such as
/// `  202 ms  aborted task: started`: a lane per future or task, from its
/// start to its end, and `main`'s timeouts, result and abort.
pub fn cancellation(output: &str) -> String {
    let mut timeline = Timeline::new(["main", "plain future", "spawned task", "aborted task"]);
    let mut started = BTreeMap::new();
    let mut completed = BTreeMap::new();
    for (at, rest) in timed_lines(output) {
        if let Some((name, what)) = rest.split_once(": ") {
            match what {
                "started" => {
                    started.insert(name, at);
                }
                "completed" => {
                    completed.insert(name, at);
                    let lane = timeline.lane(name);
                    timeline.bar(lane, started[name], at, "sleeps", lane - 1);
                    timeline.mark(lane, at, "completed");
                }
                "dropped" if !completed.contains_key(name) => {
                    let lane = timeline.lane(name);
                    timeline.bar(lane, started[name], at, "sleeps", lane - 1);
                    timeline.mark(lane, at, "dropped");
                }
                _ => {}
            }
        }
        if rest.starts_with("1. timeout") || rest.starts_with("2. timeout") {
            timeline.mark(0, at, "timeout");
        } else if rest.starts_with("...and finishes") {
            timeline.mark(0, at, "gets Ok");
        } else if rest.starts_with("3. aborted") {
            timeline.mark(0, at, "abort");
        }
    }
    assert_eq!(timeline.lanes.len(), 4, "no lane beyond the three tasks");
    timeline.svg()
}

// Chapter 7's timelines.

/// Figure 7-1: Listing 7-4's last round, one lane per Python thread of each
/// pool, a bar for each chunk the extension counted, from lines such as
/// `  GIL held, pool_0: 4-20 21-47` (ms since the round started).
pub fn gil_held_or_released(output: &str) -> String {
    let line = Regex::new(r"^  GIL (held|released), (pool_\d): ?(.*)$").unwrap();
    let mut timeline = Timeline::default();
    for text in output.lines() {
        let Some(c) = line.captures(text) else {
            continue;
        };
        let colour = if &c[1] == "held" { 1 } else { 0 };
        let lane = timeline.lane(&format!("{}, {}", &c[1], &c[2]));
        for span in c[3].split_whitespace() {
            let (from, to) = span.split_once('-').expect("FROM-TO");
            let (from, to): (f64, f64) = (from.parse().unwrap(), to.parse().unwrap());
            timeline.bar(lane, from / 1000.0, to / 1000.0, "", colour);
        }
    }
    assert_eq!(timeline.lanes.len(), 4, "two pools of two threads");
    timeline.legend = vec![(1, "GIL held".to_string()), (0, "GIL released".to_string())];
    timeline.svg()
}
