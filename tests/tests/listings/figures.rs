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
