//! Every validation rule has a fixture that breaks it; each fixture lists, in its
//! `test.expect` extension, exactly the problems `validate()` must report. Each fixture is its
//! own test case.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use defense_agreements::{Code, Dossier, Severity};

type Expected = BTreeSet<(String, String)>;

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Dossier {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(dossier: &Dossier, path: &Path) -> Expected {
    let Some(list) = dossier.extensions.get("test.expect").and_then(|v| v.as_array()) else {
        panic!("{}: no test.expect extension", path.display());
    };
    list.iter()
        .map(|e| {
            let field = |k: &str| e.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            (field("code"), field("path"))
        })
        .collect()
}

/// The minimal valid fixture as JSON, for tests that build on it.
fn minimal_json() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.json");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

/// One test case per fixture, so that one failure hides no other and `cargo test --test
/// integration validation::invalid::parent_cycle` runs one. The lists are checked against the directories
/// (`fixture_lists_match_the_directories`): a new fixture needs its line here.
macro_rules! fixture_cases {
    ($module:ident, $dir:literal, $check:ident, { $($name:ident => $file:literal,)* }) => {
        mod $module {
            /// The files listed.
            pub(super) const FILES: &[&str] = &[$($file),*];
            $(
                #[test]
                fn $name() {
                    super::$check(&super::fixture_path($dir, $file));
                }
            )*
        }
    };
}

fixture_cases!(invalid, "tests/fixtures/invalid", check_invalid, {
    accessed_before_published => "accessed_before_published.json",
    action_after_termination_bilateral_withdrawal => "action_after_termination--bilateral-withdrawal.json",
    action_after_termination => "action_after_termination.json",
    action_after_withdrawal => "action_after_withdrawal.json",
    actor_not_in_existence_founded => "actor_not_in_existence--founded.json",
    actor_not_in_existence => "actor_not_in_existence.json",
    control_character => "control_character.json",
    country_code_mismatch => "country_code_mismatch.json",
    country_code_out_of_period => "country_code_out_of_period.json",
    dangling_reference_clause => "dangling_reference--clause.json",
    dangling_reference_dispute => "dangling_reference--dispute.json",
    dangling_reference_toward => "dangling_reference--toward.json",
    dangling_reference_succession => "dangling_reference--succession.json",
    dangling_reference => "dangling_reference.json",
    date_range_reversed_dissolved => "date_range_reversed--dissolved.json",
    date_range_reversed_interval => "date_range_reversed--interval.json",
    date_range_reversed => "date_range_reversed.json",
    dispute_mixed_records => "dispute_mixed_records.json",
    dispute_field_incomplete => "dispute_field_incomplete.json",
    act_date_not_stated => "act_date_not_stated.json",
    signature_act_missing => "signature_act_missing.json",
    dispute_too_few_alternatives => "dispute_too_few_alternatives.json",
    duplicate_id => "duplicate_id.json",
    duplicate_party => "duplicate_party.json",
    duplicate_source => "duplicate_source.json",
    duplicate_state_code_lifetimes => "duplicate_state_code--lifetimes.json",
    duplicate_state_code => "duplicate_state_code.json",
    effective_before_notice => "effective_before_notice.json",
    empty_list => "empty_list.json",
    empty_text_invisible => "empty_text--invisible.json",
    empty_text => "empty_text.json",
    estimate_bounds_reversed => "estimate_bounds_reversed.json",
    estimate_qualifier_mismatch => "estimate_qualifier_mismatch.json",
    external_reference_incomplete => "external_reference_incomplete.json",
    fact_after_sources => "fact_after_sources.json",
    impossible_date => "impossible_date.json",
    invalid_counterpart_no_party => "invalid_counterpart--no-party.json",
    invalid_counterpart_self => "invalid_counterpart--self.json",
    invalid_counterpart => "invalid_counterpart.json",
    invalid_identifier_cow_range => "invalid_identifier--cow-range.json",
    invalid_identifier => "invalid_identifier.json",
    kind_contradicts_obligations_non_aggression => "kind_contradicts_obligations--non-aggression.json",
    kind_contradicts_obligations => "kind_contradicts_obligations.json",
    action_after_end => "action_after_end.json",
    ambiguous_act_order => "ambiguous_act_order.json",
    renewal_after_term_end => "renewal_after_term_end.json",
    lifecycle_out_of_order_before_signature_record => "lifecycle_out_of_order--before-signature-record.json",
    lifecycle_out_of_order_termination_before_signature => "lifecycle_out_of_order--termination-before-signature.json",
    lifecycle_out_of_order => "lifecycle_out_of_order.json",
    missing_citation => "missing_citation.json",
    missing_party => "missing_party.json",
    no_entry_into_force => "no_entry_into_force.json",
    not_a_party_signer => "not_a_party--signer.json",
    not_a_party => "not_a_party.json",
    parent_cycle => "parent_cycle.json",
    party_termination => "party_termination.json",
    presence_in_own_country => "presence_in_own_country.json",
    related_target_missing => "related_target_missing.json",
    relation_cycle => "relation_cycle.json",
    repeated_withdrawal => "repeated_withdrawal.json",
    resumption_without_suspension_other_pair => "resumption_without_suspension--other-pair.json",
    resumption_without_suspension => "resumption_without_suspension.json",
    self_cooperation => "self_cooperation.json",
    self_obligation => "self_obligation.json",
    self_relation => "self_relation.json",
    self_support => "self_support.json",
    signatory_accedes_bilateral => "signatory_accedes--bilateral.json",
    signatory_accedes_role => "signatory_accedes--role.json",
    signatory_accedes => "signatory_accedes.json",
    signature_date_mismatch => "signature_date_mismatch.json",
    signer_without_standing => "signer_without_standing.json",
    statement_without_speaker => "statement_without_speaker.json",
    succession_cycle_dissolved_into => "succession_cycle--dissolved-into.json",
    succession_cycle_self => "succession_cycle--self.json",
    succession_cycle => "succession_cycle.json",
    too_few_parties_observer => "too_few_parties--observer.json",
    too_few_parties => "too_few_parties.json",
    unknown_language => "unknown_language.json",
    unreferenced_actor_self => "unreferenced_actor--self.json",
    unreferenced_actor => "unreferenced_actor.json",
    untrimmed_text => "untrimmed_text.json",
    unused_source => "unused_source.json",
    withdrawal_before_bound => "withdrawal_before_bound.json",
    withdrawal_by_non_party => "withdrawal_by_non_party.json",
});

fixture_cases!(valid, "tests/fixtures/valid", check_valid, {
    lifecycle_after_entry_into_force => "lifecycle-after-entry-into-force.json",
    minimal => "minimal.json",
});

fn fixture_path(dir: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(file)
}

/// An invalid fixture reports exactly the (code, path) pairs its `test.expect` lists, and is
/// invalid unless it is named after a warning.
fn check_invalid(file: &Path) {
    let dossier = load(file);
    let report = dossier.validate();
    let found: Expected = report.issues().iter().map(|i| (i.code.as_str().to_owned(), i.path.clone())).collect();
    assert_eq!(found, expected(&dossier, file), "{}:\n{report}", file.display());
    // A fixture named after an error code must make the document invalid.
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let code = stem.split("--").next().unwrap_or_default();
    let severity = Code::ALL.iter().find(|c| c.as_str() == code).map(|c| c.severity());
    assert!(severity.is_some(), "{}: not named after a code", file.display());
    assert_eq!(report.is_valid(), severity == Some(Severity::Warning), "{}", file.display());
}

/// A valid fixture reports nothing, not even a warning.
fn check_valid(file: &Path) {
    let report = load(file).validate();
    assert!(report.is_empty(), "{}:\n{report}", file.display());
}

#[test]
fn fixture_lists_match_the_directories() {
    for (dir, listed) in [("tests/fixtures/invalid", invalid::FILES), ("tests/fixtures/valid", valid::FILES)] {
        let on_disk: BTreeSet<String> =
            fixtures(dir).iter().filter_map(|p| p.file_name()?.to_str().map(str::to_owned)).collect();
        let listed: BTreeSet<String> = listed.iter().map(|s| (*s).to_owned()).collect();
        let unlisted: Vec<_> = on_disk.difference(&listed).collect();
        let missing: Vec<_> = listed.difference(&on_disk).collect();
        assert!(
            unlisted.is_empty() && missing.is_empty(),
            "{dir}: add a line to fixture_cases! in tests/validation.rs for {unlisted:?}; no such file: {missing:?}"
        );
    }
    assert!(invalid::FILES.len() >= Code::ALL.len(), "expected a fixture per code");
}

/// Every path a report gives is a JSON Pointer that resolves in the document as written, over
/// the fixtures and the example dossiers (`tests/proptest_mutations.rs` checks the same on
/// generated documents).
#[test]
fn every_issue_path_resolves_in_its_document() {
    let mut checked = 0;
    for dir in ["tests/fixtures/invalid", "tests/fixtures/valid", "examples/data"] {
        for file in fixtures(dir) {
            let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
            for issue in load(&file).validate() {
                assert!(json.pointer(&issue.path).is_some(), "{}: {issue} does not resolve", file.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= Code::ALL.len(), "{checked}");
}

#[test]
fn every_code_has_a_fixture() {
    let names: BTreeSet<String> = fixtures("tests/fixtures/invalid")
        .iter()
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()))
        .map(|s| s.split("--").next().unwrap_or_default().to_owned())
        .collect();
    for code in Code::ALL {
        assert!(names.contains(code.as_str()), "no fixture for {code}");
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    // The issue's corruption list, applied together to the seed.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json");
    let mut dossier = load(&path);
    let ayyoub = defense_agreements::ids::PersonId::new("nobody").unwrap_or_else(|e| panic!("{e}"));
    dossier.agreements[0].signatures[1].signer = ayyoub;
    dossier.agreements[0].actions[1].date = "2020-02-30".parse().unwrap_or_else(|e| panic!("{e}"));
    dossier.troop_presences[1].strength.low = Some(13_000);
    dossier.agreements[0].signatures[0].party =
        defense_agreements::ids::ActorId::new("turkey").unwrap_or_else(|e| panic!("{e}"));
    let report = dossier.validate();
    assert!(report.has(Code::DanglingReference, "/agreements/0/signatures/1/signer"), "{report}");
    assert!(report.has(Code::ImpossibleDate, "/agreements/0/actions/1/date"), "{report}");
    assert!(report.has(Code::EstimateBoundsReversed, "/troop_presences/1/strength"), "{report}");
    assert!(report.has(Code::NotAParty, "/agreements/0/signatures/0/party"), "{report}");
    // Bagheri holds no post in Turkey either.
    assert!(report.has(Code::SignerWithoutStanding, "/agreements/0/signatures/0/signer"), "{report}");
    assert_eq!(report.errors().count(), 5, "{report}");
    let err = report.into_result().err().unwrap_or_else(|| panic!("errors must fail into_result"));
    assert!(err.to_string().starts_with("5 validation error(s)"), "{err}");
}

#[test]
fn warnings_alone_still_convert_to_ok() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unused_source.json");
    let report = load(&path).validate();
    assert_eq!(report.warnings().count(), 1);
    let kept = report.into_result().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.len(), 1);
}

#[test]
fn codes_are_stable_snake_case_and_documented() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/validation.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    for code in Code::ALL {
        let s = code.as_str();
        assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{s}");
        assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::Value::String(s.into())));
        assert!(doc.contains(&format!("`{s}`")), "docs/validation.md does not describe {s}");
    }
}

#[test]
fn long_lists_follow_the_same_rules_as_short_ones() {
    // Past 16 clauses, actions or parties, and 128 actors or sources, lookups switch from
    // scanning to hashing; the findings must not change.
    let mut doc = minimal_json();
    let agreement = &mut doc["agreements"][0];
    let clauses: Vec<_> =
        (0..20).map(|i| serde_json::json!({"id": format!("art-{}", i % 19), "text": "Text."})).collect();
    agreement["clauses"] = clauses.into();
    agreement["cooperation"][0]["clause"] = "art-404".into();
    let mut actions = vec![serde_json::json!({"type": "signature", "date": "2020-07-08"})];
    for year in 2021..2040 {
        actions.push(serde_json::json!({"type": "domestic_approval", "date": year.to_string(), "party": "iran"}));
    }
    // Iran's domestic approvals run to 2039; an Iran-only entry into force dated 2022
    // precedes most of them.
    actions.push(serde_json::json!({"type": "entry_into_force", "date": "2022", "party": "iran"}));
    agreement["actions"] = actions.into();
    let extra: Vec<_> =
        (0..200).map(|i| serde_json::json!({"id": format!("state-{i}"), "name": "State", "kind": "state"})).collect();
    if let Some(actors) = doc["actors"].as_array_mut() {
        actors.extend(extra);
    }
    let dossier = Dossier::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let report = dossier.validate();
    assert!(report.has(Code::DuplicateId, "/agreements/0/clauses/19/id"), "{report}");
    assert!(report.has(Code::DanglingReference, "/agreements/0/cooperation/0/clause"), "{report}");
    assert!(report.has(Code::LifecycleOutOfOrder, "/agreements/0/actions/20/date"), "{report}");
    assert!(report.has(Code::UnreferencedActor, "/actors/3"), "{report}");
    assert!(report.has(Code::UnreferencedActor, "/actors/202"), "{report}");
    // Entry into force recorded for Iran alone, never for the agreement.
    assert!(report.has(Code::NoEntryIntoForce, "/agreements/0/actions/20"), "{report}");
    assert_eq!(report.len(), 4 + 200, "{report}");
}

#[test]
fn protected_non_members_may_be_beneficiaries() {
    // The Manila Pact's protocol states: protected, not bound. Listed with the beneficiary role,
    // they may be named as beneficiaries; without any role they may not.
    let mut doc = minimal_json();
    doc["actors"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("actors"))
        .push(serde_json::json!({"id": "laos", "name": "Laos", "kind": "state", "country": "LAO"}));
    doc["agreements"][0]["obligations"] = serde_json::json!([{"type": "defense", "beneficiaries": ["laos"]}]);
    let report = Dossier::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}")).validate();
    assert!(report.has(Code::NotAParty, "/agreements/0/obligations/0/beneficiaries/0"), "{report}");
    doc["agreements"][0]["parties"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("parties"))
        .push(serde_json::json!({"actor": "laos", "role": "beneficiary"}));
    let report = Dossier::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}")).validate();
    assert!(report.is_empty(), "{report}");
}
