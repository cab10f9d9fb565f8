//! The `dossier` binary as users run it: exit statuses, standard input, JSON output, help.
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

mod support;
use support::root;

fn data(file: &str) -> String {
    root().join(file).to_string_lossy().into_owned()
}

fn dossier(args: &[&str], stdin: &[u8]) -> Output {
    support::run(args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

const SUBCOMMANDS: [&str; 13] = [
    "validate", "query", "codings", "schema", "tables", "merge", "diff", "xref", "resolve", "extract", "prompt",
    "timeline", "report",
];

const SEED: &str = "examples/data/iran-syria-2020.json";
const INVALID: &str = "tests/fixtures/invalid/dangling_reference.json";

/// The seed as one line of JSON, and with a signer that does not exist.
fn seed_lines() -> (String, String) {
    let text = std::fs::read_to_string(data(SEED)).unwrap_or_else(|e| panic!("{e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let good = value.to_string();
    let mut broken = value;
    broken["agreements"][0]["signatures"][0]["signer"] = "nobody".into();
    (good, broken.to_string())
}

#[test]
fn help_lists_every_subcommand_and_every_subcommand_has_help_and_version() {
    let help = dossier(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    for sub in SUBCOMMANDS {
        assert!(text.lines().any(|l| l.trim_start().starts_with(sub)), "--help does not list {sub}:\n{text}");
        let sub_help = dossier(&[sub, "--help"], b"");
        assert_eq!(sub_help.status.code(), Some(0), "{sub} --help");
        assert!(stdout(&sub_help).contains("Usage: dossier"), "{sub} --help");
        let version = dossier(&[sub, "--version"], b"");
        assert_eq!(version.status.code(), Some(0), "{sub} --version");
        assert_eq!(stdout(&version).trim(), format!("dossier-{sub} {}", env!("CARGO_PKG_VERSION")));
    }
    let version = dossier(&["--version"], b"");
    assert_eq!(stdout(&version).trim(), format!("dossier {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn exit_status_is_0_valid_1_invalid_2_usage() {
    assert_eq!(dossier(&["validate", SEED], b"").status.code(), Some(0));
    assert_eq!(dossier(&["validate", SEED, INVALID], b"").status.code(), Some(1));
    assert_eq!(dossier(&["validate", "no/such/file.json"], b"").status.code(), Some(1));
    for usage in [
        &[][..],
        &["validate"],
        &["validate", "--format", "xml", SEED],
        &["validate", "--bogus", SEED],
        &["frobnicate"],
    ] {
        let out = dossier(usage, b"");
        assert_eq!(out.status.code(), Some(2), "{usage:?}: {}", stderr(&out));
    }
}

#[test]
fn text_output_is_file_path_code_message() {
    let out = dossier(&["validate", INVALID], b"");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with(&format!("{INVALID}: /agreements/0/signatures/1/signer: dangling_reference: ")), "{text}");
    assert_eq!(stderr(&out).trim(), "1 file(s), 1 dossier(s): 1 error(s), 0 warning(s)");
    // No progress bar or other noise when standard error is not a terminal.
    assert!(dossier(&["validate", "--quiet", INVALID], b"").stderr.is_empty());
}

#[test]
fn a_file_that_cannot_be_read_is_one_error() {
    let out = dossier(&["validate", "--format", "json", "no/such/file.json"], b"");
    let report = json(&out);
    assert_eq!(report["issues"][0]["code"], "io_error");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["dossiers"], 0);
}

/// The command line reports exactly what each invalid fixture expects, as the library does.
#[test]
fn json_output_lists_every_fixtures_expected_issues() {
    let dir = root().join("tests/fixtures/invalid");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| format!("tests/fixtures/invalid/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() > 20, "fixtures not found");
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = dossier(&args, b"");
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let issues = report["issues"].as_array().unwrap_or_else(|| panic!("no issues"));
    for file in &files {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("{e}")))
                .unwrap_or_else(|e| panic!("{e}"));
        let pairs = |list: Vec<&Value>| {
            let mut v: Vec<(String, String)> = list
                .iter()
                .map(|i| (i["code"].as_str().unwrap_or("").into(), i["path"].as_str().unwrap_or("").into()))
                .collect();
            v.sort();
            v
        };
        let expected =
            pairs(fixture["extensions"]["test.expect"].as_array().map(|a| a.iter().collect()).unwrap_or_default());
        let found = pairs(issues.iter().filter(|i| i["file"] == file.as_str()).collect());
        assert_eq!(found, expected, "{file}");
        for issue in issues.iter().filter(|i| i["file"] == file.as_str()) {
            assert!(issue["severity"] == "error" || issue["severity"] == "warning", "{issue}");
            assert!(issue["message"].as_str().is_some_and(|m| !m.is_empty()), "{issue}");
            assert!(issue.get("line").is_none(), "a .json file has no line numbers: {issue}");
        }
    }
    let summary = &report["summary"];
    assert_eq!(summary["files"], files.len());
    assert_eq!(summary["dossiers"], files.len());
    assert_eq!(
        summary["errors"].as_u64().unwrap_or(0) + summary["warnings"].as_u64().unwrap_or(0),
        issues.len() as u64
    );
}

#[test]
fn standard_input_takes_one_document() {
    let text = std::fs::read(data(SEED)).unwrap_or_else(|e| panic!("{e}"));
    let out = dossier(&["validate", "-"], &text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let invalid = std::fs::read(data(INVALID)).unwrap_or_else(|e| panic!("{e}"));
    let out = dossier(&["validate", "-"], &invalid);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("-: /agreements/0/signatures/1/signer: dangling_reference: "), "{}", stdout(&out));
    let out = dossier(&["validate", "-"], b"{\"schema_version\": \"1.0\",");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("syntax_error"), "{}", stdout(&out));
}

#[test]
fn standard_input_takes_json_lines() {
    let (good, broken) = seed_lines();
    let input = format!("\n{good}\n{broken}\nnot json\n{good}\n");
    for args in [&["validate", "--format", "json", "-"][..], &["validate", "--format", "json", "--jsonl", "-"]] {
        let out = dossier(args, input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let report = json(&out);
        let issues = report["issues"].as_array().cloned().unwrap_or_default();
        let lines: Vec<(u64, &str)> =
            issues.iter().map(|i| (i["line"].as_u64().unwrap_or(0), i["code"].as_str().unwrap_or(""))).collect();
        assert!(lines.contains(&(3, "dangling_reference")), "{args:?}: {lines:?}");
        assert!(lines.contains(&(4, "syntax_error")), "{args:?}: {lines:?}");
        assert!(lines.iter().all(|(l, _)| *l == 3 || *l == 4), "{args:?}: {lines:?}");
        assert_eq!(report["summary"]["dossiers"], 3, "{args:?}");
    }
}

#[test]
fn jsonl_files_are_streamed_with_line_numbers() {
    let (good, broken) = seed_lines();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("cli-corpus.jsonl");
    std::fs::write(&file, format!("{good}\n{good}\n{broken}\n")).unwrap_or_else(|e| panic!("{e}"));
    let name = file.to_string_lossy().into_owned();
    let out = dossier(&["validate", &name], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.starts_with(&format!("{name}:3: "))), "{text}");
    assert!(stderr(&out).contains("1 file(s), 3 dossier(s)"), "{}", stderr(&out));
    // The same lines under another name are one (invalid) JSON document unless --jsonl is given.
    let other = dir.join("cli-corpus.txt");
    std::fs::write(&other, format!("{good}\n{good}\n")).unwrap_or_else(|e| panic!("{e}"));
    let other = other.to_string_lossy().into_owned();
    assert_eq!(dossier(&["validate", &other], b"").status.code(), Some(1));
    assert_eq!(dossier(&["validate", "--jsonl", &other], b"").status.code(), Some(0));
}

#[test]
fn schema_prints_and_exports_the_committed_schema() {
    let committed =
        std::fs::read_to_string(root().join("schemas/dossier.schema.json")).unwrap_or_else(|e| panic!("{e}"));
    let out = dossier(&["schema"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), committed);
    assert_eq!(stdout(&dossier(&["schema", "dossier.schema.json"], b"")), committed);
    assert!(stdout(&dossier(&["schema", "--list"], b"")).lines().any(|l| l == "dossier.schema.json"));
    assert_eq!(dossier(&["schema", "nonesuch"], b"").status.code(), Some(2));
    assert_eq!(stdout(&dossier(&["schema", "--profile", "canonical"], b"")), committed);
    let profile = std::fs::read_to_string(root().join("schemas/dossier.extraction.schema.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stdout(&dossier(&["schema", "--profile", "extraction"], b"")), profile);
    assert_eq!(stdout(&dossier(&["schema", "dossier.extraction"], b"")), profile);
    assert_eq!(dossier(&["schema", "--profile", "nonesuch"], b"").status.code(), Some(2));

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-schemas");
    let _ = std::fs::remove_dir_all(&dir);
    let out = dossier(&["schema", "--out", &dir.to_string_lossy()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let written = std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        let committed = std::fs::read_to_string(root().join("schemas").join(&name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written, committed, "{name}");
    }
}

#[test]
fn query_applies_the_lifecycle() {
    let manila = "examples/data/manila-pact-1954.json";
    let section = |text: &str, title: &str| -> Vec<String> {
        text.split("\n# ")
            .find(|s| s.trim_start_matches("# ").starts_with(title))
            .map_or_else(Vec::new, |s| s.lines().skip(1).filter(|l| !l.is_empty()).map(String::from).collect())
    };
    let before = dossier(&["query", "--actor", "pakistan", "--on", "1960-01-01", manila], b"");
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(section(&stdout(&before), "Agreements binding pakistan").len(), 1, "{}", stdout(&before));
    // Pakistan left the Manila Pact on 7 November 1973.
    let after = dossier(&["query", "--actor", "pakistan", "--on", "1975-01-01", manila], b"");
    assert!(section(&stdout(&after), "Agreements binding pakistan").is_empty(), "{}", stdout(&after));
    assert_eq!(dossier(&["query", "--on", "1975-13-01", manila], b"").status.code(), Some(2));
    assert_eq!(dossier(&["query", "--country", "XXX", manila], b"").status.code(), Some(2));
    assert_eq!(dossier(&["query", "no/such/file.json"], b"").status.code(), Some(1));
    // Uzbekistan left the Collective Security Treaty in 1999, acceded again in 2006 and
    // suspended its participation in 2012.
    let cst = "examples/data/collective-security-treaty-1992.json";
    for (on, bound) in [("2008-01-01", "true"), ("2003-01-01", "false"), ("2013-01-01", "false")] {
        let out = dossier(&["query", "--actor", "uzbekistan", "--toward", "russia", "--on", on, cst], b"");
        let lifecycle = section(&stdout(&out), "Lifecycle of uzbekistan");
        let line = format!("collective-security-treaty\tuzbekistan bound toward russia: {bound}");
        assert!(lifecycle.contains(&line), "{on}: {}", stdout(&out));
    }
    let out = dossier(&["query", "--toward", "not an id", "--on", "2008-01-01", cst], b"");
    assert_eq!(out.status.code(), Some(2));
    // Bound toward another party on which day? Without --on it is a usage error, not ignored.
    let out = dossier(&["query", "--actor", "uzbekistan", "--toward", "russia", cst], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
}

#[test]
fn codings_prints_one_row_per_agreement() {
    let out = dossier(&["codings", "examples/data/north-atlantic-treaty-1949.json"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("DOSSIER\tAGREEMENT\tDEF\tOFF\tNEU\tNAG\tCON\tCOW\tALLIANCE\tDCA\tDISPUTED"));
    let row: Vec<&str> =
        lines.find(|l| l.contains("\tnorth-atlantic-treaty\t")).unwrap_or_default().split('\t').collect();
    assert_eq!(row.get(7), Some(&"I"), "{text}");
    assert_eq!(row.get(8), Some(&"yes"), "{text}");
}

/// The report names Defense Minister Ayyoub as Syria's signer, AP President Assad: one dispute,
/// which every subcommand that derives readings resolves under `--disputes`.
#[test]
fn the_dispute_policy_flag_decides_what_counts() {
    let seed = "examples/data/iran-syria-2020.json";
    let signers = |policy: &str| {
        let out = dossier(&["query", "--actor", "syria", "--disputes", policy, seed], b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        let section = text.split("# Signatures\n").nth(1).unwrap_or_default();
        let section = section.split("\n\n").next().unwrap_or_default().to_owned();
        (section, text)
    };
    let (default, text) = signers("undisputed");
    assert!(!default.contains("Assad") && !default.contains("Ayyoub"), "{default}");
    assert!(text.contains("syrian-signer\tdisputed: Ali Abdullah Ayyoub or Bashar al-Assad"), "{text}");
    assert!(text.contains("\tundisputed: set aside\n"), "{text}");
    let (any, _) = signers("any_alternative");
    assert!(any.contains("\tsyria\tBashar al-Assad\t") && any.contains("disputed: "), "{any}");
    let (_, best) = signers("best_supported");
    assert!(best.contains("\tbest_supported: unresolved, set aside\n"), "{best}");

    let codings = dossier(&["codings", "--disputes", "any_alternative", seed], b"");
    assert_eq!(codings.status.code(), Some(0), "{}", stderr(&codings));
    let dir = std::env::temp_dir().join(format!("dossier-disputes-{}", std::process::id()));
    let dir_arg = dir.to_string_lossy().into_owned();
    let tables = dossier(&["tables", "--disputes", "any_alternative", "--out", &dir_arg, seed], b"");
    assert_eq!(tables.status.code(), Some(0), "{}", stderr(&tables));
    let csv = std::fs::read_to_string(dir.join("signatures.csv")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(csv.lines().next().is_some_and(|h| h.ends_with(",disputed")), "{csv}");
    assert_eq!(csv.lines().filter(|l| l.ends_with(",1")).count(), 2, "{csv}");
    for args in [&["query"][..], &["codings"], &["tables", "--out", &dir_arg]] {
        let out = dossier(&[args, &["--disputes", "most", seed]].concat(), b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("best_supported"), "{}", stderr(&out));
    }
}

const REPORT: &str = "examples/data/merge/iran-syria-2020-report.json";
const AP: &str = "examples/data/merge/iran-syria-2020-ap.json";
const JUDGED: &str = "examples/data/merge/iran-syria-2020.resolver.json";

#[test]
fn merge_writes_the_merged_dossier_and_the_report() {
    let o = dossier(&["merge", "--resolver", JUDGED, REPORT, AP], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let merged = json(&o);
    let signers: Vec<&str> = merged["agreements"][0]["signatures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["signer"].as_str())
        .collect();
    // The inputs are merged in their canonical order (by id): AP's signature comes first.
    assert_eq!(signers, ["assad", "bagheri", "ayyoub"]);
    assert!(stderr(&o).contains("(resolver judgement)"), "{}", stderr(&o));
}

#[test]
fn diff_exits_1_on_a_difference_and_its_patch_is_json() {
    let same = dossier(&["diff", SEED, SEED], b"");
    assert_eq!((same.status.code(), stdout(&same).as_str()), (Some(0), ""));
    let o = dossier(&["diff", REPORT, SEED], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).lines().any(|l| l.starts_with("+ person assad")), "{}", stdout(&o));
    let p = dossier(&["diff", "--patch", REPORT, SEED], b"");
    assert!(json(&p).as_array().is_some_and(|ops| !ops.is_empty()));
    let missing = dossier(&["diff", REPORT, "no-such-file.json"], b"");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn xref_proposes_pairs_and_accept_writes_a_resolver() {
    let o = dossier(&["xref", REPORT, AP], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("iran-syria-2020-ap/agreement/iran-syria-2020"), "{}", stdout(&o));
    let judged = dossier(&["xref", "--resolver", JUDGED, REPORT, AP], b"");
    assert_eq!(stdout(&judged), "", "judged pairs are not proposed again");
    let r = dossier(&["xref", "--accept", "40", "--by", "tester", "--on", "2026-11-29", REPORT, AP], b"");
    assert_eq!(json(&r)["judgements"][0]["judgement"], "same");
}

#[test]
fn tables_writes_one_file_per_table_and_skips_what_does_not_parse() {
    let dir = std::env::temp_dir().join(format!("dossier-tables-{}", std::process::id()));
    let out_dir = dir.to_string_lossy().into_owned();
    let manila = "examples/data/manila-pact-1954.json";
    let out = dossier(&["tables", "--through", "1980", "--out", &out_dir, manila], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let members = std::fs::read_to_string(dir.join("members.csv")).unwrap_or_default();
    assert_eq!(members.lines().count(), 1 + 8, "{members}");
    // Pakistan's denunciation took effect on 1973-11-07: its spell ends the day before.
    assert!(members.lines().any(|l| l.contains(",pakistan,") && l.contains(",1973-11-06,")), "{members}");
    let dyads = std::fs::read_to_string(dir.join("dyad_years.csv")).unwrap_or_default();
    assert_eq!(dyads.lines().count(), 1 + 21 * 26 + 7 * 19, "header + dyad-years 1955-1980");
    // A document that does not parse is skipped and makes the exit status 1; the others are written.
    let bad = dossier(&["tables", "--out", &out_dir, "-", manila], b"{\"schema_version\": ");
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
    assert!(dir.join("agreements.csv").exists());
    assert_eq!(dossier(&["tables", "--format", "xlsx", "--out", &out_dir, manila], b"").status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn tables_through_defaults_to_this_year_and_stops_at_9999() {
    let dir = std::env::temp_dir().join(format!("dossier-tables-through-{}", std::process::id()));
    let out_dir = dir.to_string_lossy().into_owned();
    let us_japan = "examples/data/us-japan-1960.json";
    let refused = dossier(&["tables", "--through", "1000000", "--out", &out_dir, us_japan], b"");
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("1000000 is past 9999"), "{}", stderr(&refused));
    assert!(!dir.exists(), "nothing written");
    let out = dossier(&["tables", "--out", &out_dir, us_japan], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dyads = std::fs::read_to_string(dir.join("dyad_years.csv")).unwrap_or_default();
    let year_column = dyads.lines().next().and_then(|h| h.split(',').position(|c| c == "year"));
    let last = dyads.lines().skip(1).filter_map(|l| l.split(',').nth(year_column?)?.parse::<i32>().ok()).max();
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let today = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|e| e.checked_add_days(chrono::Days::new(days)));
    // A run across New Year may see the next year.
    let this_year = today.map_or(0, |d| chrono::Datelike::year(&d));
    assert!(last.is_some_and(|y| (this_year..=this_year + 1).contains(&y)), "{last:?} for {this_year}");
    let out = dossier(&["tables", "--through", "9999", "--out", &out_dir, us_japan], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dyads = std::fs::read_to_string(dir.join("dyad_years.csv")).unwrap_or_default();
    assert_eq!(dyads.lines().count(), 1 + 2 * (9999 - 1960 + 1), "two agreements, 1960 to 9999");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_prints_the_same_in_the_same_order_on_any_number_of_threads() {
    let (good, broken) = seed_lines();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("cli-threads.jsonl");
    // Enough lines for several batches, with problems spread through them.
    let mut text = String::new();
    for i in 0..1500 {
        text.push_str(match i % 97 {
            13 => broken.as_str(),
            50 => "not json",
            _ => good.as_str(),
        });
        text.push('\n');
    }
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    let name = file.to_string_lossy().into_owned();
    let one = dossier(&["validate", "-j", "1", &name], b"");
    assert_eq!(one.status.code(), Some(1));
    assert!(stdout(&one).lines().count() >= 30, "{}", stdout(&one));
    for threads in ["2", "3"] {
        let many = dossier(&["validate", "-j", threads, &name], b"");
        assert_eq!(many.status.code(), one.status.code());
        assert_eq!(stdout(&many), stdout(&one), "{threads} threads");
        assert_eq!(stderr(&many), stderr(&one), "{threads} threads");
    }
    assert_eq!(dossier(&["validate", "-j", "0", &name], b"").status.code(), Some(2));
}
