//! Adversarial regressions of the commands added in round 5 (`prompt --answer-from`, `resolve`,
//! `timeline`, `report --html`, `query`'s sections, `extract`): each test failed before its fix;
//! its comment gives the input and the old symptom.
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::path::PathBuf;
use std::process::Output;

mod support;
use support::text;

fn dossier(args: &[&str]) -> Output {
    support::run(args, b"")
}

/// A file in this test's own directory.
fn file(name: &str, content: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-adversarial");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

/// The Russia–DPRK example as JSON, bent by `edit`.
fn example(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let path = support::root().join("examples/data/russia-dprk-2024.json");
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    edit(&mut value);
    value.to_string()
}

/// Before: a response whose answer text is empty printed an empty line and exited 0, as if
/// the model had answered.
#[test]
fn prompt_refuses_an_empty_answer() {
    let cases = [
        ("openai-chat", r#"{"choices":[{"finish_reason":"stop","message":{"content":""}}]}"#),
        ("gemini", r#"{"candidates":[{"finishReason":"STOP","content":{"parts":[{"text":" \n"}]}}]}"#),
    ];
    for (provider, response) in cases {
        let path = file(&format!("empty-{provider}.json"), response);
        let out = dossier(&["prompt", "--provider", provider, "--answer-from", &path]);
        assert_eq!(out.status.code(), Some(1), "{provider}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{provider}: {}", text(&out.stdout));
        assert!(text(&out.stderr).contains("the answer is empty"), "{}", text(&out.stderr));
    }
    // Two calls of the answer tool are two answers: neither is printed.
    let twice = file(
        "twice.json",
        r#"{"stop_reason":"tool_use","content":[{"type":"tool_use","name":"record_dossier","input":{"id":"a"}},
            {"type":"tool_use","name":"record_dossier","input":{"id":"b"}}]}"#,
    );
    let out = dossier(&["prompt", "--provider", "anthropic", "--answer-from", &twice]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && text(&out.stderr).contains("2 tool_use blocks"), "{}", text(&out.stderr));
}

/// Before: an agreement title ending in U+FFFE (valid) made `timeline` write an SVG that no XML
/// parser reads, with exit 0; the page of `report --html` carried it too.
#[test]
fn pictures_replace_characters_xml_forbids() {
    let json = example(|d| d["agreements"][0]["title"] = "Treaty \u{FFFE}\u{FFFF} end".into());
    let path = file("noncharacters.json", &json);
    assert_eq!(dossier(&["validate", &path]).status.code(), Some(0), "the dossier is valid");
    for args in [vec!["timeline", path.as_str()], vec!["report", "--html", path.as_str()]] {
        let out = dossier(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        let page = text(&out.stdout);
        assert!(page.contains("Treaty \u{FFFD}\u{FFFD} end"), "{args:?}");
        assert!(!page.contains(['\u{FFFE}', '\u{FFFF}']), "{args:?}");
    }
}

/// Before: a tab and a line break in a place's name (valid) split the Places row of `query`
/// and printed a false row `FAKE\tROW (PRK)\t[...]`.
#[test]
fn query_rows_stay_one_line() {
    let json = example(|d| d["agreements"][0]["signatures"][0]["place"]["name"] = "Pyong\tyang\nFAKE\tROW".into());
    let path = file("tabs.json", &json);
    let out = dossier(&["query", "--actor", "russia", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\tPyong\\tyang\\nFAKE\\tROW (PRK)\t"), "{stdout}");
    assert!(!stdout.lines().any(|l| l.starts_with("FAKE")), "{stdout}");
}

/// Before: one batch line that is not UTF-8 ended the batch: the answers after it were never
/// read, and the summary counted one failure.
#[test]
fn extract_reads_the_batch_lines_after_one_that_is_not_utf8() {
    let read = |p: &str| std::fs::read_to_string(support::root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let article: serde_json::Value =
        serde_json::from_str(&read("examples/pipeline/us-papua-new-guinea-2023/articles/anadolu.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let answer: serde_json::Value =
        serde_json::from_str(&read("examples/pipeline/us-papua-new-guinea-2023/answers/anadolu.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let good = serde_json::json!({"article": article, "answer": answer}).to_string();
    let mut batch = b"{\"article\": \"\xff\xfe\"}\n".to_vec();
    batch.extend_from_slice(good.as_bytes());
    batch.push(b'\n');
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-adversarial");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("batch-not-utf8.jsonl");
    std::fs::write(&path, batch).unwrap_or_else(|e| panic!("{e}"));
    let path = path.to_string_lossy().into_owned();
    let out = dossier(&["extract", "--quotes", "normalized", "--batch", &path]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("batch-not-utf8.jsonl:1: (root): invalid_utf8: error"), "{stderr}");
    assert!(stderr.contains("1 answer(s): 1 dossier(s)"), "{stderr}");
    assert_eq!(text(&out.stdout).lines().count(), 1, "the second line's dossier is written");
}

/// Before: `resolve add` run 20 times at once on one file kept 6 judgements, and every run said
/// "added judgement N" and exited 0: each read the log, added its own and wrote it back over
/// the others'.
#[test]
fn resolve_add_run_at_once_keeps_every_judgement() {
    let path = file("at-once.json", "");
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let runs: Vec<std::process::Child> = (0..16)
        .map(|i| {
            let (left, right) = (format!("a/actor/x{i}"), format!("b/actor/x{i}"));
            std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["resolve", "add", &path, &left, &right, "same", "--by", "me"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run dossier: {e}"))
        })
        .collect();
    for mut run in runs {
        let status = run.wait().unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success(), "{status}");
    }
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log["judgements"].as_array().map(Vec::len), Some(16), "{log}");
    let lock = PathBuf::from(&path).with_file_name(".at-once.json.lock");
    assert!(!lock.exists(), "the lock is removed");
}

/// Before: `--max-tokens 0` wrote a body every provider rejects (`"max_tokens": 0`), exit 0.
#[test]
fn prompt_refuses_a_limit_of_no_tokens() {
    let article = file("article.txt", "Iran and Syria signed a military agreement on Wednesday.");
    let out =
        dossier(&["prompt", "--provider", "anthropic", "--model", "m", "--article", &article, "--max-tokens", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let out =
        dossier(&["prompt", "--provider", "anthropic", "--model", "m", "--article", &article, "--max-tokens", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Before: a picture that could not be written said only `dossier: No such file or directory
/// (os error 2)`, naming no file.
#[test]
fn pictures_name_the_file_they_cannot_write() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-adversarial/no/such/dir");
    let example = "examples/data/russia-sudan-2020.json";
    for (args, name) in
        [(vec!["timeline", example, "--out"], "x.svg"), (vec!["report", "--html", example, "--out"], "x.html")]
    {
        let path = missing.join(name).to_string_lossy().into_owned();
        let mut args = args;
        args.push(&path);
        let out = dossier(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stderr).contains(&path), "{args:?}: {}", text(&out.stderr));
    }
}

/// Before: a byte order mark (as Windows editors write) failed `extract --article` ("not an
/// article: expected value at line 1 column 1") and the first line of a `--batch`, while
/// `prompt --article` read the same file.
#[test]
fn extract_reads_files_that_open_with_a_byte_order_mark() {
    let read = |p: &str| std::fs::read_to_string(support::root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let article = read("examples/pipeline/us-papua-new-guinea-2023/articles/anadolu.json");
    let answer = read("examples/pipeline/us-papua-new-guinea-2023/answers/anadolu.json");
    let article_path = file("bom-article.json", &format!("\u{FEFF}{article}"));
    let answer_path = file("bom-answer.json", &answer);
    let out = dossier(&["extract", "--quotes", "normalized", "--article", &article_path, &answer_path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap_or_else(|e| panic!("{e}")).to_string();
    let batch = format!("\u{FEFF}{{\"article\": {}, \"answer\": {}}}\r\n", line(&article), line(&answer));
    let batch_path = file("bom-batch.jsonl", &batch);
    let out = dossier(&["extract", "--quotes", "normalized", "--batch", &batch_path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 1);
}

/// Before: `a same b`, `b same c`, then `a not_same c` was written without a word, and a merge
/// made the three one record (`same` is transitive) against the last judgement.
#[test]
fn resolve_add_warns_of_a_not_same_that_same_judgements_override() {
    let path = file("contradiction.json", "");
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let add = |l: &str, r: &str, j: &str| dossier(&["resolve", "add", &path, l, r, j, "--by", "me"]);
    for (l, r) in [("a/actor/x", "b/actor/x"), ("b/actor/x", "c/actor/x")] {
        let out = add(l, r, "same");
        assert!(out.status.success() && !text(&out.stderr).contains("warning"), "{}", text(&out.stderr));
    }
    let out = add("a/actor/x", "c/actor/x", "not_same");
    assert_eq!(out.status.code(), Some(0), "the judgement is written");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("warning: a/actor/x and c/actor/x are judged not_same, but a chain"), "{stderr}");
    // A judgement that contradicts nothing says nothing more.
    let out = add("a/actor/y", "b/actor/y", "not_same");
    assert!(!text(&out.stderr).contains("warning"), "{}", text(&out.stderr));
}

/// Before: `tables --through 99999999999` said "'99999999999' is not a year" (it is one, past
/// the limit), while `--through 10000` named the limit.
#[test]
fn tables_through_a_huge_year_names_the_limit() {
    let out = dossier(&["tables", "examples/data/russia-sudan-2020.json", "--through", "99999999999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("99999999999 is past 9999"), "{}", text(&out.stderr));
    let out = dossier(&["tables", "examples/data/russia-sudan-2020.json", "--through", "next year"]);
    assert!(text(&out.stderr).contains("'next year' is not a year"), "{}", text(&out.stderr));
}

/// Before: `prompt --published yesterday` (or `2025-02-30`) wrote the request without a word:
/// the model was told the date is not known, and `extract` later refused the same article.
#[test]
fn prompt_warns_of_a_publication_date_it_cannot_read() {
    let article = file("dated.txt", "Iran and Syria signed a military agreement on Wednesday.");
    for (published, warned) in [("yesterday", true), ("2025-02-30", true), ("2025-09-18", false), ("2025-09", false)] {
        let flag = format!("--published={published}");
        let out = dossier(&["prompt", "--provider", "gemini", "--model", "m", "--article", &article, &flag]);
        assert_eq!(out.status.code(), Some(0), "{published}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.contains(&format!("the publication date '{published}' is not a date")), warned, "{stderr}");
    }
}
