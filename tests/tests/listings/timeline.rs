//! The one drawing of time the figures share: lanes (threads, tasks,
//! processes, workers), bars for when each piece of work ran, marks for
//! instant events, and a time axis in milliseconds or seconds.
//!
//! The SVG carries its own light panel, so it reads the same on the light and
//! the dark themes and in print; its `viewBox` lets the page scale it down to
//! a phone's width.

use std::fmt::Write as _;

/// Bar colours, dark enough for white labels on them.
pub const COLOURS: [&str; 6] = [
    "#3b6ea5", "#c0504d", "#3d8b4f", "#8064a2", "#a0652a", "#4a7f86",
];
/// A colour for waiting rather than working (a blocked thread, a join).
pub const GREY: usize = usize::MAX;
const GREY_FILL: &str = "#8a8f98";

/// One piece of work: from `from` to `to` seconds, on lane `lane`.
pub struct Bar {
    pub lane: usize,
    pub from: f64,
    pub to: f64,
    pub label: String,
    /// An index into [`COLOURS`], or [`GREY`].
    pub colour: usize,
}

/// An instant event at `at` seconds on lane `lane`, labelled above the lane.
pub struct Mark {
    pub lane: usize,
    pub at: f64,
    pub label: String,
}

/// Lanes top to bottom, with their bars and marks; times in seconds from the
/// start of the run.
#[derive(Default)]
pub struct Timeline {
    pub lanes: Vec<String>,
    pub bars: Vec<Bar>,
    pub marks: Vec<Mark>,
    /// Colour and meaning, drawn under the axis when not empty.
    pub legend: Vec<(usize, String)>,
}

/// Every figure's width: at 375 px, a phone's page shows it at about two
/// thirds of its size, and its smallest text (14) at about 9 px.
pub const WIDTH: f64 = 520.0;
const LANE: f64 = 48.0;
const TOP: f64 = 10.0;
const TEXT: &str = "#222";
const FONT: f64 = 15.0;

fn fill(colour: usize) -> &'static str {
    if colour == GREY {
        GREY_FILL
    } else {
        COLOURS[colour % COLOURS.len()]
    }
}

/// Text can't be measured here: a generous width per character of sans-serif.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A round tick step for an axis up to `end` seconds and `room` pixels long:
/// at most seven intervals, each wider than its label. Returns the step and
/// how many steps the axis has.
fn ticks(end: f64, room: f64) -> (f64, usize) {
    const STEPS: [f64; 13] = [
        0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 60.0,
    ];
    let end = end.max(0.01);
    let steps = |step: f64| (end / step - 1e-9).ceil().max(1.0) as usize;
    let fits = |step: f64| {
        let (n, last) = (steps(step), step * steps(step) as f64);
        let widest = tick_label(last - step, step, last);
        n <= 7 && room / n as f64 >= text_width(&widest, FONT) + 14.0
    };
    let step = STEPS.into_iter().find(|&step| fits(step)).unwrap_or(60.0);
    (step, steps(step))
}

/// A tick's number: milliseconds on an axis shorter than a second, seconds
/// (with as many decimals as the step needs) otherwise. The last tick also
/// says the unit.
fn tick_label(at: f64, step: f64, end: f64) -> String {
    let number = if end < 1.0 {
        format!("{:.0}", at * 1000.0)
    } else {
        let decimals = if step >= 1.0 {
            0
        } else if (step * 10.0).fract().abs() < 1e-9 {
            1
        } else {
            2
        };
        format!("{at:.decimals$}")
    };
    if at < end - 1e-9 {
        number
    } else if end < 1.0 {
        format!("{number} ms")
    } else {
        format!("{number} s")
    }
}

/// The start of every figure's SVG: its size, which the page scales down to
/// fit, and a light panel of its own, so that it reads the same on the light
/// and the dark themes and in print.
pub fn panel(width: f64, height: f64, font_size: f64) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" font-family="sans-serif" font-size="{font_size}">
<rect width="100%" height="100%" rx="6" fill="#fafafa" stroke="#d0d0d0"/>
"##
    )
}

impl Timeline {
    pub fn new(lanes: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Timeline {
            lanes: lanes.into_iter().map(Into::into).collect(),
            ..Timeline::default()
        }
    }

    /// The lane called `name`, added at the bottom if it is new.
    pub fn lane(&mut self, name: &str) -> usize {
        match self.lanes.iter().position(|lane| lane == name) {
            Some(index) => index,
            None => {
                self.lanes.push(name.to_string());
                self.lanes.len() - 1
            }
        }
    }

    pub fn bar(
        &mut self,
        lane: usize,
        from: f64,
        to: f64,
        label: impl Into<String>,
        colour: usize,
    ) {
        let label = label.into();
        self.bars.push(Bar {
            lane,
            from,
            to,
            label,
            colour,
        });
    }

    pub fn mark(&mut self, lane: usize, at: f64, label: impl Into<String>) {
        let label = label.into();
        self.marks.push(Mark { lane, at, label });
    }

    pub fn svg(&self) -> String {
        assert!(!self.lanes.is_empty(), "a timeline needs a lane");
        assert!(
            !self.bars.is_empty() || !self.marks.is_empty(),
            "nothing to draw"
        );
        let last = self
            .bars
            .iter()
            .map(|b| b.to)
            .chain(self.marks.iter().map(|m| m.at))
            .fold(0.0, f64::max);
        let left = 16.0
            + self
                .lanes
                .iter()
                .map(|lane| text_width(lane, FONT))
                .fold(0.0, f64::max);
        let right = WIDTH - 36.0;
        let (step, steps) = ticks(last, right - left);
        let end = step * steps as f64;
        let x = |t: f64| left + (right - left) * t / end;
        let axis = TOP + LANE * self.lanes.len() as f64 + 6.0;
        // The legend's swatches side by side, in as many rows as they need.
        let mut legend = Vec::new();
        let (mut lx, mut ly) = (left, axis + 48.0);
        for (colour, meaning) in &self.legend {
            let width = 20.0 + text_width(meaning, FONT);
            if lx > left && lx + width > WIDTH - 8.0 {
                (lx, ly) = (left, ly + 24.0);
            }
            legend.push((lx, ly, *colour, meaning));
            lx += width + 16.0;
        }
        let height = if legend.is_empty() {
            axis + 34.0
        } else {
            ly + 12.0
        };

        let mut svg = panel(WIDTH, height, FONT);
        // Lanes: a name, and a faint band to read the bars against.
        for (index, name) in self.lanes.iter().enumerate() {
            let y = TOP + LANE * index as f64;
            if index % 2 == 0 {
                writeln!(
                    svg,
                    r##"<rect x="{l:.1}" y="{y:.1}" width="{bw:.1}" height="{LANE}" fill="#eef0f3"/>"##,
                    l = left,
                    bw = right - left,
                )
                .unwrap();
            }
            writeln!(
                svg,
                r#"<text x="8" y="{ty:.1}" fill="{TEXT}">{name}</text>"#,
                ty = y + LANE / 2.0 + 9.0,
                name = escape(name),
            )
            .unwrap();
        }
        // Tick lines across the lanes, then the axis with its labels.
        for n in 0..=steps {
            let tick = step * n as f64;
            let tx = x(tick);
            writeln!(
                svg,
                r##"<line x1="{tx:.1}" y1="{TOP}" x2="{tx:.1}" y2="{y2:.1}" stroke="#d8dbe0"/><text x="{tx:.1}" y="{ty:.1}" fill="{TEXT}" text-anchor="middle">{label}</text>"##,
                y2 = axis + 5.0,
                ty = axis + 22.0,
                label = tick_label(tick, step, end),
            )
            .unwrap();
        }
        writeln!(
            svg,
            r##"<line x1="{left:.1}" y1="{axis:.1}" x2="{right:.1}" y2="{axis:.1}" stroke="#555"/>"##
        )
        .unwrap();
        // Bars in the lower part of their lane, labelled inside when the
        // label fits.
        for bar in &self.bars {
            let y = TOP + LANE * bar.lane as f64 + 18.0;
            let (x1, x2) = (x(bar.from), x(bar.to));
            let bw = (x2 - x1 - 1.0).max(2.0);
            write!(
                svg,
                r#"<rect x="{x1:.1}" y="{y:.1}" width="{bw:.1}" height="26" rx="3" fill="{c}"/>"#,
                c = fill(bar.colour),
            )
            .unwrap();
            if text_width(&bar.label, 14.0) + 8.0 <= bw {
                write!(
                    svg,
                    r##"<text x="{tx:.1}" y="{ty:.1}" fill="#fff" font-size="14" text-anchor="middle">{label}</text>"##,
                    tx = x1 + bw / 2.0,
                    ty = y + 18.0,
                    label = escape(&bar.label),
                )
                .unwrap();
            }
            svg.push('\n');
        }
        // Marks: a tick through the lane and a label in its upper part, after
        // the tick or else before it, never over another mark's label.
        let mut placed: Vec<(usize, f64, f64)> = Vec::new();
        for mark in &self.marks {
            let y = TOP + LANE * mark.lane as f64;
            let mx = x(mark.at);
            // Closer to the real width than `text_width`, which errs wide.
            let w = mark.label.chars().count() as f64 * 14.0 * 0.54;
            let free = |from: f64, to: f64| {
                from >= left - 2.0
                    && to <= WIDTH - 4.0
                    && placed
                        .iter()
                        .all(|&(lane, a, b)| lane != mark.lane || to + 2.0 <= a || b + 2.0 <= from)
            };
            let (anchor, from, to) = if free(mx + 4.0, mx + 4.0 + w) {
                ("start", mx + 4.0, mx + 4.0 + w)
            } else if free(mx - 4.0 - w, mx - 4.0) {
                ("end", mx - 4.0 - w, mx - 4.0)
            } else {
                panic!(
                    "no room for the mark {:?} on lane {:?}: shorten the labels of its lane",
                    mark.label, self.lanes[mark.lane]
                );
            };
            placed.push((mark.lane, from, to));
            let tx = if anchor == "end" { to } else { from };
            writeln!(
                svg,
                r##"<path d="M{mx:.1} {y1:.1}V{y2:.1}" stroke="{TEXT}" stroke-width="2"/><path d="M{a:.1} {y1:.1}h8l-4 6z" fill="{TEXT}"/><text x="{tx:.1}" y="{ty:.1}" fill="{TEXT}" font-size="14" text-anchor="{anchor}">{label}</text>"##,
                y1 = y + 3.0,
                y2 = y + LANE - 3.0,
                a = mx - 4.0,
                ty = y + 14.0,
                label = escape(&mark.label),
            )
            .unwrap();
        }
        for (lx, ly, colour, meaning) in legend {
            writeln!(
                svg,
                r#"<rect x="{lx:.1}" y="{sy:.1}" width="14" height="14" rx="2" fill="{c}"/><text x="{tx:.1}" y="{ly:.1}" fill="{TEXT}">{meaning}</text>"#,
                sy = ly - 12.0,
                c = fill(colour),
                tx = lx + 20.0,
                meaning = escape(meaning),
            )
            .unwrap();
        }
        svg.push_str("</svg>\n");
        svg
    }
}

/// Lines of the form `  0.30 s  rest` or `  300 ms  rest`: each line's time in
/// seconds and the rest of the line, trimmed. Other lines are skipped.
pub fn timed_lines(output: &str) -> Vec<(f64, &str)> {
    output
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let (number, rest) = line.split_once(' ')?;
            let value: f64 = number.parse().ok()?;
            if let Some(rest) = rest.strip_prefix("s ") {
                Some((value, rest.trim()))
            } else {
                rest.strip_prefix("ms ")
                    .map(|rest| (value / 1000.0, rest.trim()))
            }
        })
        .collect()
}

#[test]
fn ticks_are_round() {
    // Room for seven labels, or fewer.
    assert_eq!(ticks(0.2, 420.0), (0.05, 4));
    assert_eq!(ticks(0.61, 500.0), (0.1, 7));
    assert_eq!(ticks(0.61, 200.0), (0.2, 4));
    assert_eq!(ticks(0.401, 420.0), (0.1, 5));
    assert_eq!(ticks(3.0, 420.0), (0.5, 6));
    assert_eq!(ticks(3.6, 420.0), (1.0, 4));
    assert_eq!(tick_label(0.1, 0.1, 0.6), "100");
    assert_eq!(tick_label(0.6, 0.1, 0.6), "600 ms");
    assert_eq!(tick_label(1.5, 0.5, 3.0), "1.5");
    assert_eq!(tick_label(3.0, 0.5, 3.0), "3.0 s");
    assert_eq!(tick_label(2.0, 1.0, 5.0), "2");
}

#[test]
fn timed_lines_read_both_units() {
    let lines = timed_lines("  0.30 s  task A  start\nheader\n 250 ms  done\n");
    assert_eq!(lines, [(0.30, "task A  start"), (0.25, "done")]);
}

#[test]
fn mark_labels_make_room_or_fail() {
    let mut timeline = Timeline::new(["main"]);
    timeline.bar(0, 0.0, 0.3, "", GREY);
    timeline.mark(0, 0.1, "first");
    timeline.mark(0, 0.09, "second");
    // The second label goes before its tick, clear of the first.
    let svg = timeline.svg();
    assert!(svg.contains(r#"text-anchor="end">second"#), "{svg}");
    timeline.mark(0, 0.095, "third");
    let crowded = std::panic::catch_unwind(|| timeline.svg());
    assert!(
        crowded.is_err(),
        "three labels in one spot must not be drawn over each other"
    );
}
