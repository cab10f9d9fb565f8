//! The founding example: the Rust builder and the committed JSON are the same dossier, it is
//! valid, and it says what the report says.

use std::path::Path;

use chrono::NaiveDate;
#[cfg(feature = "extraction")]
use defense_agreements::extraction::check_quotes;
use defense_agreements::values::{CountryCode, EstimateQualifier};
use defense_agreements::{AgreementStatus, Dossier};

// The example's crate-level attributes mean nothing in a module.
#[allow(unused_attributes)]
#[path = "../examples/iran_syria_2020.rs"]
mod builder;

fn committed() -> Dossier {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn builder_and_json_file_agree() {
    let built = builder::build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(built, committed());
    // Byte for byte, too: the file is the example's own output.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.trim_end(), built.to_json_pretty());
}

#[test]
fn seed_is_valid_without_warnings() {
    let report = committed().validate();
    assert!(report.is_empty(), "{report}");
}

#[test]
fn seed_models_the_report() {
    let d = committed();
    let agreement = d.agreement("iran-syria-2020").unwrap_or_else(|| panic!("agreement"));
    assert_eq!(agreement.status(), AgreementStatus::Signed);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    assert_eq!(agreement.status_on(day(2020, 7, 7)), AgreementStatus::Negotiated);
    assert_eq!(agreement.status_on(day(2020, 7, 8)), AgreementStatus::Signed);
    assert!(agreement.obligations.is_empty(), "the report states no pledge");
    // Two reports of the Syrian signature are kept, each with its own source.
    let syrian: Vec<_> = agreement.signatures.iter().filter(|s| s.party.as_str() == "syria").collect();
    assert_eq!(syrian.len(), 2);
    assert_ne!(syrian[0].citations[0].source, syrian[1].citations[0].source);
    let syr = CountryCode::new("SYR").unwrap_or_else(|e| panic!("{e}"));
    let forces: Vec<_> = d.forces_in(syr).collect();
    assert_eq!(forces.len(), 2);
    assert_eq!(forces[0].strength.qualifier, EstimateQualifier::AtMost);
    assert_eq!(forces[0].strength.high, Some(2500));
    assert_eq!((forces[1].strength.low, forces[1].strength.high), (Some(8000), Some(12000)));
    let bagheri = d.person("bagheri").unwrap_or_else(|| panic!("bagheri"));
    assert!(bagheri.other_names.iter().any(|n| n.name == "Mohammad Baqeri"));
    let ancestry: Vec<_> = d.ancestry("irgc").map(|a| a.id.as_str()).collect();
    assert_eq!(ancestry, ["irgc", "iran"]);
    assert_eq!(d.agreements_of("turkey").count(), 1);
}

#[cfg(feature = "extraction")]
#[test]
fn every_quote_is_verbatim_from_the_report() {
    // The report lives in the shared corpus beside the repository; without it there is
    // nothing to compare against.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/iran-syria-2020.txt");
    let Ok(report) = std::fs::read_to_string(&corpus) else {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    };
    let d = committed();
    // Against an empty text every quote is missing: that counts them.
    assert!(check_quotes(&d, "report", "").len() > 15);
    let misquotes: Vec<String> = check_quotes(&d, "report", &report).iter().map(|m| m.to_string()).collect();
    assert!(misquotes.is_empty(), "not in the report:\n{}", misquotes.join("\n"));
}
