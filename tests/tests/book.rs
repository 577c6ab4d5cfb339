//! Builds the whole book in-process, with mdBook and mdbook-admonish as
//! libraries (no command-line tools needed), and checks the HTML.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use book_tests::book_root;
use mdbook::book::{Book, BookItem};
use mdbook::preprocess::{Preprocessor, PreprocessorContext};
use mdbook::{Config, MDBook};
use regex::Regex;

/// Every page of the built book, by path relative to the output directory.
struct Site {
    dir: PathBuf,
    pages: BTreeMap<PathBuf, String>,
    /// Source path (under `src/`) of every chapter in SUMMARY.md.
    chapters: Vec<PathBuf>,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = book_root();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("book");
        let _ = fs::remove_dir_all(&dir);

        let mut config = Config::from_disk(root.join("book.toml")).unwrap();
        let admonish = config.get("preprocessor.admonish").cloned();
        assert!(
            admonish.is_some(),
            "book.toml has no [preprocessor.admonish]"
        );
        // Load without the admonish table, so mdBook does not look for the
        // `mdbook-admonish` program, then give the table back for the library.
        config
            .set("preprocessor", BTreeMap::<String, String>::new())
            .unwrap();
        config.build.build_dir = dir.clone();
        let mut book = MDBook::load_with_config(&root, config).unwrap();
        book.config
            .set("preprocessor.admonish", admonish.unwrap())
            .unwrap();
        book.with_preprocessor(mdbook_admonish::Admonish);
        book.with_preprocessor(QuizLines);
        book.build().expect("the book builds");

        let chapters = book
            .book
            .iter()
            .filter_map(|item| match item {
                BookItem::Chapter(ch) => ch.path.clone(),
                _ => None,
            })
            .collect();
        let mut pages = BTreeMap::new();
        collect_html(&dir, &dir, &mut pages);
        Site {
            dir,
            pages,
            chapters,
        }
    })
}

/// A `{{#quiz PATH}}` line is mdbook-quiz's, a program this build does without
/// (tests/quizzes.rs checks the quizzes themselves): it must name a quiz file
/// that parses, and is left out.
struct QuizLines;

impl Preprocessor for QuizLines {
    fn name(&self) -> &str {
        "quiz-lines"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> mdbook::errors::Result<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        book.for_each_mut(|item| {
            let BookItem::Chapter(ch) = item else { return };
            let Some(path) = &ch.path else { return };
            let mut kept = String::new();
            for line in ch.content.lines() {
                let Some(quiz) = line
                    .trim()
                    .strip_prefix("{{#quiz ")
                    .and_then(|rest| rest.strip_suffix("}}"))
                else {
                    kept.push_str(line);
                    kept.push('\n');
                    continue;
                };
                let file = src.join(path).parent().unwrap().join(quiz.trim());
                let text = fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{}: {{{{#quiz {quiz}}}}}: {e}", path.display()));
                if let Err(e) = toml::from_str::<mdbook_quiz_schema::Quiz>(&text) {
                    panic!("{}: the quiz {quiz} does not parse: {e}", path.display());
                }
            }
            ch.content = kept;
        });
        Ok(book)
    }
}

fn collect_html(base: &Path, dir: &Path, pages: &mut BTreeMap<PathBuf, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_html(base, &path, pages);
        } else if path.extension().is_some_and(|e| e == "html") {
            let html = fs::read_to_string(&path).unwrap();
            pages.insert(path.strip_prefix(base).unwrap().to_path_buf(), html);
        }
    }
}

#[test]
fn every_summary_entry_is_rendered() {
    let site = site();
    assert!(!site.chapters.is_empty());
    for chapter in &site.chapters {
        let page = chapter.with_extension("html");
        assert!(
            site.pages.contains_key(&page),
            "{} is in SUMMARY.md but {} was not rendered",
            chapter.display(),
            page.display()
        );
    }
    assert!(site.pages.contains_key(Path::new("print.html")));
    // mdBook drops, silently, a link it cannot place (a plain link under a
    // `# Part` title): every page in src/ must be in the book.
    for entry in fs::read_dir(book_root().join("src")).unwrap() {
        let name = PathBuf::from(entry.unwrap().file_name());
        if name.extension().is_some_and(|e| e == "md") && name != Path::new("SUMMARY.md") {
            assert!(
                site.chapters.contains(&name),
                "src/{} is not in the book: SUMMARY.md does not list it where mdBook reads it",
                name.display()
            );
        }
    }
}

/// An appendix is not a numbered chapter: SUMMARY.md lists it as a suffix
/// chapter (after a `---` separator, a link that is not a list item; under a
/// `# Part` title, mdBook would drop it).
#[test]
fn appendices_are_not_numbered() {
    let summary = fs::read_to_string(book_root().join("src/SUMMARY.md")).unwrap();
    let summary = mdbook::book::parse_summary(&summary).unwrap();
    let mut appendices = 0;
    let mut numbered = Vec::new();
    fn walk(items: &[mdbook::book::SummaryItem], numbered: &mut Vec<String>) {
        for item in items {
            if let mdbook::book::SummaryItem::Link(link) = item {
                if let Some(path) = &link.location {
                    numbered.push(path.display().to_string());
                }
                walk(&link.nested_items, numbered);
            }
        }
    }
    walk(&summary.numbered_chapters, &mut numbered);
    for path in &numbered {
        assert!(
            !path.starts_with("appendix"),
            "SUMMARY.md numbers the appendix {path}: list it as a plain link \
             after the numbered chapters, not as a list item"
        );
    }
    for item in &summary.suffix_chapters {
        if let mdbook::book::SummaryItem::Link(link) = item {
            appendices += usize::from(
                link.location
                    .as_ref()
                    .is_some_and(|p| p.to_string_lossy().starts_with("appendix")),
            );
        }
    }
    assert!(
        appendices > 0,
        "SUMMARY.md lists no appendix after the chapters"
    );
}

/// Every admonition kind used in the book is one it defines (book.toml) or
/// one mdbook-admonish has: mdbook-admonish renders any other name as a
/// plain note, silently.
#[test]
fn every_admonition_kind_is_known() {
    // mdbook-admonish 1.20.0's directives and their aliases
    // (https://tommilligan.github.io/mdbook-admonish/, "Directives").
    let mut known: BTreeSet<String> = [
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
    .map(String::from)
    .into();
    let root = book_root();
    let config = Config::from_disk(root.join("book.toml")).unwrap();
    let custom = config
        .get("preprocessor.admonish.directive.custom")
        .and_then(|c| c.as_table())
        .cloned()
        .unwrap_or_default();
    for (name, directive) in custom {
        known.insert(name);
        let aliases = directive.get("aliases").and_then(|a| a.as_array());
        for alias in aliases.into_iter().flatten() {
            known.insert(alias.as_str().unwrap().to_string());
        }
    }
    let fence = Regex::new(r"(?m)^[ \t>*+\-\d.]*(?:```+|~~~+)[ \t]*admonish\b([^\n]*)$").unwrap();
    let mut unknown = Vec::new();
    for entry in fs::read_dir(root.join("src")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for caps in fence.captures_iter(&text) {
            let kind = caps[1].split_whitespace().next().unwrap_or("note");
            if !kind.contains('=') && !known.contains(kind) {
                unknown.push(format!("{}: admonish {kind}", path.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "admonition kinds that are neither the book's (book.toml) nor mdbook-admonish's \
         (they would render as a plain note):\n{}\nknown: {known:?}",
        unknown.join("\n")
    );
}

/// tests/build.rs finds code blocks with the pulldown-cmark mdBook renders
/// with: one copy in Cargo.lock serves both.
#[test]
fn build_script_parses_markdown_as_mdbook_does() {
    let lock = fs::read_to_string(book_root().join("Cargo.lock")).unwrap();
    let dependency = |package: &str| -> String {
        let start = lock
            .find(&format!("\n[[package]]\nname = \"{package}\"\n"))
            .unwrap_or_else(|| panic!("{package} is not in Cargo.lock"));
        let block = &lock[start + 1..];
        let block = &block[..block.find("\n\n").unwrap_or(block.len())];
        let line = block
            .lines()
            .find(|l| l.trim_start().starts_with("\"pulldown-cmark"))
            .unwrap_or_else(|| panic!("{package} does not depend on pulldown-cmark"));
        line.trim()
            .trim_end_matches(',')
            .trim_matches('"')
            .to_string()
    };
    assert_eq!(dependency("book-tests"), dependency("mdbook"));
}

#[test]
fn no_directive_is_left_unexpanded() {
    for (page, html) in &site().pages {
        assert!(
            !html.contains("{{#"),
            "{} still has a {{{{#...}}}} directive",
            page.display()
        );
    }
}

/// The `gil`, `tip` and `warning` admonitions render as admonitions, never as
/// code: that is what happens when the preprocessor silently does not run.
#[test]
fn admonitions_are_rendered() {
    let site = site();
    let mut seen = BTreeSet::new();
    for (page, html) in &site.pages {
        assert!(
            !html.contains("language-admonish"),
            "{} shows an admonition as a code block",
            page.display()
        );
        for kind in ["gil", "tip", "warning"] {
            if html.contains(&format!("admonition admonish-{kind}")) {
                seen.insert(kind);
            }
        }
    }
    assert_eq!(
        seen,
        BTreeSet::from(["gil", "tip", "warning"]),
        "each kind of admonition should appear in the book"
    );
    // The custom `gil` directive needs its generated CSS, kept up to date.
    let root = book_root();
    let config = Config::from_disk(root.join("book.toml")).unwrap();
    let admonish = config.get("preprocessor.admonish").unwrap().to_string();
    let expected = mdbook_admonish::custom::css_from_config(&root, &admonish).unwrap();
    let committed = fs::read_to_string(root.join("theme/mdbook-admonish-custom.css")).unwrap();
    assert_eq!(
        committed.trim(),
        expected.trim(),
        "theme/mdbook-admonish-custom.css is stale: run \
         `mdbook-admonish generate-custom theme/mdbook-admonish-custom.css`"
    );
}

/// Every relative link and `#fragment` in the book points at something.
#[test]
fn every_relative_link_resolves() {
    let site = site();
    let link = Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    let id = Regex::new(r#"\bid="([^"]*)""#).unwrap();
    let ids: BTreeMap<&PathBuf, BTreeSet<&str>> = site
        .pages
        .iter()
        .map(|(page, html)| {
            let found = id.captures_iter(html).map(|c| c.get(1).unwrap().as_str());
            (page, found.collect())
        })
        .collect();

    let mut broken = Vec::new();
    for (page, html) in &site.pages {
        // 404.html is served from any depth, so it links from the site root.
        if page == Path::new("404.html") {
            continue;
        }
        for caps in link.captures_iter(html) {
            let target = html_unescape(&caps[1]);
            if target.is_empty()
                || target.contains("://")
                || target.starts_with("mailto:")
                || target.starts_with("javascript:")
                || target.starts_with("data:")
            {
                continue;
            }
            let (path, fragment) = match target.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (target.as_str(), None),
            };
            let resolved = if path.is_empty() {
                page.clone()
            } else {
                normalise(&page.parent().unwrap().join(path))
            };
            if !site.dir.join(&resolved).exists() {
                broken.push(format!("{}: {target} (no such file)", page.display()));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let known = ids.get(&resolved).is_some_and(|ids| ids.contains(fragment));
                if !known {
                    broken.push(format!("{}: {target} (no such anchor)", page.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn html_unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Listings and figures are numbered in reading order, chapter by chapter
/// (Listing 3-1, 3-2, ... in the order of SUMMARY.md), and every "Listing N-M"
/// or "Figure N-M" the book mentions is one of them; one written as a link
/// links to the page that shows it.
#[test]
fn listings_and_figures_are_numbered_in_reading_order() {
    let src = book_root().join("src");
    let caption = Regex::new(r#"<p class="caption">(Listing|Figure) (\d+)-([^:\s]+):"#).unwrap();
    let chapter_of = Regex::new(r"^ch(\d+)-").unwrap();
    // Where each number is shown: ("Listing", "3-6") -> page.
    let mut shown: BTreeMap<(String, String), PathBuf> = BTreeMap::new();
    let mut next: BTreeMap<(String, u32), u32> = BTreeMap::new();
    let mut wrong = Vec::new();
    for page in &site().chapters {
        let text = fs::read_to_string(src.join(page)).unwrap();
        let name = page.file_name().unwrap().to_string_lossy();
        for caps in caption.captures_iter(&text) {
            let (kind, number) = (&caps[1], format!("{}-{}", &caps[2], &caps[3]));
            let chapter: u32 = chapter_of
                .captures(&name)
                .map_or(0, |c| c[1].parse().unwrap());
            let count = next.entry((kind.to_string(), chapter)).or_insert(0);
            *count += 1;
            let expected = format!("{chapter}-{count}");
            if number != expected {
                wrong.push(format!(
                    "{}: {kind} {number} should be {kind} {expected}",
                    page.display()
                ));
            }
            shown.insert((kind.to_string(), number), page.clone());
        }
    }
    // "Listing 3-9", "Listings 3-45 and 3-46", "Figures 1-1 to 1-3", across a
    // line break too; as a link, "[Listing 3-9](page.md#anchor)"; "Listing
    // 3-@slug", which must be numbered.
    let mention = Regex::new(
        r"(\[?)\b(Listing|Figure)s?\s+(\d+-(?:\d+|@[\w-]+))((?:(?:,|,?\s+and|\s+to|\s+or)\s+\d+-(?:\d+|@[\w-]+))*)(\]\(([^)#]*))?",
    )
    .unwrap();
    // A number, or a new listing's `@slug` that tests/renumber.py has not numbered yet.
    let number = Regex::new(r"\d+-(?:\d+|@[\w-]+)").unwrap();
    let mut files: Vec<PathBuf> = site().chapters.iter().map(|p| src.join(p)).collect();
    for entry in fs::read_dir(book_root().join("listings/quizzes")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let shown_here = file.strip_prefix(&src).ok();
        for caps in mention.captures_iter(&text) {
            let kind = caps[2].to_string();
            let numbers =
                std::iter::once(&caps[3]).chain(number.find_iter(&caps[4]).map(|m| m.as_str()));
            for n in numbers {
                let place = file.strip_prefix(book_root()).unwrap().display();
                match shown.get(&(kind.clone(), n.to_string())) {
                    None => wrong.push(format!("{place}: {kind} {n} is not in the book")),
                    Some(page) => {
                        // Only a link that names one number is checked.
                        let Some(target) = caps.get(6).filter(|_| caps[4].is_empty()) else {
                            continue;
                        };
                        let linked = if target.as_str().is_empty() {
                            shown_here.map(Path::to_path_buf)
                        } else {
                            Some(PathBuf::from(target.as_str()))
                        };
                        if linked.as_deref() != Some(page.as_path()) {
                            wrong.push(format!(
                                "{place}: a link to {kind} {n} goes to {}, not to {}",
                                linked.map_or("?".into(), |p| p.display().to_string()),
                                page.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "listing and figure numbers:\n{}",
        wrong.join("\n")
    );
}

/// mdBook strips `// ANCHOR: name` lines only from an include that names an
/// anchor: a listing included whole must have none, or the page shows them.
#[test]
fn no_page_shows_an_anchor_line() {
    let anchor = Regex::new(r"ANCHOR(_END)?: ?\w+").unwrap();
    let shown: Vec<String> = site()
        .pages
        .iter()
        .filter(|(page, _)| page.as_path() != Path::new("print.html"))
        .flat_map(|(page, html)| {
            anchor
                .find_iter(html)
                .map(move |m| format!("{}: {}", page.display(), m.as_str()))
        })
        .collect();
    assert!(
        shown.is_empty(),
        "anchor lines shown on a page (a listing included whole has anchors: remove \
         them, or include the anchor):\n{}",
        shown.join("\n")
    );
}
