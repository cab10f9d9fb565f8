//! `dossier timeline` and `dossier report --html` on every example dossier, their errors, and
//! the pictures committed under docs/img/ (they must be what the command line draws).
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::process::Output;

mod support;
use support::{root, text};

fn dossier(args: &[&str]) -> Output {
    support::run(args, b"")
}

/// Every dossier of examples/data/ (the merge inputs too), as paths from the root.
fn examples() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples/data", "examples/data/merge"] {
        let entries = std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && !name.ends_with(".resolver.json") {
                out.push(format!("{dir}/{name}"));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 10, "{out:?}");
    out
}

fn agreement_ids(file: &str) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap_or_default()).unwrap_or_default();
    json["agreements"].as_array().into_iter().flatten().filter_map(|a| a["id"].as_str().map(str::to_owned)).collect()
}

#[test]
fn every_agreement_of_every_example_draws() {
    for file in examples() {
        for id in agreement_ids(&file) {
            let out = dossier(&["timeline", &file, "--agreement", &id, "--as-of", "2026-01-01"]);
            assert_eq!(out.status.code(), Some(0), "{file} {id}: {}", text(&out.stderr));
            let svg = text(&out.stdout);
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{file} {id}");
            assert!(svg.contains(&format!("id=\"timeline-{id}\"")), "{file} {id}");
            assert!(svg.trim_end().ends_with("</svg>"), "{file} {id}");
        }
    }
}

#[test]
fn every_example_has_its_page() {
    let dir = std::env::temp_dir().join(format!("dossier-report-{}", std::process::id()));
    let files = examples();
    let mut args = vec!["report", "--html", "--as-of", "2026-01-01", "--out"];
    let out_dir = dir.to_string_lossy().into_owned();
    args.push(&out_dir);
    args.extend(files.iter().map(String::as_str));
    let out = dossier(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for file in &files {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap_or_default()).unwrap_or_default();
        let id = json["id"].as_str().unwrap_or_default();
        let page = std::fs::read_to_string(dir.join(format!("{id}.html"))).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(page.starts_with("<!DOCTYPE html>"), "{file}");
        for agreement in agreement_ids(file) {
            assert!(page.contains(&format!("id=\"timeline-{agreement}\"")), "{file} {agreement}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_page_on_standard_output_or_in_a_file_and_many_only_in_a_directory() {
    let seed = "examples/data/iran-syria-2020.json";
    let out = dossier(&["report", "--html", seed, "--as-of", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Iran–Syria comprehensive military agreement"));
    let file = std::env::temp_dir().join(format!("dossier-page-{}.html", std::process::id()));
    let path = file.to_string_lossy().into_owned();
    let out = dossier(&["report", "--html", seed, "--as-of", "2026-01-01", "--out", &path]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file).unwrap_or_default().contains("</html>"));
    let _ = std::fs::remove_file(&file);
    // Two dossiers to one page: refused, the first written.
    let out = dossier(&["report", "--html", seed, "examples/data/manila-pact-1954.json", "--out", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("give --out DIR"), "{}", text(&out.stderr));
    let _ = std::fs::remove_file(&file);
    // The same dossier twice into a directory: two pages, the second named apart.
    let dir = std::env::temp_dir().join(format!("dossier-twice-{}", std::process::id()));
    let out_dir = dir.to_string_lossy().into_owned();
    let out = dossier(&["report", "--html", seed, seed, "--out", &out_dir]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("written as iran-syria-2020-2.html"), "{}", text(&out.stderr));
    assert!(dir.join("iran-syria-2020.html").is_file() && dir.join("iran-syria-2020-2.html").is_file());
    let _ = std::fs::remove_dir_all(&dir);
    // `--html` is required.
    assert_eq!(dossier(&["report", seed]).status.code(), Some(2));
}

#[test]
fn a_missing_agreement_or_file_is_an_error_that_names_what_there_is() {
    let out = dossier(&["timeline", "examples/data/us-japan-1960.json", "--agreement", "nato"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("no agreement 'nato'") && err.contains("us-japan-sofa-1960"), "{err}");
    let out = dossier(&["timeline", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("dossier timeline: no/such/file.json"));
    let out = dossier(&["timeline", "examples/data/us-japan-1960.json", "--as-of", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_pictures_in_the_docs_are_what_the_command_line_draws() {
    // The commands docs/pictures.md shows (and scripts/pictures_docs.sh runs).
    for (file, picture) in [
        ("examples/data/north-atlantic-treaty-1949.json", "docs/img/north-atlantic-treaty.svg"),
        ("examples/data/collective-security-treaty-1992.json", "docs/img/collective-security-treaty.svg"),
        ("tests/fixtures/histories/treaty-of-windsor-1386.json", "docs/img/treaty-of-windsor.svg"),
    ] {
        let out = dossier(&["timeline", file, "--as-of", "2026-01-01"]);
        assert_eq!(out.status.code(), Some(0));
        let committed = std::fs::read_to_string(root().join(picture)).unwrap_or_else(|e| panic!("{picture}: {e}"));
        assert!(
            text(&out.stdout) == committed,
            "{picture} is not what `dossier timeline {file} --as-of 2026-01-01` draws: run scripts/pictures_docs.sh --write"
        );
    }
}
