//! Reading results: reports, issues, codes, severities and statuses deserialize as they
//! serialize; a downstream crate adds its own rules to a report.

#[cfg(feature = "tables")]
use defense_agreements::codings::{Atop, CowType};
use defense_agreements::prelude::*;
use defense_agreements::{CustomCode, ParseErrorKind};

fn load(name: &str) -> Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data").join(name);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_report_round_trips_through_json() -> Result<(), Box<dyn std::error::Error>> {
    let mut dossier = load("iran-syria-2020.json");
    dossier.sources.clear(); // every citation now dangles, and nothing is cited
    dossier.title = Some(" untrimmed".into());
    let mut report = dossier.validate();
    assert!(report.len() > 10);
    report.push(Issue::new("/title", Code::custom("acme.title_style")?, Severity::Warning, "a house rule"));
    let json = serde_json::to_string(&report)?;
    let back: Report = serde_json::from_str(&json)?;
    assert_eq!(back, report);
    assert!(back.has(Code::DanglingReference, "/agreements/0/citations/0/source"));
    assert!(back.has(Code::custom("acme.title_style")?, "/title"));
    // An issue is an object with exactly these fields.
    let issue: Issue = serde_json::from_str(
        r#"{"path": "/actors/0/name", "code": "empty_text", "severity": "error", "message": "empty"}"#,
    )?;
    assert_eq!(issue, Issue::new("/actors/0/name", Code::EmptyText, Severity::Error, "empty"));
    assert!(
        serde_json::from_str::<Issue>(
            r#"{"path": "", "code": "empty_text", "severity": "error", "message": "", "x": 1}"#
        )
        .is_err()
    );
    Ok(())
}

#[test]
fn codes_severities_and_statuses_read_back() -> Result<(), Box<dyn std::error::Error>> {
    for code in Code::ALL {
        let json = serde_json::to_string(code)?;
        assert_eq!(&serde_json::from_str::<Code>(&json)?, code);
        assert_eq!(&code.as_str().parse::<Code>()?, code);
        assert!(!code.is_custom());
    }
    let custom: Code = "acme.no_secret_annex".parse()?;
    assert_eq!(custom, Code::Custom(CustomCode::new("acme.no_secret_annex")?));
    assert_eq!(custom.to_string(), "acme.no_secret_annex");
    // Neither one of the crate's codes nor namespaced: refused, so a typo is not a custom rule.
    for bad in ["dangling_referenc", "Acme.rule", "acme", ""] {
        assert!(bad.parse::<Code>().is_err(), "{bad}");
    }
    for severity in Severity::ALL {
        assert_eq!(serde_json::from_str::<Severity>(&serde_json::to_string(severity)?)?, *severity);
    }
    for status in AgreementStatus::ALL {
        assert_eq!(serde_json::from_str::<AgreementStatus>(&serde_json::to_string(status)?)?, *status);
        assert_eq!(status.as_str().parse::<AgreementStatus>()?, *status);
    }
    Ok(())
}

#[test]
fn reports_merge_and_collect() -> Result<(), Box<dyn std::error::Error>> {
    let a = load("north-atlantic-treaty-1949.json").validate();
    let mut merged = Report::new();
    merged.extend(a.clone());
    let rule = Code::custom("acme.check")?;
    merged.push(Issue::new("", rule.clone(), Severity::Error, "downstream rule failed"));
    assert!(!merged.is_valid());
    assert_eq!(merged.len(), a.len() + 1);
    let only_custom: Report = merged.into_iter().filter(|i| i.code.is_custom()).collect();
    assert_eq!(only_custom.len(), 1);
    assert_eq!(only_custom.issues()[0].code, rule);
    Ok(())
}

#[cfg(feature = "tables")]
#[test]
fn codings_print_and_parse() -> Result<(), Box<dyn std::error::Error>> {
    // Codings read back what tables and reports print, and their JSON names.
    for atop in [Atop::Absent, Atop::Conditional, Atop::Unconditional] {
        assert_eq!(atop.to_string().parse::<Atop>()?, atop);
        assert_eq!(serde_json::to_value(atop)?.as_str().unwrap_or_default().parse::<Atop>()?, atop);
        assert_eq!(serde_json::to_value(atop)?, atop.json_name());
    }
    for cow in [CowType::DefensePact, CowType::NeutralityOrNonAggression, CowType::Entente] {
        assert_eq!(cow.to_string().parse::<CowType>()?, cow);
        assert_eq!(serde_json::to_value(cow)?.as_str().unwrap_or_default().parse::<CowType>()?, cow);
    }
    assert!("IV".parse::<CowType>().is_err_and(|e| e.to_string().starts_with("unknown COW alliance type 'IV'")));
    Ok(())
}

#[test]
fn enums_and_values_print_and_parse() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(ActorKind::NonStateArmedGroup.to_string(), "non_state_armed_group");
    assert_eq!("state".parse::<ActorKind>()?, ActorKind::State);
    assert_eq!(NatoGrade::Of7.as_str(), "OF-7");
    assert_eq!("OF-7".parse::<NatoGrade>()?, NatoGrade::Of7);
    assert_eq!(Reliability::B.to_string(), "B");
    assert_eq!("3".parse::<Credibility>()?.to_string(), "3");
    let err = |text: &str| text.parse::<Credibility>().map(|_| String::new()).unwrap_or_else(|e| e.to_string());
    assert_eq!(err("7"), "credibility 7 is outside 1..=6");
    // Not "credibility 0 is outside 1..=6", as it said for text that is no grade at all.
    for text in ["x", "", "12", "-1", " 3"] {
        assert_eq!(err(text), "credibility is a grade from 1 to 6, written as one digit", "{text:?}");
    }
    // An estimate prints as a source would put it.
    let printed: Vec<String> = [
        Estimate::exact(2500),
        Estimate::approximately(2500),
        Estimate::at_least(8000),
        Estimate::at_most(2500),
        Estimate::range(8000, 12000),
        Estimate::unknown(),
        Estimate::new(EstimateQualifier::Range),
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        printed,
        ["2500", "about 2500", "at least 8000", "as many as 2500", "8000 to 12000", "unknown", "? to ?"]
    );
    let url: Url = "https://example.org/a".parse()?;
    assert_eq!(url.to_string(), url.as_str());
    let scheme: defense_agreements::values::Scheme = "wikidata".parse()?;
    assert_eq!(scheme.to_string(), "wikidata");
    let day: defense_agreements::values::PartialDate = "2020-07-08~".parse()?;
    assert_eq!(day.to_string(), "2020-07-08~");
    assert_eq!("1.0".parse::<SchemaVersion>()?.to_string(), "1.0");
    // An unknown name converts into the crate's Error with `?`.
    let bad = || -> Result<ActorKind, Error> { Ok("states".parse::<ActorKind>()?) };
    assert_eq!(bad().map_err(|e| e.code()).err(), Some(ParseErrorKind::InvalidValue.as_str()));
    Ok(())
}
