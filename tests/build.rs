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
//!   (skeptic has no `compile_fail`; rustdoc checks that those blocks fail).
//!
//! In both, every other Rust block is marked `no_run`: rustdoc and skeptic
//! compile it as the page shows it, and the listings test, which builds and
//! runs every listing under a timeout and checks its output, runs it. Running
//! each program three times made a warm `cargo test` take 100 s.
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
        fs::create_dir_all(out.join(dir)).unwrap();
    }
    let mut written = Written::default();

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
        let extension = extension_blocks(&root, path, &blocks);

        let admonitions: Vec<&Fence> = blocks
            .iter()
            .filter(|b| b.lang().starts_with("admonish"))
            .collect();
        let rustdoc = out.join("rustdoc").join(format!("{stem}.md"));
        let as_text: Vec<&Fence> = admonitions
            .iter()
            .copied()
            .chain(extension.iter().copied())
            .collect();
        let rustdoc_copy = retag_for_tests(content, &blocks, &as_text);
        written.write(&rustdoc, rustdoc_copy);
        writeln!(
            doctest_mods,
            "#[doc = include_str!({:?})]\npub mod {ident} {{}}",
            rustdoc.display().to_string()
        )
        .unwrap();

        let mut compile_fail = Vec::new();
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
                compile_fail.push(block);
                let name = format!("{ident}_line_{}", block.line);
                let file = out.join("compile_fail").join(format!("{name}.rs"));
                written.write(&file, without_hidden_marks(&block.body));
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
        let as_text: Vec<&Fence> = compile_fail
            .iter()
            .copied()
            .chain(extension.iter().copied())
            .collect();
        written.write(&skeptic, retag_for_tests(content, &blocks, &as_text));
        skeptic_files.push(skeptic);

        for block in blocks
            .iter()
            .filter(|b| b.lang() == "python" && !is_python_listing(&b.body))
        {
            let name = format!("{ident}_line_{}", block.line);
            let file = out.join("python").join(format!("{name}.py"));
            written.write(&file, &block.body);
            writeln!(
                python_tests,
                "#[test]\nfn {name}() {{\n    run_python_block({:?}, {:?});\n}}\n",
                format!("{} (line {})", path.display(), block.line),
                file.display().to_string(),
            )
            .unwrap();
        }
    }

    written.write(&out.join("doctests.rs"), doctest_mods);
    written.write(&out.join("python_tests.rs"), python_tests);
    written.write(&out.join("compile_fail_tests.rs"), compile_fail_tests);
    for dir in ["rustdoc", "skeptic", "python", "compile_fail"] {
        written.remove_others(&out.join(dir));
    }
    skeptic::generate_doc_tests(&skeptic_files);
}

/// Writes files only when their content changes, and remembers them. skeptic
/// asks cargo to rerun this script when one of its input files changes: a file
/// rewritten with the same content on every run would make every `cargo test`
/// rebuild the whole test crate.
#[derive(Default)]
struct Written(std::collections::BTreeSet<PathBuf>);

impl Written {
    fn write(&mut self, path: &Path, content: impl AsRef<[u8]>) {
        let content = content.as_ref();
        if fs::read(path).ok().as_deref() != Some(content) {
            fs::write(path, content).unwrap();
        }
        self.0.insert(path.to_path_buf());
    }

    /// Removes what an earlier run wrote into `dir` and this one did not.
    fn remove_others(&self, dir: &Path) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !self.0.contains(&path) {
                fs::remove_file(&path).unwrap();
            }
        }
    }
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
///
/// Returns the blocks of `expanded` (the chapter's blocks after expansion, in
/// the same order) that show the code of a Python extension module (see
/// [`in_an_extension`]): a library loaded by `python3`, not a program rustdoc
/// could build. The listings test builds each of `listings/extensions/` with
/// cargo, as its package, and runs the Python listings that import it; the
/// exercises test builds an exercise's module and runs its tests.
fn extension_blocks<'a>(root: &Path, chapter: &Path, expanded: &'a [Fence]) -> Vec<&'a Fence> {
    let source = fs::read_to_string(root.join("src").join(chapter)).unwrap();
    let rust_blocks: Vec<&Fence> = expanded.iter().filter(|b| b.lang() == "rust").collect();
    let mut extension = Vec::new();
    for (index, block) in fences(chapter, &source)
        .into_iter()
        .filter(|b| b.lang() == "rust")
        .enumerate()
    {
        let body = block.body.trim();
        if in_an_extension(root, body) {
            extension.push(rust_blocks[index]);
        }
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
    extension
}

/// Whether the block `body`, an include of a file in `listings/`, shows a
/// file of a Python extension module: of a package (the nearest `Cargo.toml`
/// above the file) whose library is a `cdylib`, as in `listings/extensions/`
/// and the exercises that are modules.
fn in_an_extension(root: &Path, body: &str) -> bool {
    let Some(path) = body
        .split_once(" ../")
        .and_then(|(_, rest)| rest.split([':', '}']).next())
    else {
        return false;
    };
    let listings = root.join("listings");
    root.join(path.trim())
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(&listings) && *dir != listings)
        .find_map(|dir| fs::read_to_string(dir.join("Cargo.toml")).ok())
        .is_some_and(|manifest| {
            manifest.lines().any(|line| {
                line.trim_start().starts_with("crate-type") && line.contains("\"cdylib\"")
            })
        })
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
/// (1-based), where its info string is (bytes of the chapter) and its body as
/// mdBook shows it (indentation of a list item removed).
struct Fence {
    info: String,
    line: usize,
    info_span: std::ops::Range<usize>,
    body: String,
}

impl Fence {
    fn lang(&self) -> &str {
        self.info.split(',').next().unwrap_or("").trim()
    }
}

/// The code blocks of a chapter, found by the Markdown parser mdBook renders
/// with (the same pulldown-cmark, with mdBook's options), so that what a page
/// shows as code is what the tests run: a `~~~` fence, or a fence inside a
/// list item or a block quote, is a block; a fence-like line inside another
/// block is not.
///
/// Refused, because rustdoc would take them for Rust that nobody sees as such:
/// an unlabelled fence, an indented code block and a fence labelled with a
/// rustdoc attribute alone (`no_run`). Code in an admonition is refused too:
/// the tests could not see it.
fn fences(path: &Path, content: &str) -> Vec<Fence> {
    use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
    let line_of = |offset: usize| content[..offset].matches('\n').count() + 1;
    let mut fences = Vec::new();
    let mut open: Option<Fence> = None;
    for (event, range) in mdbook::utils::new_cmark_parser(content, false).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let line = line_of(range.start);
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => panic!(
                        "{}:{line}: an indented code block: fence it (```text, ```rust, ...)",
                        path.display()
                    ),
                };
                if info.is_empty() {
                    panic!(
                        "{}:{line}: label every code block (rust, python, text, console, ...)",
                        path.display()
                    );
                }
                let first = info.split(',').next().unwrap().trim();
                if RUSTDOC_ATTRIBUTES.contains(&first) || first.starts_with("edition") {
                    panic!(
                        "{}:{line}: a block labelled `{info}` is Rust to rustdoc: \
                         start its label with `rust,`",
                        path.display()
                    );
                }
                open = Some(Fence {
                    info_span: info_span(content, range.start),
                    info,
                    line,
                    body: String::new(),
                });
            }
            Event::Text(text) => {
                if let Some(fence) = &mut open {
                    fence.body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let fence = open.take().expect("a code block ends after it starts");
                if fence.lang().starts_with("admonish") {
                    let inner = mdbook::utils::new_cmark_parser(&fence.body, false)
                        .any(|e| matches!(e, Event::Start(Tag::CodeBlock(_))));
                    assert!(
                        !inner,
                        "{}:{}: a code block inside an admonition is never tested; \
                         move it out of the admonition",
                        path.display(),
                        fence.line
                    );
                }
                fences.push(fence);
            }
            _ => {}
        }
    }
    fences
}

/// rustdoc's code block attributes: a block whose label starts with one is
/// Rust to rustdoc.
const RUSTDOC_ATTRIBUTES: &[&str] = &[
    "ignore",
    "should_panic",
    "no_run",
    "compile_fail",
    "test_harness",
    "standalone_crate",
    "allow_fail",
];

/// The bytes of the info string of the fence that opens at `start`: after
/// its run of backticks or tildes, to the end of its line.
fn info_span(content: &str, start: usize) -> std::ops::Range<usize> {
    let line_end = content[start..]
        .find('\n')
        .map_or(content.len(), |n| start + n);
    let line = &content[start..line_end];
    let fence_at = line
        .find("```")
        .or_else(|| line.find("~~~"))
        .expect("a fenced block opens with ``` or ~~~");
    let marker = line.as_bytes()[fence_at];
    let after = line[fence_at..]
        .bytes()
        .take_while(|&b| b == marker)
        .count();
    start + fence_at + after..line_end
}

/// The chapter with the info string of each given block replaced by `text`:
/// the block is still shown, but no tool takes it for Rust.
/// An attribute of a code block that rustdoc reads (an error code, too).
fn is_rustdoc_attribute(attr: &str) -> bool {
    let words = [
        "no_run",
        "compile_fail",
        "should_panic",
        "ignore",
        "test_harness",
    ];
    words.contains(&attr)
        || attr.starts_with("edition")
        || (attr.len() == 5
            && attr.starts_with('E')
            && attr[1..].bytes().all(|b| b.is_ascii_digit()))
}

fn retag_for_tests(content: &str, blocks: &[Fence], as_text: &[&Fence]) -> String {
    let mut changes: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for block in blocks {
        let attrs: Vec<&str> = block.info.split(',').map(str::trim).collect();
        if as_text.iter().any(|b| b.info_span == block.info_span) {
            changes.push((block.info_span.clone(), "text".to_string()));
        } else if block.lang() == "rust" {
            // The listings test runs every listing, with its timeout and its
            // output checked; here each block is compiled as the page shows it.
            let mut info = vec!["rust"];
            if !attrs.iter().any(|a| ["compile_fail", "no_run"].contains(a)) {
                info.push("no_run");
            }
            // rustdoc's own attributes before mdBook's (`editable`,
            // `noplayground`): after a word it does not know, rustdoc takes
            // `no_run` for a sign that the block is not Rust, and skips it.
            let (rustdoc, mdbook): (Vec<&str>, Vec<&str>) =
                attrs[1..].iter().partition(|a| is_rustdoc_attribute(a));
            info.extend(rustdoc);
            info.extend(mdbook);
            changes.push((block.info_span.clone(), info.join(",")));
        }
    }
    changes.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = content.to_string();
    for (span, info) in changes {
        out.replace_range(span, &info);
    }
    out
}
