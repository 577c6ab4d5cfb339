//! The quizzes at the end of the section pages (`listings/quizzes/*.toml`,
//! mdbook-quiz 0.4.0's format) and their answers.
//!
//! - Every section page of Part I ends with `{{#quiz ../listings/quizzes/PAGE.toml}}`
//!   naming its own quiz, and every quiz file belongs to a page.
//! - Every quiz parses with mdbook-quiz's own schema, uses only the keys
//!   mdbook-quiz 0.4.0 knows, has 2 to 4 questions, each with a unique `id` and
//!   a `context` that explains the answer.
//! - A `Tracing` question's program is compiled the way mdbook-quiz compiles it
//!   when it builds the book (`rustc main.rs -A warnings`, std only). If the
//!   answer says it compiles, it is run and must print exactly `answer.stdout`;
//!   if not, its first error must be on `answer.lineNumber`.
//! - A `MultipleChoice` question whose prompt holds a ```` ```rust ```` program
//!   (which may use tokio, rayon, crossbeam, futures and rand) is compiled as
//!   edition 2021 and run: its answer is what it prints, in a ```` ```text ````
//!   block, or "It does not compile" followed by why.
//!
//! Compiled programs are kept in the test's target directory, keyed by their
//! source and the compiler, so a warm run only runs them.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};
use mdbook_quiz_schema::{MultipleChoiceAnswerFormat, Question, Quiz};
use regex::Regex;

/// A section page of Part I: `chNN-MM-slug.md` with NN in 1..=4 and MM not
/// 00 (the chapter's own page), and neither its summary nor its exercises.
fn section_pages() -> Vec<String> {
    let page = Regex::new(r"^ch0[1-4]-(\d\d)-[a-z0-9-]+\.md$").unwrap();
    let mut pages: Vec<String> = fs::read_dir(book_root().join("src"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            page.captures(name).is_some_and(|c| &c[1] != "00")
                && !name.ends_with("-summary.md")
                && !name.ends_with("-exercises.md")
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_section_page_ends_with_its_quiz() {
    let root = book_root();
    let mut problems = Vec::new();
    let mut shown = BTreeSet::new();
    for page in section_pages() {
        let text = fs::read_to_string(root.join("src").join(&page)).unwrap();
        let stem = page.trim_end_matches(".md");
        let expected = format!("{{{{#quiz ../listings/quizzes/{stem}.toml}}}}");
        if text.trim_end().lines().last() != Some(expected.as_str()) {
            problems.push(format!("src/{page} must end with the line {expected}"));
        }
        shown.insert(format!("{stem}.toml"));
    }
    for entry in fs::read_dir(root.join("listings/quizzes")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !shown.contains(&name) {
            problems.push(format!(
                "listings/quizzes/{name} belongs to no section page"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The keys mdbook-quiz 0.4.0 reads, by question type (its schema does not
/// refuse others: a misspelt key would be silently ignored).
fn known_keys(kind: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    match kind {
        "Tracing" => Some((&["program"], &["doesCompile", "stdout", "lineNumber"])),
        "MultipleChoice" => Some((
            &["prompt", "distractors", "answerIndex", "sortAnswers"],
            &["answer"],
        )),
        "ShortAnswer" => Some((&["prompt", "response"], &["answer", "alternatives"])),
        _ => None,
    }
}

/// Parses a quiz and checks everything but the answers of its programs.
fn parse_quiz(name: &str, text: &str, ids: &mut HashSet<String>) -> Result<Quiz, String> {
    let quiz: Quiz = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let value: toml::Table = toml::from_str(text).unwrap();
    let mut problems = Vec::new();
    if value.keys().any(|k| k != "questions") {
        problems.push("only [[questions]] at the top level".to_string());
    }
    if !(2..=4).contains(&quiz.questions.len()) {
        problems.push(format!("{} questions, not 2 to 4", quiz.questions.len()));
    }
    for (i, question) in value["questions"].as_array().unwrap().iter().enumerate() {
        let n = i + 1;
        let question = question.as_table().unwrap();
        let kind = question.get("type").and_then(|t| t.as_str()).unwrap_or("");
        let Some((prompt_keys, answer_keys)) = known_keys(kind) else {
            problems.push(format!("question {n}: unknown type {kind:?}"));
            continue;
        };
        for key in question.keys() {
            if !["id", "type", "prompt", "answer", "context"].contains(&key.as_str()) {
                problems.push(format!("question {n}: unknown key {key:?}"));
            }
        }
        for (part, keys) in [("prompt", prompt_keys), ("answer", answer_keys)] {
            for key in question[part].as_table().unwrap().keys() {
                if !keys.contains(&key.as_str()) {
                    problems.push(format!("question {n}: unknown key {part}.{key}"));
                }
            }
        }
        match question.get("id").and_then(|id| id.as_str()) {
            Some(id) if !ids.insert(id.to_string()) => {
                problems.push(format!("question {n}: id {id:?} is used twice in the book"));
            }
            Some(_) => {}
            // mdbook-quiz would write a random one into the file at every build.
            None => problems.push(format!("question {n}: no id")),
        }
        let context = question.get("context").and_then(|c| c.as_str());
        if context.is_none_or(|c| c.trim().is_empty()) {
            problems.push(format!("question {n}: no context explaining the answer"));
        }
    }
    for (i, question) in quiz.questions.iter().enumerate() {
        let n = i + 1;
        match question {
            Question::Tracing(q) => {
                let answer = &q.0.answer;
                match (answer.does_compile, &answer.stdout, answer.line_number) {
                    (true, Some(_), None) | (false, None, Some(_)) => {}
                    _ => problems.push(format!(
                        "question {n}: a program that compiles has a stdout, \
                         one that does not has a lineNumber"
                    )),
                }
            }
            Question::MultipleChoice(q) => {
                let answers = match &q.0.answer.answer {
                    MultipleChoiceAnswerFormat::Single(a) => vec![&a.0],
                    MultipleChoiceAnswerFormat::Multi(a) => a.iter().map(|a| &a.0).collect(),
                };
                if q.0.prompt.distractors.is_empty() {
                    problems.push(format!("question {n}: no distractors"));
                }
                for answer in answers {
                    if q.0.prompt.distractors.iter().any(|d| &d.0 == answer) {
                        problems.push(format!("question {n}: an answer is also a distractor"));
                    }
                }
            }
            Question::ShortAnswer(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(quiz)
    } else {
        Err(format!("{name}:\n  {}", problems.join("\n  ")))
    }
}

/// Every quiz file, parsed; panics listing every malformed one.
fn quizzes() -> BTreeMap<String, Quiz> {
    let dir = book_root().join("listings/quizzes");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut ids = HashSet::new();
    let mut quizzes = BTreeMap::new();
    let mut problems = Vec::new();
    for name in names {
        let text = fs::read_to_string(dir.join(&name)).unwrap();
        match parse_quiz(&format!("listings/quizzes/{name}"), &text, &mut ids) {
            Ok(quiz) => {
                quizzes.insert(name, quiz);
            }
            Err(problem) => problems.push(problem),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    quizzes
}

#[test]
fn every_quiz_parses() {
    assert!(!quizzes().is_empty());
}

/// How a program is compiled.
#[derive(Clone, Copy, Hash, PartialEq)]
enum Mode {
    /// As mdbook-quiz does when it builds the book: std only, rustc's default edition.
    Tracing,
    /// Edition 2021, with the book's crates.
    WithCrates,
}

/// What an answer claims about a program.
enum Claim {
    Prints(String),
    FailsAtLine(usize),
    DoesNotCompile,
}

struct Check {
    what: String,
    program: String,
    mode: Mode,
    claim: Claim,
}

/// The program in a ```` ```rust ```` block of a prompt, if there is one.
fn rust_block(markdown: &str) -> Option<String> {
    let re = Regex::new(r"(?s)```rust[^\n]*\n(.*?)```").unwrap();
    re.captures(markdown).map(|c| c[1].to_string())
}

fn checks() -> Vec<Check> {
    let text_block = Regex::new(r"(?s)^```text\n(.*)```$").unwrap();
    let mut checks = Vec::new();
    for (name, quiz) in quizzes() {
        for (i, question) in quiz.questions.iter().enumerate() {
            let what = format!("listings/quizzes/{name}, question {}", i + 1);
            match question {
                Question::Tracing(q) => {
                    let answer = &q.0.answer;
                    let claim = match (&answer.stdout, answer.line_number) {
                        (Some(stdout), _) if answer.does_compile => Claim::Prints(stdout.clone()),
                        (_, Some(line)) => Claim::FailsAtLine(line),
                        _ => unreachable!("checked by parse_quiz"),
                    };
                    checks.push(Check {
                        what,
                        program: q.0.prompt.program.clone(),
                        mode: Mode::Tracing,
                        claim,
                    });
                }
                Question::MultipleChoice(q) => {
                    let Some(program) = rust_block(&q.0.prompt.prompt.0) else {
                        continue;
                    };
                    let MultipleChoiceAnswerFormat::Single(answer) = &q.0.answer.answer else {
                        panic!("{what}: a question about a program has one answer");
                    };
                    let answer = answer.0.trim();
                    let claim = if answer.starts_with("It does not compile") {
                        Claim::DoesNotCompile
                    } else if let Some(c) = text_block.captures(answer) {
                        Claim::Prints(c[1].to_string())
                    } else {
                        panic!(
                            "{what}: the answer to a question about a program is what it \
                             prints, in a ```text block, or \"It does not compile ...\""
                        );
                    };
                    checks.push(Check {
                        what,
                        program,
                        mode: Mode::WithCrates,
                        claim,
                    });
                }
                Question::ShortAnswer(_) => {}
            }
        }
    }
    checks
}

/// The program's answers, one check per program, all compiled in parallel.
#[test]
fn every_answer_is_what_the_program_does() {
    let checks = checks();
    let next = Mutex::new(checks.iter());
    let problems = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(check) = next.lock().unwrap().next() else {
                        break;
                    };
                    if let Err(problem) = verify(check) {
                        problems.lock().unwrap().push(problem);
                    }
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn verify(check: &Check) -> Result<(), String> {
    let what = &check.what;
    let compiled = compile(check);
    match (&check.claim, compiled) {
        (Claim::Prints(expected), Ok(exe)) => {
            let run = run_with_timeout(what, Command::new(&exe), Duration::from_secs(30));
            if !run.status.success() {
                return Err(format!(
                    "{what}: the program failed ({}):\n{}",
                    run.status, run.output
                ));
            }
            if run.output.trim_end() != expected.trim_end() {
                return Err(format!(
                    "{what}: the answer says the program prints\n{expected}\nbut it printed\n{}",
                    run.output
                ));
            }
            Ok(())
        }
        (Claim::Prints(_), Err(errors)) => Err(format!(
            "{what}: the answer says the program compiles, but:\n{errors}"
        )),
        (Claim::FailsAtLine(_) | Claim::DoesNotCompile, Ok(_)) => Err(format!(
            "{what}: the answer says the program does not compile, but it does"
        )),
        (Claim::DoesNotCompile, Err(_)) => Ok(()),
        (Claim::FailsAtLine(line), Err(errors)) => {
            let at = Regex::new(r"(?m)^error.*\n\s*--> [^:\n]+:(\d+):").unwrap();
            let first: Option<usize> = at.captures(&errors).map(|c| c[1].parse().unwrap());
            if first == Some(*line) {
                Ok(())
            } else {
                Err(format!(
                    "{what}: the answer says the error is on line {line}, \
                     but the compiler said:\n{errors}"
                ))
            }
        }
    }
}

/// Compiles a program, or finds it compiled by an earlier run: the path of
/// the executable, or what the compiler said.
fn compile(check: &Check) -> Result<PathBuf, String> {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quizzes");
    fs::create_dir_all(&cache).unwrap();
    let extern_args = match check.mode {
        Mode::Tracing => Vec::new(),
        Mode::WithCrates => crates().clone(),
    };
    let mut hasher = std::hash::DefaultHasher::new();
    (check.mode, &check.program, rustc_version(), &extern_args).hash(&mut hasher);
    let key = format!("{:016x}", hasher.finish());
    let exe = cache.join(&key);
    let errors = cache.join(format!("{key}.errors"));
    if exe.exists() {
        return Ok(exe);
    }
    if let Ok(text) = fs::read_to_string(&errors) {
        return Err(text);
    }

    let dir = cache.join(format!("{key}.src"));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("main.rs"), &check.program).unwrap();
    let mut rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()));
    rustc
        .arg("main.rs")
        .args(["-A", "warnings", "--color", "never", "-o", "main"])
        .current_dir(&dir)
        .env_remove("RUSTFLAGS");
    if check.mode == Mode::WithCrates {
        rustc.args(["--edition", "2021"]).args(&extern_args);
    }
    let run = run_with_timeout(&check.what, rustc, Duration::from_secs(300));
    if run.status.success() {
        fs::rename(dir.join("main"), &exe).unwrap();
        let _ = fs::remove_dir_all(&dir);
        Ok(exe)
    } else {
        fs::write(&errors, &run.output).unwrap();
        let _ = fs::remove_dir_all(&dir);
        Err(run.output)
    }
}

fn rustc_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let out = Command::new(rustc)
            .arg("-vV")
            .output()
            .expect("run rustc -vV");
        String::from_utf8_lossy(&out.stdout).into_owned()
    })
}

/// `--extern` and `-L` arguments for the crates the book's programs may use,
/// as built for this workspace (the same build the listings test makes, so
/// nothing is compiled twice).
fn crates() -> &'static Vec<String> {
    static ARGS: OnceLock<Vec<String>> = OnceLock::new();
    ARGS.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = Command::new(cargo)
            .args(["build", "--quiet", "--workspace", "--all-targets"])
            .args(["--message-format", "json-render-diagnostics"])
            .current_dir(book_root())
            .output()
            .expect("run cargo build");
        assert!(
            output.status.success(),
            "building the workspace failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Crate name -> (version, rlib): the newest version wins (rand 0.8 is
        // also in the build, for mdBook).
        let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut deps_dir = None;
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let message: serde_json::Value = serde_json::from_str(line).unwrap();
            let name = message["target"]["name"].as_str().unwrap_or("");
            if !["tokio", "rayon", "crossbeam", "futures", "rand"].contains(&name) {
                continue;
            }
            let id = message["package_id"].as_str().unwrap_or("");
            let version = id.rsplit(['@', '#']).next().unwrap_or("").to_string();
            let rlib = message["filenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str())
                .find(|f| f.ends_with(".rlib"));
            if let Some(rlib) = rlib {
                deps_dir = Path::new(rlib).parent().map(Path::to_path_buf);
                let newer = found.get(name).is_none_or(|(v, _)| newer(&version, v));
                if newer {
                    found.insert(name.to_string(), (version, rlib.to_string()));
                }
            }
        }
        assert_eq!(found.len(), 5, "not every crate was found: {found:?}");
        let mut args = vec![
            "-L".to_string(),
            format!("dependency={}", deps_dir.unwrap().display()),
        ];
        for (name, (_, rlib)) in found {
            args.push("--extern".into());
            args.push(format!("{name}={rlib}"));
        }
        args
    })
}

fn newer(a: &str, b: &str) -> bool {
    let parse = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parse(a) > parse(b)
}
