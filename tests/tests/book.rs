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
