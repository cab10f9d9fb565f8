//! `dossier prompt`: request bodies for each provider, and answers taken out of saved responses.
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::path::PathBuf;
use std::process::Output;

use defense_agreements::extraction::{from_profile_json, request_schema};
use serde_json::{Value, json};

mod support;
use support::{root, text};

fn dossier(args: &[&str], stdin: &[u8]) -> Output {
    support::run(args, stdin)
}

/// A file in this test's own directory.
fn file(name: &str, content: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-prompt");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

const TEXT: &str = "DAMASCUS — Iran and Syria signed a “comprehensive” military agreement on Wednesday, \
    Syria’s state news agency said.";

/// The sample answer of docs/extraction.md (the seed in the profile's shape).
fn answer() -> String {
    std::fs::read_to_string(root().join("examples/extraction/iran-syria-2020.json")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_provider_gets_the_profile_the_instructions_and_the_article() {
    let article = json!({"text": TEXT, "url": "https://example.org/iran-syria", "published": "2020-07-09",
        "publisher": "Example News", "title": "Iran and Syria sign military pact"});
    let path = file("article.json", &article.to_string());
    let schema = request_schema();
    for provider in ["openai-chat", "openai-responses", "anthropic", "gemini"] {
        let out = dossier(&["prompt", "--provider", provider, "--model", "m-1", "--article", &path], b"");
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout).lines().count(), 1, "{provider}: one line of JSON");
        let body: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{provider}: {e}"));
        let sent = match provider {
            "openai-chat" => &body["response_format"]["json_schema"]["schema"],
            "openai-responses" => &body["text"]["format"]["schema"],
            "anthropic" => &body["tools"][0]["input_schema"],
            _ => &body["generationConfig"]["responseJsonSchema"],
        };
        assert_eq!(sent, &schema, "{provider}");
        let all = body.to_string();
        for needle in [
            "Thursday 2020-07-09",
            "../2020-07-09",
            "Example News",
            "https://example.org/iran-syria",
            "“comprehensive”",
        ] {
            assert!(all.contains(needle), "{provider}: {needle} missing");
        }
        assert!(text(&out.stderr).is_empty(), "{provider}: {}", text(&out.stderr));
    }
}

#[test]
fn a_text_file_takes_what_is_known_from_the_flags() {
    let path = file("article.txt", TEXT);
    let out = dossier(
        &[
            "prompt",
            "--provider",
            "anthropic",
            "--model",
            "claude-x",
            "--article",
            &path,
            "--published",
            "2020-07-09",
            "--pretty",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body["tool_choice"], json!({"type": "tool", "name": "record_dossier"}));
    assert_eq!(body["max_tokens"], 8192);
    assert!(body["messages"][0]["content"].as_str().is_some_and(|m| m.contains(TEXT) && m.contains("(Thursday)")));
    // Without a publication date: told not to resolve weekdays, and warned on stderr.
    let out = dossier(
        &["prompt", "--provider", "gemini", "--model", "g", "--article", "-", "--max-tokens", "500"],
        TEXT.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("no publication date"), "{}", text(&out.stderr));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body["generationConfig"]["maxOutputTokens"], 500);
    assert!(body["systemInstruction"]["parts"][0]["text"].as_str().is_some_and(|s| s.contains("not known")));
}

#[test]
fn bad_articles_and_usage_are_refused() {
    let unknown_key = file("bad-article.json", r#"{"text": "x", "date": "2020-07-09"}"#);
    let out = dossier(&["prompt", "--provider", "openai-chat", "--model", "m", "--article", &unknown_key], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown field `date`"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let out = dossier(&["prompt", "--provider", "openai-chat", "--model", " ", "--article", &unknown_key], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(&["prompt", "--provider", "openai", "--model", "m", "--article", "-"], b"x");
    assert_eq!(out.status.code(), Some(2), "unknown provider");
    let out = dossier(&["prompt", "--provider", "gemini", "--article", "-"], b"x");
    assert_eq!(out.status.code(), Some(2), "no model");
    let out = dossier(&["prompt", "--provider", "gemini", "--model", "gemini-2.5-flash", "--endpoint"], b"");
    assert_eq!(
        text(&out.stdout).trim(),
        "https://generativelanguage.googleapis.com/v1/models/gemini-2.5-flash:generateContent"
    );
}

/// A response of each provider carrying `answer`, in the shape of their API references.
fn responses(answer: &str) -> Vec<(&'static str, Value)> {
    let input: Value = serde_json::from_str(answer).unwrap_or_else(|e| panic!("{e}"));
    vec![
        (
            "openai-chat",
            json!({"id": "chatcmpl-1", "object": "chat.completion", "created": 1_752_000_000, "model": "gpt-4.1",
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                    "message": {"role": "assistant", "content": answer, "refusal": null, "annotations": []}}],
                "usage": {"prompt_tokens": 12000, "completion_tokens": 3000, "total_tokens": 15000}}),
        ),
        (
            "openai-responses",
            json!({"id": "resp_1", "object": "response", "created_at": 1_752_000_000, "status": "completed",
                "model": "gpt-4.1", "output": [{"id": "msg_1", "type": "message", "status": "completed",
                    "role": "assistant", "content": [{"type": "output_text", "text": answer, "annotations": []}]}],
                "usage": {"input_tokens": 12000, "output_tokens": 3000, "total_tokens": 15000}}),
        ),
        (
            "anthropic",
            json!({"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                "content": [{"type": "tool_use", "id": "toolu_1", "name": "record_dossier", "input": input}],
                "stop_reason": "tool_use", "stop_sequence": null,
                "usage": {"input_tokens": 12000, "output_tokens": 3000}}),
        ),
        (
            "gemini",
            json!({"candidates": [{"content": {"role": "model", "parts": [{"text": answer}]},
                    "finishReason": "STOP", "index": 0}],
                "usageMetadata": {"promptTokenCount": 12000, "candidatesTokenCount": 3000, "totalTokenCount": 15000},
                "modelVersion": "gemini-2.5-flash", "responseId": "r1"}),
        ),
    ]
}

#[test]
fn answers_come_out_of_every_provider_s_response() {
    let answer = answer();
    let expected = from_profile_json(&answer).unwrap_or_else(|e| panic!("{e}"));
    for (provider, response) in responses(&answer) {
        let path = file(&format!("{provider}-response.json"), &response.to_string());
        let out = dossier(&["prompt", "--provider", provider, "--answer-from", &path], b"");
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", text(&out.stderr));
        let got = from_profile_json(&text(&out.stdout)).unwrap_or_else(|e| panic!("{provider}: {e}"));
        assert_eq!(got, expected, "{provider}");
        // The same from standard input.
        let out = dossier(&["prompt", "--provider", provider, "--answer-from", "-"], response.to_string().as_bytes());
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", text(&out.stderr));
    }
}

#[test]
fn a_response_without_an_answer_says_why() {
    let cut = json!({"choices": [{"index": 0, "finish_reason": "length",
        "message": {"role": "assistant", "content": "{\"actors\": [", "refusal": null}}]});
    let out = dossier(&["prompt", "--provider", "openai-chat", "--answer-from", "-"], cut.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("incomplete (length)"), "{}", text(&out.stderr));
    let error = json!({"error": {"code": 404, "message": "models/nope is not found", "status": "NOT_FOUND"}});
    let out = dossier(&["prompt", "--provider", "gemini", "--answer-from", "-"], error.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NOT_FOUND: models/nope is not found"), "{}", text(&out.stderr));
}

#[test]
fn prompt_is_listed_and_has_help_and_version() {
    assert!(text(&dossier(&["--help"], b"").stdout).lines().any(|l| l.trim_start().starts_with("prompt")));
    let help = dossier(&["prompt", "--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--answer-from"));
    let version = dossier(&["prompt", "--version"], b"");
    assert_eq!(text(&version.stdout).trim(), format!("dossier-prompt {}", env!("CARGO_PKG_VERSION")));
}
