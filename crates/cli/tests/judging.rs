//! Judging and merging from the command line, as a pipeline author runs it on real reporting
//! (`examples/data/merge/`: the main report and the Associated Press's of the Iran–Syria
//! agreement of July 2020; AFP's and Interfax's of the Russia–North Korea treaty of 2024, their
//! sources in each dossier): `xref` proposes, `resolve add` records one judgement, `merge`
//! follows it, `query` answers from the merged dossier.
#![allow(unused_crate_dependencies)] // A test target sees the binary's dependencies; the lint is for the binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod support;
use support::root;

fn dossier(args: &[&str], stdin: &[u8]) -> Output {
    support::run(args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A directory of its own under the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dossier-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        Self(dir)
    }

    fn path(&self, file: &str) -> String {
        self.0.join(file).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const REPORT: &str = "examples/data/merge/iran-syria-2020-report.json";
const AP: &str = "examples/data/merge/iran-syria-2020-ap.json";
const JUDGED: &str = "examples/data/merge/iran-syria-2020.resolver.json";
const AFP: &str = "examples/data/merge/russia-dprk-2024-afp.json";
const INTERFAX: &str = "examples/data/merge/russia-dprk-2024-interfax.json";
const RUSSIA_DPRK_JUDGED: &str = "examples/data/merge/russia-dprk-2024.resolver.json";

const REPORT_TREATY: &str = "iran-syria-2020-report/agreement/iran-syria-2020";
const AP_TREATY: &str = "iran-syria-2020-ap/agreement/iran-syria-2020";

#[test]
fn resolve_and_its_actions_have_help() {
    let help = stdout(&dossier(&["--help"], b""));
    assert!(help.lines().any(|l| l.trim_start().starts_with("resolve ")), "{help}");
    for action in ["add", "list", "show"] {
        let o = dossier(&["resolve", action, "--help"], b"");
        assert_eq!(o.status.code(), Some(0), "{action}");
        assert!(stdout(&o).contains(&format!("Usage: dossier resolve {action}")), "{}", stdout(&o));
    }
}

#[test]
fn xref_names_records_as_judgements_do() {
    let o = dossier(&["xref", REPORT, AP], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "55\t{REPORT_TREATY}\t{AP_TREATY}\tsame parties; compatible date: 2020-07-08 ~ ../2020-07-10; same \
             kind: military_cooperation; title within: 'Comprehensive agreement on military cooperation between Iran \
             and Syria' ~ 'Military cooperation agreement between Iran and Syria'\n"
        )
    );
}

/// From xref's pair to a merged dossier with one judgement, recorded by command.
#[test]
fn one_judgement_at_a_time_then_merge_then_query() {
    let dir = Scratch::new("judging");
    let file = dir.path("judgements.json");
    let why = "Both reports describe one agreement signed in Damascus in July 2020";
    // The form xref printed before (a list name) is read too.
    let old_form = REPORT_TREATY.replace("/agreement/", "/agreements/");
    let add = dossier(
        &["resolve", "add", &file, &old_form, AP_TREATY, "same", "--by", "analyst", "--on", "2026-12-07"]
            .into_iter()
            .chain(["--because", why, "--check", REPORT, "--check", AP])
            .collect::<Vec<_>>(),
        b"",
    );
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert_eq!(stdout(&add), "");
    assert!(stderr(&add).contains("added judgement 0"), "{}", stderr(&add));

    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        written["judgements"][0],
        serde_json::json!({
            "left": {"dossier": "iran-syria-2020-report", "type": "agreement", "id": "iran-syria-2020"},
            "right": {"dossier": "iran-syria-2020-ap", "type": "agreement", "id": "iran-syria-2020"},
            "judgement": "same", "decided_by": "analyst", "decided_at": "2026-12-07", "reason": why
        })
    );

    let list = dossier(&["resolve", "list", &file], b"");
    assert_eq!(stdout(&list), format!("0\t{REPORT_TREATY}\tsame\t{AP_TREATY}\tanalyst\t2026-12-07\t{why}\tstanding\n"));
    let show = dossier(&["resolve", "show", &file, AP_TREATY, REPORT_TREATY], b"");
    assert_eq!(
        stdout(&show),
        format!(
            "position    0\nleft        {REPORT_TREATY}\nright       {AP_TREATY}\njudgement   same\n\
             decided_by  analyst\ndecided_at  2026-12-07\nreason      {why}\n"
        )
    );
    // Judged pairs are not proposed again.
    assert_eq!(stdout(&dossier(&["xref", "--resolver", &file, REPORT, AP], b"")), "");

    // The merge follows the recorded judgement as it follows the committed resolver.
    let title = "Iran–Syria military agreement, July 2020, two reports";
    let merged =
        dossier(&["merge", "--resolver", &file, "--id", "iran-syria-2020-merged", "--title", title, REPORT, AP], b"");
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    let committed = dossier(&["merge", "--resolver", JUDGED, REPORT, AP], b"");
    let (mut ours, theirs): (Value, Value) = (
        serde_json::from_slice(&merged.stdout).unwrap_or_else(|e| panic!("{e}")),
        serde_json::from_slice(&committed.stdout).unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!((ours["id"].as_str(), ours["title"].as_str()), (Some("iran-syria-2020-merged"), Some(title)));
    // The title is chosen: the inputs' two titles are no conflict.
    assert!(!stderr(&merged).contains("dossier_title"), "{}", stderr(&merged));
    assert!(stderr(&committed).contains("conflict dossier_title"), "{}", stderr(&committed));
    ours["id"] = theirs["id"].clone();
    ours["title"] = theirs["title"].clone();
    assert_eq!(ours, theirs);
    assert!(
        stderr(&merged)
            .starts_with("merged   iran-syria-2020-report/actor/iran into iran (shared identifier cow:630)\n"),
        "{}",
        stderr(&merged)
    );

    let merged_file = dir.path("merged.json");
    std::fs::write(&merged_file, &merged.stdout).unwrap_or_else(|e| panic!("{e}"));
    let q = dossier(&["query", "--actor", "syria", &merged_file], b"");
    assert_eq!(q.status.code(), Some(0), "{}", stderr(&q));
    let text = stdout(&q);
    // Signed, not in force: binding no one.
    assert!(text.starts_with("# Agreements binding syria (latest)\n\n# Forces present in SYR\n"), "{text}");
    // Syria's two signers, one from each outlet, are one disputed fact with two sources.
    assert!(!text.contains("signature of iran-syria-2020 by assad"), "{text}");
    assert!(!text.contains("signature of iran-syria-2020 by ayyoub"), "{text}");
    assert!(text.contains("\tsignature of iran-syria-2020 by bagheri for iran\t[report]\n"), "{text}");
    assert!(
        text.contains(
            "# Places\niran-syria-2020\tsignature by bagheri for iran\t2020-07-08\tDamascus (SYR)\t[report]\n"
        ),
        "{text}"
    );
}

#[test]
fn resolve_refuses_what_it_cannot_stand_behind() {
    let dir = Scratch::new("resolve-refusals");
    let file = dir.path("judgements.json");
    let add = |extra: &[&str]| dossier(&[&["resolve", "add", &file][..], extra].concat(), b"");
    let typo = add(&[
        "iran-syria-2020-report/agreement/iran-syria-202",
        AP_TREATY,
        "same",
        "--by",
        "analyst",
        "--check",
        REPORT,
        "--check",
        AP,
    ]);
    assert_eq!(typo.status.code(), Some(1), "{}", stderr(&typo));
    assert!(stderr(&typo).contains("no record iran-syria-2020-report/agreement/iran-syria-202"), "{}", stderr(&typo));
    assert!(!Path::new(&file).exists(), "nothing written");
    let kinds = add(&[REPORT_TREATY, "iran-syria-2020-ap/person/assad", "same", "--by", "analyst"]);
    assert_eq!(kinds.status.code(), Some(1), "{}", stderr(&kinds));
    assert!(stderr(&kinds).contains("both records must be of one kind"), "{}", stderr(&kinds));
    let nobody = add(&[REPORT_TREATY, AP_TREATY, "same", "--by", " "]);
    assert_eq!(nobody.status.code(), Some(1), "{}", stderr(&nobody));
    assert!(!Path::new(&file).exists(), "nothing written");
    for bad in [
        &[REPORT_TREATY, AP_TREATY, "maybe", "--by", "analyst"][..],
        &["iran-syria-2020-report/treaty/x", AP_TREATY, "same", "--by", "analyst"],
        &["iran-syria-2020", AP_TREATY, "same", "--by", "analyst"],
        &[REPORT_TREATY, AP_TREATY, "same"],
    ] {
        assert_eq!(add(bad).status.code(), Some(2), "{bad:?}");
    }
    // A pair judged again: both kept, the later stands.
    assert_eq!(add(&[REPORT_TREATY, AP_TREATY, "same", "--by", "a", "--on", "2026-12-01"]).status.code(), Some(0));
    let again =
        add(&[AP_TREATY, REPORT_TREATY, "not_same", "--by", "b", "--on", "2026-12-02", "--because", "two\tlines\n"]);
    assert!(stderr(&again).contains("replaces judgement 0 (same)"), "{}", stderr(&again));
    let list = dossier(&["resolve", "list", &file], b"");
    assert_eq!(
        stdout(&list),
        format!(
            "0\t{REPORT_TREATY}\tsame\t{AP_TREATY}\ta\t2026-12-01\t\treplaced by 1\n\
             1\t{AP_TREATY}\tnot_same\t{REPORT_TREATY}\tb\t2026-12-02\ttwo lines \tstanding\n"
        )
    );
    let show = dossier(&["resolve", "show", &file, "0"], b"");
    assert!(stdout(&show).ends_with("replaced by 1\n"), "{}", stdout(&show));
    assert_eq!(dossier(&["resolve", "show", &file, "2"], b"").status.code(), Some(1));
    assert_eq!(dossier(&["resolve", "show", &file, REPORT_TREATY], b"").status.code(), Some(2));
    assert_eq!(dossier(&["resolve", "list", &dir.path("missing.json")], b"").status.code(), Some(1));
    // A file that is not a resolver is refused, and left as it was.
    let not_resolver = dir.path("not-a-resolver.json");
    std::fs::write(&not_resolver, "{\"judgements\": 3}").unwrap_or_else(|e| panic!("{e}"));
    let o = dossier(&["resolve", "add", &not_resolver, REPORT_TREATY, AP_TREATY, "same", "--by", "a"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&not_resolver).unwrap_or_default(), "{\"judgements\": 3}");
}

#[test]
fn a_failed_merge_writes_nothing_on_standard_output() {
    let missing = dossier(&["merge", REPORT, "no-such-file.json"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stdout(&missing), "");
    assert!(stderr(&missing).contains("nothing written"), "{}", stderr(&missing));

    // Each report valid, the two together not: one terminates the agreement, the other amends
    // it later.
    let dir = Scratch::new("merge-invalid");
    let with_act = |file: &str, act: Value| -> String {
        let text = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        let mut d: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        if let Some(actions) = d["agreements"][0]["actions"].as_array_mut() {
            actions.push(act);
        }
        let out = dir
            .path(Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().as_str());
        std::fs::write(&out, d.to_string()).unwrap_or_else(|e| panic!("{e}"));
        out
    };
    let ended = with_act(REPORT, serde_json::json!({"type": "termination", "date": "2021-01-01"}));
    let amended = with_act(AP, serde_json::json!({"type": "amendment", "date": "2022-01-01"}));
    for file in [&ended, &amended] {
        assert_eq!(dossier(&["validate", file], b"").status.code(), Some(0), "{file}");
    }
    let o = dossier(&["merge", "--resolver", JUDGED, &ended, &amended], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("conflict action_after_termination"), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with("dossier merge: nothing written: the merged dossier does not validate\n"),
        "{}",
        stderr(&o)
    );
    assert_eq!(dossier(&["merge", "--id", "not an id", REPORT], b"").status.code(), Some(2));
}

/// Two outlets' reports of one treaty (AFP of the signing, Interfax of the entry into force)
/// merged, then asked: the whole answer, line for line.
#[test]
fn query_on_merged_real_reporting() {
    let merged = dossier(&["merge", "--resolver", RUSSIA_DPRK_JUDGED, AFP, INTERFAX], b"");
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    let q =
        dossier(&["query", "--actor", "north-korea", "--on", "2025-01-01", "--toward", "russia", "-"], &merged.stdout);
    assert_eq!(q.status.code(), Some(0), "{}", stderr(&q));
    let expected = "\
# Agreements binding north-korea (2025-01-01)
russia-dprk-2024\tin_force\tComprehensive Strategic Partnership Treaty

# Forces present in SYR

# Status (2025-01-01)
russia-dprk-2024\tin_force

# Signatures
russia-dprk-2024\trussia\tVladimir Putin\tPresident\t[afp-2024-06-19, interfax-2024-12-05]
russia-dprk-2024\tnorth-korea\tKim Jong Un\tLeader\t[afp-2024-06-19, interfax-2024-12-05]

# Places
russia-dprk-2024\tsignature by putin for russia\t2024-06-19\tPyongyang (PRK)\t[afp-2024-06-19, interfax-2024-12-05]
russia-dprk-2024\tsignature by kim-jong-un for north-korea\t2024-06-19\tPyongyang (PRK)\t[afp-2024-06-19, interfax-2024-12-05]

# Obligations of north-korea in the agreements binding it (2025-01-01)
russia-dprk-2024\tconsultation\tevery party → every party\tunconditional\t[interfax-2024-12-05]

# Facts resting on a single source
russia-dprk-2024-afp\tratification 2024-11 of russia-dprk-2024 by russia\t[interfax-2024-12-05]
russia-dprk-2024-afp\tratification 2024-11 of russia-dprk-2024 by north-korea\t[interfax-2024-12-05]
russia-dprk-2024-afp\tentry_into_force 2024-12-04 of russia-dprk-2024\t[interfax-2024-12-05]

# Lifecycle of north-korea (2025-01-01)
russia-dprk-2024\tnorth-korea\tbound
russia-dprk-2024\tnorth-korea bound toward russia: true
russia-dprk-2024\tbound 2024-12-04/..\tentry_into_force → still bound
russia-dprk-2024\t2024-06-19\tsignature\tsigned
russia-dprk-2024\t2024-11\tratification by russia\tsigned
russia-dprk-2024\t2024-11\tratification by north-korea\tsigned
russia-dprk-2024\t2024-12-04\tentry_into_force\tin_force

# Competing claims
";
    assert_eq!(stdout(&q), expected);
}
