//! What a listing is: how it is run, and what changes from run to run in its
//! output ([`Rule`]s, applied by [`normalise`]). The listings test and the
//! Playground check (`tests/playground.rs`) both declare the book's listings
//! with it, from the chapter files beside this one.

use regex::Regex;

use crate::figures::Figure;

/// What a listing is, and so how it is run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// `listings/examples/NAME.rs`, run as `cargo run -p listings --example NAME`.
    Example,
    /// `listings/python/NAME.py`, run with `python3`.
    Python,
    /// `listings/compiler/NAME.rs`, compiled alone with `rustc` as `src/main.rs`;
    /// its output is what the compiler says. These do not compile, or warn, so
    /// they cannot be examples.
    Compiler,
    /// `listings/scripts/NAME.sh`, run with `bash` from the book's root.
    Script,
}

/// Something in an output that changes from run to run.
#[derive(Debug)]
pub enum Rule {
    /// Group 1 of each match is a number that must lie in `min..=max`; it is
    /// then compared as `<number>`. For durations, counts and random values.
    /// The group may include spaces before the number (a right-aligned column
    /// whose width changes with the number of digits).
    Range {
        pattern: &'static str,
        min: f64,
        max: f64,
    },
    /// Group 1 of each match is replaced by `<varies>`: process ids, addresses.
    Mask { pattern: &'static str },
    /// Lines matching the pattern come from concurrent work: within each run
    /// of consecutive matching lines the order does not matter, but the same
    /// lines must be there.
    Unordered { pattern: &'static str },
}

#[derive(Debug)]
pub struct Listing {
    pub kind: Kind,
    /// The listing file, when one listing is run more than once (with other
    /// arguments, say): each run is declared under its own name, which names
    /// its output file, and `of` names the listing. `None`: the same name.
    pub of: Option<&'static str>,
    pub args: &'static [&'static str],
    /// The exit code the listing must end with.
    pub code: i32,
    pub rules: &'static [Rule],
    /// Generous: a loaded 2-core machine must never hit it; a hang must.
    pub timeout_secs: u64,
    /// Runs while no other listing runs: for listings that measure how much
    /// faster the machine's cores finish CPU-bound work.
    pub alone: bool,
    /// A figure drawn from the output, kept beside the chapters.
    pub figure: Option<Figure>,
    /// Built with `cargo build --release -p listings --example NAME`, the
    /// build of the reader's `cargo run --release`: for listings that time
    /// work and must not be timed in a debug build.
    pub release: bool,
    /// Too slow for `cargo test` (a full-size benchmark): run only when the
    /// outputs are regenerated. Otherwise the output file is checked against
    /// the rules (every timing in its range) and its figure against it.
    pub slow: bool,
}

impl Listing {
    /// The name of the listing file this run of it runs: its own, or the one
    /// `of` names. `ident` is its name in the chapter's table.
    pub fn file_name(&self, ident: &str) -> String {
        self.of
            .map_or_else(|| ident.replace('_', "-"), String::from)
    }
}

/// Every listing of the chapters' tables (the crate's `chNN` modules).
pub fn all() -> impl Iterator<Item = &'static (&'static str, Listing)> {
    use crate::{ch01, ch02, ch03, ch04, ch05, ch06, ch07};
    [
        ch01::ALL,
        ch02::ALL,
        ch03::ALL,
        ch04::ALL,
        ch05::ALL,
        ch06::ALL,
        ch07::ALL,
    ]
    .into_iter()
    .flatten()
}

pub const fn example() -> Listing {
    Listing {
        kind: Kind::Example,
        of: None,
        args: &[],
        code: 0,
        rules: &[],
        timeout_secs: 60,
        alone: false,
        figure: None,
        release: false,
        slow: false,
    }
}

pub const fn kind(kind: Kind) -> Listing {
    Listing { kind, ..example() }
}

/// Applies the listing's rules. Panics if a timing or count is out of its
/// range, or if a rule never applies (a stale rule hides nothing, and must go).
pub fn normalise(name: &str, side: &str, text: &str, rules: &[Rule]) -> String {
    let mut text = text.to_string();
    for rule in rules {
        text = match rule {
            Rule::Range { pattern, min, max } => {
                let re = compile(pattern);
                require_match(name, side, &re, &text, rule);
                re.replace_all(&text, |caps: &regex::Captures| {
                    // A group may take in the padding of a right-aligned column.
                    let number = caps[1].trim();
                    let value: f64 = number.parse().unwrap_or_else(|_| {
                        panic!("listing {name}: {number:?} in {side} is not a number ({rule:?})")
                    });
                    assert!(
                        (*min..=*max).contains(&value),
                        "listing {name}: {value} in {side} is outside {min}..={max} ({pattern})\n\
                         in the line: {}",
                        &caps[0]
                    );
                    replace_group(caps, "<number>")
                })
                .into_owned()
            }
            Rule::Mask { pattern } => {
                let re = compile(pattern);
                require_match(name, side, &re, &text, rule);
                re.replace_all(&text, |caps: &regex::Captures| {
                    replace_group(caps, "<varies>")
                })
                .into_owned()
            }
            Rule::Unordered { pattern } => {
                let re = compile(pattern);
                require_match(name, side, &re, &text, rule);
                sort_runs(&re, &text)
            }
        };
    }
    text
}

pub fn compile(pattern: &str) -> Regex {
    Regex::new(&format!("(?m){pattern}")).unwrap_or_else(|e| panic!("bad rule {pattern:?}: {e}"))
}

pub fn require_match(name: &str, side: &str, re: &Regex, text: &str, rule: &Rule) {
    assert!(
        re.is_match(text),
        "listing {name}: the rule {rule:?} matches nothing in {side}"
    );
}

/// The whole match with group 1 replaced by `placeholder`.
pub fn replace_group(caps: &regex::Captures, placeholder: &str) -> String {
    let whole = caps.get(0).unwrap();
    let group = caps.get(1).expect("a rule's pattern needs a group");
    let start = group.start() - whole.start();
    let end = group.end() - whole.start();
    let text = whole.as_str();
    format!("{}{placeholder}{}", &text[..start], &text[end..])
}

/// Sorts each run of consecutive lines that match `re`.
pub fn sort_runs(re: &Regex, text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for line in text.lines() {
        if re.is_match(line) {
            run.push(line);
        } else {
            run.sort_unstable();
            out.append(&mut run);
            out.push(line);
        }
    }
    run.sort_unstable();
    out.append(&mut run);
    out.join("\n") + "\n"
}

pub fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    let line = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    format!(
        "First difference at line {} (after normalisation):\n  expected: {:?}\n  actual:   {:?}\n\
         --- expected (normalised)\n{expected}--- actual (normalised)\n{actual}",
        line + 1,
        e.get(line).copied().unwrap_or("<end of output>"),
        a.get(line).copied().unwrap_or("<end of output>"),
    )
}

/// A Rust block of a page, which shows a listing (every Rust block of the
/// book includes one: `tests/build.rs` checks it).
#[derive(Debug)]
pub struct Shown {
    /// The page, as `src/chNN-MM-slug.md`, and the line of the block's fence.
    pub page: String,
    pub line: usize,
    /// The fence's attributes after `rust`, which mdBook turns into classes:
    /// `editable`, `noplayground`, `release`...
    pub attributes: Vec<String>,
    /// The listing it includes, from the book's root: `listings/examples/NAME.rs`,
    /// with `{{#include}}` or `{{#rustdoc_include}}`, whole or from an anchor.
    pub file: String,
    pub rustdoc_include: bool,
    pub anchor: Option<String>,
}

impl Shown {
    pub fn has(&self, attribute: &str) -> bool {
        self.attributes.iter().any(|a| a == attribute)
    }

    /// Whether the page shows it with a ▶: mdBook gives one to every Rust
    /// block but `ignore` and `noplayground` ones, and its `book.js` hides
    /// the ▶ of a `no_run` block.
    pub fn has_run_button(&self) -> bool {
        !["ignore", "noplayground", "noplaypen", "no_run"]
            .iter()
            .any(|a| self.has(a))
    }

    /// The code its ▶ sends to the Playground: what mdBook's include gives
    /// (with the anchor lines of a whole file, without them from an anchor),
    /// hidden lines included, as `book.js` reads them from the page.
    pub fn sent_code(&self, root: &std::path::Path) -> String {
        use mdbook::utils::{
            take_anchored_lines, take_lines, take_rustdoc_include_anchored_lines,
            take_rustdoc_include_lines,
        };
        let text = std::fs::read_to_string(root.join(&self.file)).unwrap();
        let included = match (self.rustdoc_include, &self.anchor) {
            (false, None) => take_lines(&text, ..),
            (false, Some(anchor)) => take_anchored_lines(&text, anchor),
            (true, None) => take_rustdoc_include_lines(&text, ..),
            (true, Some(anchor)) => take_rustdoc_include_anchored_lines(&text, anchor),
        };
        // mdBook hides a line that starts with `#` and a space (or is `#`
        // alone) and shows `##` as `#`: the page holds the line without them.
        let mark = Regex::new(r"^(\s*)#(.?)(.*)$").unwrap();
        let mut code = String::new();
        for line in included.lines() {
            match mark.captures(line) {
                Some(caps) if &caps[2] == "#" => {
                    code.push_str(&format!("{}#{}", &caps[1], &caps[3]))
                }
                Some(caps) if matches!(&caps[2], "" | " ") => {
                    code.push_str(&format!("{}{}", &caps[1], &caps[3]))
                }
                _ => code.push_str(line),
            }
            code.push('\n');
        }
        code
    }

    /// The listing's name: `NAME` for `listings/examples/NAME.rs` and
    /// `listings/compiler/NAME.rs`, the exercise's for its `solution.rs`.
    pub fn name(&self) -> String {
        let path = std::path::Path::new(&self.file);
        let stem = path.file_stem().unwrap().to_str().unwrap();
        match stem {
            "solution" | "starter" => {
                let exercise = path.parent().unwrap().file_name().unwrap();
                format!("{}-{stem}", exercise.to_str().unwrap())
            }
            _ => stem.to_string(),
        }
    }
}

/// Every Rust block of every page under `src/`, in page order.
pub fn shown_blocks(root: &std::path::Path) -> Vec<Shown> {
    let fence = Regex::new(
        r"(?m)^[ \t>]*(?:```+|~~~+)[ \t]*rust([^\n]*)\n[ \t>]*\{\{#(rustdoc_)?include \.\./([^}:]+)(?::([^}]*))?\}\}",
    )
    .unwrap();
    let mut pages: Vec<_> = std::fs::read_dir(root.join("src"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    let mut blocks = Vec::new();
    for path in pages {
        let text = std::fs::read_to_string(&path).unwrap();
        for caps in fence.captures_iter(&text) {
            let start = caps.get(0).unwrap().start();
            blocks.push(Shown {
                page: format!("src/{}", path.file_name().unwrap().to_str().unwrap()),
                line: text[..start].lines().count() + 1,
                attributes: caps[1]
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect(),
                file: caps[3].trim().to_string(),
                rustdoc_include: caps.get(2).is_some(),
                anchor: caps.get(4).map(|a| a.as_str().trim().to_string()),
            });
        }
    }
    blocks
}

/// The error codes, primary messages and the lines they point at, one line per
/// diagnostic: `error[E0499]: cannot borrow ... at src/main.rs:7`. Notes,
/// help, the drawing of spans and the closing summary are left out.
pub fn diagnostics(output: &str) -> String {
    let header = Regex::new(r"^(error|warning)(\[E\d{4}\])?: (.*)$").unwrap();
    let location = Regex::new(r"^ *--> (.+):(\d+):\d+$").unwrap();
    let summary =
        Regex::new(r"^(aborting due to|\d+ warnings? emitted|could not compile)").unwrap();
    let mut found = Vec::new();
    let mut wants_location = false;
    for line in output.lines() {
        if let Some(caps) = header.captures(line) {
            wants_location = !summary.is_match(&caps[3]);
            if wants_location {
                found.push(format!(
                    "{}{}: {}",
                    &caps[1],
                    caps.get(2).map_or("", |c| c.as_str()),
                    &caps[3]
                ));
            }
        } else if wants_location && let Some(caps) = location.captures(line) {
            let last = found.last_mut().unwrap();
            last.push_str(&format!(" at {}:{}", &caps[1], &caps[2]));
            wants_location = false;
        }
    }
    found.join("\n") + "\n"
}
