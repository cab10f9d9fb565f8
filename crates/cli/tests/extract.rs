//! `dossier extract` as a pipeline runs it: answers with their articles in, dossiers on stdout
//! or in a directory, problems on stderr, exit statuses.
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use defense_agreements::extraction::{check_quotes, from_profile_json};
use serde_json::{Value, json};

mod support;
use support::{root, text};

const ANSWER: &str = "examples/extraction/iran-syria-2020.json";

fn dossier(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    support::run(&all, stdin)
}

/// A directory of this test's own, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("extract").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn answer() -> Value {
    let text = std::fs::read_to_string(root().join(ANSWER)).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// The quotes of the sample answer, which an article holding them all makes true.
fn quotes() -> Vec<String> {
    let dossier = from_profile_json(&answer().to_string()).unwrap_or_else(|e| panic!("{e}"));
    check_quotes(&dossier, "report", "").into_iter().map(|m| m.quote).collect()
}

fn article_with(url: &str, skip_first: bool) -> Value {
    let quotes = quotes();
    let kept: Vec<&String> = quotes.iter().filter(|q| !skip_first || **q != quotes[0]).collect();
    let text = kept.iter().map(|q| q.as_str()).collect::<Vec<_>>().join(" … ");
    json!({"url": url, "publisher": "Example News", "published": "2020-07-09", "title": "Iran and Syria sign", "text": text})
}

fn write(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn one_answer_gives_one_dossier_named_after_its_article() {
    let dir = scratch("one");
    let article = write(&dir, "article.json", &article_with("https://example.org/iran-syria", false));
    let out = dossier(&["--article", &article, ANSWER], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    let source = d["sources"].as_array().and_then(|s| s.iter().find(|s| s["id"] == "example.org:iran-syria"));
    assert_eq!(source.map(|s| &s["url"]), Some(&json!("https://example.org/iran-syria")));
    assert_eq!(source.map(|s| &s["published"]), Some(&json!("2020-07-09")));
    assert!(!text(&out.stdout).contains("\"report\""));
    assert!(text(&out.stderr).contains("1 answer(s): 1 dossier(s), 0 failed"), "{}", text(&out.stderr));

    // A plain-text article, described by flags.
    let plain = dir.join("article.txt");
    std::fs::write(&plain, article_with("", false)["text"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let plain = plain.to_string_lossy().into_owned();
    let out = dossier(&["--article", &plain, "--publisher", "Al Jazeera", "--published", "2020-07-08", ANSWER], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"al-jazeera:2020-07-08\""));
}

#[test]
fn a_misquote_fails_the_answer_or_drops_its_citation() {
    let dir = scratch("misquote");
    let article = write(&dir, "article.json", &article_with("https://example.org/a", true));
    let failed = dossier(&["--article", &article, ANSWER], b"");
    assert_eq!(failed.status.code(), Some(1));
    assert!(failed.stdout.is_empty(), "a failed answer gives no dossier");
    let err = text(&failed.stderr);
    assert!(err.contains("/quote: misquote: error: not in the article"), "{err}");

    let dropped = dossier(&["--article", &article, "--on-misquote", "drop", ANSWER], b"");
    assert_eq!(dropped.status.code(), Some(0), "{}", text(&dropped.stderr));
    let err = text(&dropped.stderr);
    assert!(err.contains("misquote: warning: not in the article; citation dropped"), "{err}");
    let d = text(&dropped.stdout);
    assert!(!d.contains(&serde_json::to_string(&quotes()[0]).unwrap_or_default()), "the misquote is still there");
}

#[test]
fn json_issues_carry_every_quote_check_and_the_counts() {
    let dir = scratch("json");
    let mut typeset = article_with("https://example.org/a", false);
    // The article as typeset: no-break spaces where the answer has spaces.
    let curly = typeset["text"].as_str().unwrap_or_default().replace(' ', "\u{00A0}");
    typeset["text"] = json!(curly);
    let article = write(&dir, "article.json", &typeset);
    let out = dossier(&["--article", &article, "--quotes", "normalized", "--format", "json", ANSWER], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stderr)));
    let summary = &report["summary"];
    assert_eq!((summary["answers"].as_u64(), summary["dossiers"].as_u64()), (Some(1), Some(1)));
    let quotes = report["answers"][0]["quotes"].as_array().cloned().unwrap_or_default();
    let apostrophes = quotes.iter().filter(|q| q["quote"].as_str().is_some_and(|q| q.contains(' '))).count();
    assert!(apostrophes > 0, "the sample has no space to test");
    assert_eq!(summary["quotes"]["normalized"].as_u64(), Some(apostrophes as u64), "{summary}");
    assert_eq!(summary["quotes"]["needed"]["white_space"].as_u64(), Some(apostrophes as u64), "{summary}");
    assert!(quotes.iter().any(|q| q["status"] == "normalized" && q["normalizations"] == json!(["white_space"])));
    // Exactly: each of those is a misquote.
    let exact = dossier(&["--article", &article, "--format", "json", ANSWER], b"");
    assert_eq!(exact.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&exact.stderr).unwrap_or_default();
    assert_eq!(report["summary"]["quotes"]["misquoted"].as_u64(), Some(apostrophes as u64));
}

#[test]
fn a_batch_on_standard_input_fills_a_directory() {
    let dir = scratch("batch");
    let a = json!({"article": article_with("https://example.org/a", false), "answer": answer()});
    // The model's text as it came, in a string.
    let b = json!({"article": article_with("https://apnews.com/b", false), "answer": answer().to_string()});
    let broken = "{\"article\": {\"text\": \"t\"}}";
    let input = format!("{a}\n\n{b}\n{broken}\n");
    let out_dir = dir.join("out").to_string_lossy().into_owned();
    let out = dossier(&["--batch", "-", "--out", &out_dir], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "the third line fails: {}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("-:4: (root): invalid_batch_line"), "{}", text(&out.stderr));
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    files.sort();
    assert_eq!(files, ["apnews.com_b.json", "example.org_a.json"]);
}

#[test]
fn a_batch_streams_each_dossier_out_before_the_next_line_is_read() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = support::spawn(&["extract", "--batch", "-", "--format", "json"]);
    let (mut input, output) = match (child.stdin.take(), child.stdout.take()) {
        (Some(i), Some(o)) => (i, o),
        _ => panic!("no pipes"),
    };
    let (lines, seen) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            if lines.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let urls = ["https://example.org/first", "https://example.org/second"];
    for url in urls {
        let line = json!({"article": article_with(url, false), "answer": answer()});
        writeln!(input, "{line}").unwrap_or_else(|e| panic!("{e}"));
        input.flush().unwrap_or_else(|e| panic!("{e}"));
        // Standard input is still open: the dossier comes out before the batch ends.
        let got = seen.recv_timeout(Duration::from_secs(120)).unwrap_or_else(|e| panic!("no dossier for {url}: {e}"));
        let d: Value = serde_json::from_str(&got).unwrap_or_else(|e| panic!("{e}: {got}"));
        assert_eq!(d["sources"][0]["url"], url);
    }
    drop(input);
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The answers' records, streamed one at a time, still make one JSON document.
    let report: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stderr)));
    assert_eq!(report["answers"].as_array().map(Vec::len), Some(2));
    assert_eq!(report["answers"][1]["line"], 2);
    assert_eq!(report["summary"]["dossiers"], 2);
}

#[test]
fn answers_in_json_lines_share_their_article() {
    let dir = scratch("lines");
    let article = write(&dir, "article.json", &article_with("https://example.org/a", false));
    let lines = format!("{}\n{}\n", answer(), answer());
    let out = dossier(&["--article", &article, "-"], lines.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dossiers: Vec<Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}"))).collect();
    assert_eq!(dossiers.len(), 2);
}

#[test]
fn duplicate_keys_and_bad_usage() {
    let dir = scratch("usage");
    let article = write(&dir, "article.json", &article_with("https://example.org/a", false));
    let body = answer().to_string();
    let twice = format!("{{\"title\":\"x\",{}", &body[1..]);
    let answer = dir.join("twice.json");
    std::fs::write(&answer, twice).unwrap_or_else(|e| panic!("{e}"));
    let out = dossier(&["--article", &article, &answer.to_string_lossy()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("twice.json: /title: duplicate_field: error:"), "{}", text(&out.stderr));

    for args in [vec![ANSWER], vec![], vec!["--url", "https://x.org", "--batch", "b.jsonl"]] {
        let out = dossier(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
    }
    let out = dossier(&["--help"], b"");
    assert!(text(&out.stdout).contains("--on-misquote"));
}
