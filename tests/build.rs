//! Turns the chapters into tests.
//!
//! mdBook's own link preprocessor expands every `{{#include}}` and
//! `{{#rustdoc_include}}` exactly as the published book does. From the
//! expanded chapters it writes, into `OUT_DIR`:
//!
//! - `rustdoc/`: the chapters for the doctests in `src/lib.rs`, with admonition
//!   fences retagged as text (rustdoc would read `title="..."` as code
//!   attributes);
//! - `skeptic/`: the chapters with `compile_fail` blocks retagged as text
//!   (skeptic has no `compile_fail`; rustdoc checks that those blocks fail);
//! - `python/`: one file per ```` ```python ```` block, run by `tests/python.rs`;
//! - `compile_fail/`: one file per `compile_fail` block. rustdoc only checks
//!   error codes on nightly, so `tests/compile_fail.rs` compiles each with
//!   rustc and compares the codes it reports with the block's.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use mdbook::book::BookItem;
use mdbook::preprocess::LinkPreprocessor;
use mdbook::renderer::MarkdownRenderer;
use mdbook::{Config, MDBook};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.parent().unwrap().to_path_buf();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    for watched in ["book.toml", "src", "listings"] {
        println!("cargo::rerun-if-changed={}", root.join(watched).display());
    }

    let chapters = expand_chapters(&root);
    let mut skeptic_files = Vec::new();
    let mut doctest_mods = String::new();
    let mut python_tests = String::new();
    let mut compile_fail_tests = String::new();
    for dir in ["rustdoc", "skeptic", "python", "compile_fail"] {
        let _ = fs::remove_dir_all(out.join(dir));
        fs::create_dir_all(out.join(dir)).unwrap();
    }

    // A block that shows a whole Python listing (`listings/python/`) is run by
    // the listings test, with its arguments, and its output checked there: it
    // is not run a second time here, without them.
    let python_listings: Vec<String> = fs::read_dir(root.join("listings/python"))
        .into_iter()
        .flatten()
        .filter_map(|entry| fs::read_to_string(entry.ok()?.path()).ok())
        .collect();
    let is_python_listing = |body: &str| {
        python_listings
            .iter()
            .any(|l| l.trim_end() == body.trim_end())
    };

    for (path, content) in &chapters {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let ident = stem.replace(['-', '.'], "_");
        let blocks = fences(path, content);
        only_included_rust(&root, path);

        let mut lines: Vec<&str> = content.lines().collect();
        for block in blocks.iter().filter(|b| b.lang().starts_with("admonish")) {
            lines[block.line - 1] = "```text";
        }
        let rustdoc = out.join("rustdoc").join(format!("{stem}.md"));
        fs::write(&rustdoc, lines.join("\n") + "\n").unwrap();
        writeln!(
            doctest_mods,
            "#[doc = include_str!({:?})]\npub mod {ident} {{}}",
            rustdoc.display().to_string()
        )
        .unwrap();

        let mut lines: Vec<&str> = content.lines().collect();
        for block in &blocks {
            let has = |attr: &str| block.info.split(',').any(|t| t.trim() == attr);
            // skeptic passes a `should_panic` block that does not even compile,
            // and an `ignore`d block is not tested at all: the book has neither.
            for refused in ["should_panic", "ignore"] {
                assert!(
                    !has(refused),
                    "src/{} (expanded line {}): `{refused}` blocks are not allowed in the book",
                    path.display(),
                    block.line
                );
            }
            if has("compile_fail") {
                lines[block.line - 1] = "```text";
                let name = format!("{ident}_line_{}", block.line);
                let file = out.join("compile_fail").join(format!("{name}.rs"));
                fs::write(&file, without_hidden_marks(&block.body)).unwrap();
                let codes: Vec<&str> = block
                    .info
                    .split(',')
                    .map(str::trim)
                    .filter(|t| t.len() == 5 && t.starts_with('E'))
                    .collect();
                writeln!(
                    compile_fail_tests,
                    "#[test]\nfn {name}() {{\n    check_compile_fail({:?}, {:?}, &{codes:?});\n}}\n",
                    format!("src/{} (expanded line {})", path.display(), block.line),
                    file.display().to_string(),
                )
                .unwrap();
            }
        }
        let skeptic = out.join("skeptic").join(format!("{stem}.md"));
        fs::write(&skeptic, lines.join("\n") + "\n").unwrap();
        skeptic_files.push(skeptic);

        for block in blocks
            .iter()
            .filter(|b| b.lang() == "python" && !is_python_listing(&b.body))
        {
            let name = format!("{ident}_line_{}", block.line);
            let file = out.join("python").join(format!("{name}.py"));
            fs::write(&file, &block.body).unwrap();
            writeln!(
                python_tests,
                "#[test]\nfn {name}() {{\n    run_python_block({:?}, {:?});\n}}\n",
                format!("{} (line {})", path.display(), block.line),
                file.display().to_string(),
            )
            .unwrap();
        }
    }

    fs::write(out.join("doctests.rs"), doctest_mods).unwrap();
    fs::write(out.join("python_tests.rs"), python_tests).unwrap();
    fs::write(out.join("compile_fail_tests.rs"), compile_fail_tests).unwrap();
    skeptic::generate_doc_tests(&skeptic_files);
}

/// Every chapter of SUMMARY.md after mdBook's link preprocessor, keyed by its
/// path under `src/`.
fn expand_chapters(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut config = Config::from_disk(root.join("book.toml")).expect("read book.toml");
    // Only the `links` preprocessor: admonitions stay fenced blocks here.
    config.build.use_default_preprocessors = false;
    config
        .set("preprocessor", BTreeMap::<String, String>::new())
        .unwrap();
    let mut book = MDBook::load_with_config(root, config).expect("load the book");
    book.with_preprocessor(LinkPreprocessor::new());
    let (expanded, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .unwrap_or_else(|e| panic!("expanding the book's includes failed: {e:?}"));

    let mut chapters = BTreeMap::new();
    for item in expanded.iter() {
        if let BookItem::Chapter(ch) = item
            && let Some(path) = &ch.path
        {
            // mdbook-quiz's `{{#quiz ...}}` lines hold no code (tests/quizzes.rs
            // checks the quizzes): they are left out here.
            let content: String = ch
                .content
                .lines()
                .filter(|line| !line.trim_start().starts_with("{{#quiz "))
                .map(|line| format!("{line}\n"))
                .collect();
            if content.contains("{{#") {
                panic!(
                    "{}: an include directive was left unexpanded",
                    path.display()
                );
            }
            chapters.insert(path.clone(), content);
        }
    }
    chapters
}

/// Every Rust block of the chapter (before expansion) is one include of a
/// file in `listings/`. A listing runs first in `cargo test`, under a timeout
/// that names it, so a hang fails there, before skeptic and rustdoc (which have
/// no timeouts) would run the same code; and its output is checked.
fn only_included_rust(root: &Path, chapter: &Path) {
    let source = fs::read_to_string(root.join("src").join(chapter)).unwrap();
    for block in fences(chapter, &source) {
        if block.lang() != "rust" {
            continue;
        }
        let body = block.body.trim();
        let included = body.lines().count() == 1
            && (body.starts_with("{{#include ../listings/")
                || body.starts_with("{{#rustdoc_include ../listings/"));
        assert!(
            included,
            "src/{}:{}: a rust block must be one {{{{#include}}}} or {{{{#rustdoc_include}}}} \
             of a listing in listings/, not inline code",
            chapter.display(),
            block.line
        );
    }
}

/// The code rustdoc compiles: lines starting with `# ` are shown hidden in the
/// book but compiled all the same.
fn without_hidden_marks(code: &str) -> String {
    code.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix("# ") {
                rest
            } else if trimmed == "#" {
                ""
            } else {
                line
            }
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A fenced code block: its info string, the line of its opening fence
/// (1-based) and its body.
struct Fence {
    info: String,
    line: usize,
    body: String,
}

impl Fence {
    fn lang(&self) -> &str {
        self.info.split(',').next().unwrap_or("").trim()
    }
}

/// The fenced blocks of a chapter. Code inside another fence (an admonition,
/// say) is neither shown as code nor tested, so it is refused; so is an
/// unlabelled fence, which rustdoc would silently treat as Rust.
fn fences(path: &Path, content: &str) -> Vec<Fence> {
    let mut fences = Vec::new();
    let mut open: Option<(usize, Fence)> = None;
    for (index, line) in content.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks = trimmed.chars().take_while(|&c| c == '`').count();
        match &mut open {
            Some((width, fence)) => {
                if ticks >= *width && trimmed[ticks..].trim().is_empty() {
                    fences.push(open.take().unwrap().1);
                } else if ticks >= 3 && !trimmed[ticks..].trim().is_empty() {
                    panic!(
                        "{}:{}: a code block inside another block is never tested; \
                         move it out (of the admonition)",
                        path.display(),
                        index + 1
                    );
                } else {
                    fence.body.push_str(line);
                    fence.body.push('\n');
                }
            }
            None if ticks >= 3 => {
                let info = trimmed[ticks..].trim().to_string();
                if info.is_empty() {
                    panic!(
                        "{}:{}: label every code block (rust, python, text, console, ...)",
                        path.display(),
                        index + 1
                    );
                }
                let fence = Fence {
                    info,
                    line: index + 1,
                    body: String::new(),
                };
                open = Some((ticks, fence));
            }
            None => {}
        }
    }
    if let Some((_, fence)) = open {
        panic!("{}:{}: unclosed code block", path.display(), fence.line);
    }
    fences
}
