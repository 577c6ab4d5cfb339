//! Figures drawn from listings' outputs. A figure is a pure function of the
//! output file it is drawn from: regenerating the outputs redraws it, and the
//! test checks that the SVG in `src/img/` is the drawing of the output shown.

use std::fmt::Write as _;

use regex::Regex;

/// A figure drawn from a listing's output.
#[derive(Debug)]
pub struct Figure {
    /// Where the chapter finds it, under `src/`.
    pub file: &'static str,
    pub draw: fn(&str) -> String,
}

const COLOURS: [&str; 6] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1",
];

/// A timeline of jobs on workers, from lines such as
/// `Job 3 on worker 1, from 1.00 s to 2.00 s`: one row per worker, one bar per
/// job, time along the bottom.
pub fn job_timeline(output: &str) -> String {
    let line = Regex::new(r"Job (\d+) on worker (\d+), from ([\d.]+) s to ([\d.]+) s").unwrap();
    let jobs: Vec<(usize, usize, f64, f64)> = line
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
    let workers = jobs.iter().map(|j| j.1).max().unwrap() + 1;
    let seconds = jobs.iter().map(|j| j.3).fold(0.0, f64::max).ceil().max(1.0) as usize;

    let (left, top, row, scale) = (90.0, 20.0, 40.0, 160.0);
    let width = left + scale * seconds as f64 + 30.0;
    let axis = top + row * workers as f64 + 10.0;
    let height = axis + 40.0;
    let mut svg = String::new();
    writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" font-family="sans-serif" font-size="13">"#
    )
    .unwrap();
    writeln!(
        svg,
        r##"<rect width="100%" height="100%" rx="6" fill="#fafafa"/>"##
    )
    .unwrap();
    for worker in 0..workers {
        let y = top + row * worker as f64 + row / 2.0 + 4.0;
        writeln!(
            svg,
            r##"<text x="12" y="{y:.1}" fill="#333">worker {worker}</text>"##
        )
        .unwrap();
    }
    for &(job, worker, from, to) in &jobs {
        let x = left + scale * from;
        let w = (scale * (to - from) - 4.0).max(2.0);
        let y = top + row * worker as f64 + 6.0;
        let colour = COLOURS[job % COLOURS.len()];
        writeln!(
            svg,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="4" fill="{colour}"/><text x="{tx:.1}" y="{ty:.1}" fill="#fff">job {job}</text>"##,
            h = row - 12.0,
            tx = x + 8.0,
            ty = y + row / 2.0 - 2.0,
        )
        .unwrap();
    }
    writeln!(
        svg,
        r##"<line x1="{left}" y1="{axis}" x2="{x2:.1}" y2="{axis}" stroke="#666"/>"##,
        x2 = left + scale * seconds as f64
    )
    .unwrap();
    for second in 0..=seconds {
        let x = left + scale * second as f64;
        writeln!(
            svg,
            r##"<line x1="{x:.1}" y1="{axis}" x2="{x:.1}" y2="{y2}" stroke="#666"/><text x="{x:.1}" y="{ty}" fill="#333" text-anchor="middle">{second} s</text>"##,
            y2 = axis + 5.0,
            ty = axis + 22.0,
        )
        .unwrap();
    }
    svg.push_str("</svg>\n");
    svg
}

/// Figure 5-1: the rows of Chapter 5's benchmark as horizontal bars, CPython
/// and Rust in two colours. The CPU rows on a logarithmic time axis (so that
/// a 2x speedup and a 25x gap both show), the waiting rows by peak memory.
pub fn measured_chart(output: &str) -> String {
    let cpu = Regex::new(
        r"(?m)^(CPython|Rust) (sequential|thread pool|process pool|two halves|threads \+ shared counter|rayon) +([\d.]+) s +([\d.]+)x",
    )
    .unwrap();
    let waiting = Regex::new(
        r"(?m)^(CPython|Rust) ([\d,]+ (?:asyncio tasks|tokio tasks|threads)) +([\d.]+) s +\d+x +([\d.]+) MB",
    )
    .unwrap();
    let cpu: Vec<(String, String, f64, f64)> = cpu
        .captures_iter(output)
        .map(|c| {
            let (time, speedup) = (c[3].parse().unwrap(), c[4].parse().unwrap());
            (c[1].to_string(), c[2].to_string(), time, speedup)
        })
        .collect();
    let waiting: Vec<(String, String, f64, f64)> = waiting
        .captures_iter(output)
        .map(|c| {
            let (time, mb) = (c[3].parse().unwrap(), c[4].parse().unwrap());
            (c[1].to_string(), c[2].to_string(), time, mb)
        })
        .collect();
    assert_eq!(cpu.len(), 7, "the benchmark has 7 CPU-bound rows");
    assert_eq!(waiting.len(), 4, "the benchmark has 4 waiting rows");

    let (left, bars, row, width) = (250.0, 380.0, 26.0, 760.0);
    let colour = |language: &str| {
        if language == "Rust" {
            COLOURS[1]
        } else {
            COLOURS[0]
        }
    };
    let mut svg = String::new();
    let mut y = 34.0;
    // Title, 7 bars, axis, gap and title, 4 bars, axis.
    let height = y + row * 7.0 + 4.0 + 56.0 + row * 4.0 + 4.0 + 34.0;
    writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" font-family="sans-serif" font-size="13">"#
    )
    .unwrap();
    writeln!(
        svg,
        r##"<rect width="100%" height="100%" rx="6" fill="#fafafa"/>"##
    )
    .unwrap();
    let bar = |svg: &mut String, y: f64, language: &str, label: &str, length: f64, text: &str| {
        writeln!(
            svg,
            r##"<text x="12" y="{ty:.1}" fill="#333">{language} {label}</text><rect x="{left}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="3" fill="{c}"/><text x="{tx:.1}" y="{ty:.1}" fill="#333">{text}</text>"##,
            ty = y + row / 2.0 + 1.0,
            w = length.max(2.0),
            h = row - 8.0,
            c = colour(language),
            tx = left + length.max(2.0) + 6.0,
        )
        .unwrap();
    };

    // The CPU-bound rows: time on a log scale, from a decade at least twice
    // below the fastest row (so that its bar shows) to the decade above the
    // slowest.
    let low = (cpu.iter().map(|r| r.2).fold(f64::MAX, f64::min) / 2.0)
        .log10()
        .floor();
    let high = cpu
        .iter()
        .map(|r| r.2)
        .fold(0.0, f64::max)
        .log10()
        .ceil()
        .max(low + 1.0);
    let x = |seconds: f64| bars * (seconds.log10() - low) / (high - low);
    writeln!(
        svg,
        r##"<text x="12" y="22" fill="#333" font-weight="bold">Counting primes: time, on a log scale (shorter is faster)</text>"##
    )
    .unwrap();
    for (language, label, time, speedup) in &cpu {
        bar(
            &mut svg,
            y,
            language,
            label,
            x(*time),
            &format!("{time:.3} s, {speedup:.2}x"),
        );
        y += row;
    }
    let axis = y + 4.0;
    writeln!(
        svg,
        r##"<line x1="{left}" y1="{axis}" x2="{x2}" y2="{axis}" stroke="#666"/>"##,
        x2 = left + bars
    )
    .unwrap();
    for decade in low as i32..=high as i32 {
        let seconds = 10f64.powi(decade);
        let tick = left + x(seconds);
        let label = if decade < 0 {
            format!("{seconds:.*} s", (-decade) as usize)
        } else {
            format!("{seconds:.0} s")
        };
        writeln!(
            svg,
            r##"<line x1="{tick:.1}" y1="{axis}" x2="{tick:.1}" y2="{y2}" stroke="#666"/><text x="{tick:.1}" y="{ty}" fill="#333" text-anchor="middle">{label}</text>"##,
            y2 = axis + 5.0,
            ty = axis + 20.0,
        )
        .unwrap();
    }

    // The waiting rows: peak memory, on a linear scale from 0.
    y = axis + 56.0;
    writeln!(
        svg,
        r##"<text x="12" y="{ty}" fill="#333" font-weight="bold">Waiting: peak memory (shorter is less)</text>"##,
        ty = y - 12.0
    )
    .unwrap();
    let most = waiting.iter().map(|r| r.3).fold(0.0, f64::max);
    let step = [
        1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0,
    ]
    .into_iter()
    .find(|step| most / step <= 5.0)
    .unwrap_or(10000.0);
    let top = (most / step).ceil().max(1.0) * step;
    for (language, label, time, mb) in &waiting {
        bar(
            &mut svg,
            y,
            language,
            label,
            bars * mb / top,
            &format!("{mb:.1} MB, {time:.3} s"),
        );
        y += row;
    }
    let axis = y + 4.0;
    writeln!(
        svg,
        r##"<line x1="{left}" y1="{axis}" x2="{x2}" y2="{axis}" stroke="#666"/>"##,
        x2 = left + bars
    )
    .unwrap();
    let mut mark = 0.0;
    while mark <= top {
        let tick = left + bars * mark / top;
        writeln!(
            svg,
            r##"<line x1="{tick:.1}" y1="{axis}" x2="{tick:.1}" y2="{y2}" stroke="#666"/><text x="{tick:.1}" y="{ty}" fill="#333" text-anchor="middle">{mark} MB</text>"##,
            y2 = axis + 5.0,
            ty = axis + 20.0,
        )
        .unwrap();
        mark += step;
    }
    svg.push_str("</svg>\n");
    svg
}
