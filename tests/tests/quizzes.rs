//! The quizzes at the end of the section pages (`listings/quizzes/*.toml`,
//! mdbook-quiz 0.4.0's format) and their answers.
//!
//! - Every section page (Chapters 1 to 7) ends with `{{#quiz ../listings/quizzes/PAGE.toml}}`
//!   naming its own quiz, and every quiz file belongs to a page.
//! - Every quiz parses with mdbook-quiz's own schema, uses only the keys
//!   mdbook-quiz 0.4.0 knows, has 2 to 4 questions, each with a unique `id` and
//!   a `context` that explains the answer.
//! - A `Tracing` question's program is compiled the way mdbook-quiz compiles it
//!   when it builds the book (`rustc main.rs -A warnings`, std only). If the
//!   answer says it compiles, it is run and must print exactly `answer.stdout`;
//!   if not, its first error must be on `answer.lineNumber`.
//! - A `MultipleChoice` question whose prompt holds a ```` ```rust ```` program
//!   (which may use tokio, rayon, crossbeam, futures, rand, tokio-util, tracing
//!   and tracing-subscriber) is compiled as
//!   edition 2021 and run: its answer is what it prints, in a ```` ```text ````
//!   block, or "It does not compile" followed by why.
//! - A question about a program with several answers ("which of these can it
//!   print?") has outputs for answers and distractors, each a ```` ```text ````
//!   block. Every answer must be an output the program can print, and no
//!   distractor may be one. A program of std threads alone is explored with
//!   loom (its `std::sync` and `std::thread` swapped for loom's, `main` run
//!   under `loom::model`): every interleaving and every value a load may
//!   read, so the outputs it finds are all the program can print (it must
//!   print only what its threads computed, as loom schedules only at
//!   synchronisation). It is also run once, and must print one of those. Any
//!   other program is run again and again: every answer must be seen, and no
//!   distractor (the context says why a distractor cannot happen).
//!
//! Compiled programs are kept in the test's target directory (see
//! `practice/mod.rs`), so a warm run only runs them.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

use book_tests::{book_root, run_with_timeout};
use mdbook_quiz_schema::{MultipleChoiceAnswerFormat, Question, Quiz};
use regex::Regex;

mod practice;

/// A section page: `chNN-MM-slug.md` with NN in 1..=7 and MM not
/// 00 (the chapter's own page), and neither its summary nor its exercises.
fn section_pages() -> Vec<String> {
    let page = Regex::new(r"^ch0[1-7]-(\d\d)-[a-z0-9-]+\.md$").unwrap();
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
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// As mdbook-quiz does when it builds the book: std only, rustc's default edition.
    Tracing,
    /// Edition 2021, with the book's crates.
    WithCrates,
    /// Edition 2021, with loom's threads and synchronisation instead of std's,
    /// `main` run once per interleaving (see [`under_loom`]).
    Loom,
}

/// What an answer claims about a program.
enum Claim {
    Prints(String),
    FailsAtLine(usize),
    DoesNotCompile,
    /// It can print each answer, and none of the distractors.
    CanPrint {
        answers: Vec<String>,
        distractors: Vec<String>,
    },
}

/// Ends each interleaving's output in a program run [`under_loom`].
const END_OF_RUN: &str = "--- end of one interleaving ---";

/// The program with loom's `sync`, `thread` and `hint` for std's, and its
/// `main` run under `loom::model`, which prints what each interleaving
/// printed, followed by [`END_OF_RUN`].
fn under_loom(what: &str, program: &str) -> String {
    assert_eq!(
        program.matches("fn main()").count(),
        1,
        "{what}: a program explored with loom has one `fn main()`"
    );
    let program = program
        .replace("std::sync::", "loom::sync::")
        .replace("std::thread", "loom::thread")
        .replace("std::hint", "loom::hint")
        .replace("fn main()", "fn quiz_main()");
    format!(
        "{program}\nfn main() {{\n    loom::model(|| {{\n        quiz_main();\n        \
         println!(\"{END_OF_RUN}\");\n    }});\n}}\n"
    )
}

/// A program of std threads and no crate: loom can explore it.
fn is_for_loom(program: &str) -> bool {
    program.contains("thread::spawn")
        && !book_tests::LISTING_CRATES
            .iter()
            .any(|c| program.contains(&format!("{c}::")))
}

struct Check {
    what: String,
    program: String,
    /// For a program explored with loom: the question's program itself.
    native: Option<String>,
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
                        native: None,
                        mode: Mode::Tracing,
                        claim,
                    });
                }
                Question::MultipleChoice(q) => {
                    let Some(program) = rust_block(&q.0.prompt.prompt.0) else {
                        continue;
                    };
                    let answer = match &q.0.answer.answer {
                        MultipleChoiceAnswerFormat::Single(answer) => answer,
                        MultipleChoiceAnswerFormat::Multi(answers) => {
                            let output = |text: &str, kind: &str| {
                                let Some(c) = text_block.captures(text.trim()) else {
                                    panic!(
                                        "{what}: each {kind} of a question with several \
                                         answers is an output, in a ```text block"
                                    );
                                };
                                c[1].trim_end().to_string()
                            };
                            let answers: Vec<String> =
                                answers.iter().map(|a| output(&a.0, "answer")).collect();
                            let distractors = q.0.prompt.distractors.iter();
                            let distractors: Vec<String> =
                                distractors.map(|d| output(&d.0, "distractor")).collect();
                            if is_for_loom(&program) {
                                checks.push(Check {
                                    what: format!("{what} (explored with loom)"),
                                    program: under_loom(&what, &program),
                                    native: Some(program),
                                    mode: Mode::Loom,
                                    claim: Claim::CanPrint {
                                        answers,
                                        distractors,
                                    },
                                });
                            } else {
                                checks.push(Check {
                                    what,
                                    program,
                                    native: None,
                                    mode: Mode::WithCrates,
                                    claim: Claim::CanPrint {
                                        answers,
                                        distractors,
                                    },
                                });
                            }
                            continue;
                        }
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
                        native: None,
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

/// The program's answers: the programs compiled in parallel (or found
/// compiled by an earlier run), then all run at once (they mostly sleep).
#[test]
fn every_answer_is_what_the_program_does() {
    let checks = checks();
    let next = Mutex::new(checks.iter().enumerate());
    let compiled = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some((i, check)) = next.lock().unwrap().next() else {
                        break;
                    };
                    let result = compile(check);
                    compiled.lock().unwrap().insert(i, result);
                }
            });
        }
    });
    let compiled = compiled.into_inner().unwrap();
    let problems: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = checks
            .iter()
            .zip(compiled.into_values())
            .map(|(check, compiled)| s.spawn(move || verify(check, compiled)))
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().unwrap().err())
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn compile(check: &Check) -> Result<PathBuf, String> {
    compile_program(&check.what, &check.program, check.mode)
}

fn compile_program(what: &str, program: &str, mode: Mode) -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("quiz-programs")
        .join(what.replace(['/', ',', ' ', '(', ')'], "_"));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("main.rs"), program).unwrap();
    let (args, with_crates): (&[&str], bool) = match mode {
        // As mdbook-quiz compiles it when it builds the book.
        Mode::Tracing => (&["-A", "warnings"], false),
        Mode::WithCrates | Mode::Loom => (&["-A", "warnings", "--edition", "2021"], true),
    };
    practice::compile(what, &dir, "main.rs", &[program], args, with_crates)
}

/// Runs the program once: what it printed, or why it failed.
fn run_once(what: &str, exe: &Path) -> Result<String, String> {
    let mut command = Command::new(exe);
    command.env_remove("LOOM_MAX_PREEMPTIONS");
    let run = run_with_timeout(what, command, Duration::from_secs(60));
    if run.status.success() {
        Ok(run.output)
    } else {
        Err(format!(
            "{what}: the program failed ({}):\n{}",
            run.status, run.output
        ))
    }
}

/// What a program can print: under loom, the outputs of every interleaving;
/// otherwise those of many runs (at least `RUNS`, and up to `MOST_RUNS`
/// until every one of `answers` has been seen), ten at a time.
fn outputs(check: &Check, exe: &Path, answers: &[String]) -> Result<BTreeSet<String>, String> {
    const RUNS: usize = 50;
    const MOST_RUNS: usize = 500;
    if check.mode == Mode::Loom {
        let printed = run_once(&check.what, exe)?;
        let Some(printed) = printed.strip_suffix(&format!("{END_OF_RUN}\n")) else {
            return Err(format!(
                "{}: loom ran no interleaving:\n{printed}",
                check.what
            ));
        };
        return Ok(printed
            .split(&format!("{END_OF_RUN}\n"))
            .map(|run| run.trim_end().to_string())
            .collect());
    }
    let mut seen = BTreeSet::new();
    let mut runs = 0;
    while runs < RUNS || (runs < MOST_RUNS && !answers.iter().all(|a| seen.contains(a))) {
        let batch: Vec<Result<String, String>> = std::thread::scope(|s| {
            let batch: Vec<_> = (0..10)
                .map(|_| s.spawn(|| run_once(&check.what, exe)))
                .collect();
            batch.into_iter().map(|run| run.join().unwrap()).collect()
        });
        for printed in batch {
            seen.insert(printed?.trim_end().to_string());
        }
        runs += 10;
    }
    Ok(seen)
}

fn verify(check: &Check, compiled: Result<PathBuf, String>) -> Result<(), String> {
    let what = &check.what;
    match (&check.claim, compiled) {
        (Claim::Prints(expected), Ok(exe)) => {
            let run = run_with_timeout(what, Command::new(&exe), Duration::from_secs(60));
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
        (
            Claim::CanPrint {
                answers,
                distractors,
            },
            Ok(exe),
        ) => {
            let seen = outputs(check, &exe, answers)?;
            let how = if check.mode == Mode::Loom {
                "in any interleaving loom explored"
            } else {
                "in any of its runs"
            };
            let mut problems = Vec::new();
            if let Some(native) = &check.native {
                // The program as the reader sees it, with std's threads.
                let native_what = format!("{what} (with std's threads)");
                let exe = compile_program(&native_what, native, Mode::WithCrates)?;
                let printed = run_once(&native_what, &exe)?;
                if !seen.contains(printed.trim_end()) {
                    problems.push(format!(
                        "run with std's threads, it printed\n{printed}\nwhich loom finds in no \
                         interleaving"
                    ));
                }
            }
            for answer in answers.iter().filter(|a| !seen.contains(*a)) {
                problems.push(format!("the answer\n{answer}\nwas not printed {how}"));
            }
            for distractor in distractors.iter().filter(|d| seen.contains(*d)) {
                problems.push(format!("the distractor\n{distractor}\nwas printed"));
            }
            if problems.is_empty() {
                Ok(())
            } else {
                let seen: Vec<&String> = seen.iter().collect();
                Err(format!(
                    "{what}: {}\n(it printed: {seen:#?})",
                    problems.join("\n")
                ))
            }
        }
        (Claim::Prints(_) | Claim::CanPrint { .. }, Err(errors)) => Err(format!(
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
