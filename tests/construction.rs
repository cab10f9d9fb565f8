//! Building records in code: every checking constructor has a typed error that `?` converts into
//! the crate's `Error`, and values JSON cannot carry are refused when they are made.

use defense_agreements::prelude::*;
use defense_agreements::values::{IntervalEnd, PartialDate};
use serde_json::json;

/// A constructor error downstream code can use with `?`, anyhow and threads.
fn usable<E: std::error::Error + Send + Sync + 'static + Into<Error> + Into<ValueError>>() {}

#[test]
fn every_constructor_error_is_typed_and_converts() {
    usable::<defense_agreements::ids::IdError>();
    usable::<defense_agreements::UrlError>();
    usable::<defense_agreements::values::CountryError>();
    usable::<defense_agreements::values::LanguageError>();
    usable::<defense_agreements::values::DateError>();
    usable::<defense_agreements::values::SchemeError>();
    usable::<defense_agreements::values::CoordinatesError>();
    usable::<defense_agreements::CredibilityError>();
    usable::<defense_agreements::ExtensionError>();
    usable::<defense_agreements::ExtensionKeyError>();
    usable::<defense_agreements::SchemaVersionError>();
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<Error>();
}

#[test]
fn question_mark_works_on_every_constructor() -> Result<(), Error> {
    let e = (|| -> Result<(), Error> {
        CountryCode::new("ZZZ")?;
        Ok(())
    })();
    assert_eq!(e.as_ref().map_err(Error::code), Err("invalid_value"));
    let _ = (
        ActorId::new("a")?,
        CountryCode::new("IRN")?,
        CountryCode::from_alpha2("IR")?,
        Identifier::new("wikidata", "Q794")?,
        Credibility::new(2)?,
        Coordinates::new(33.5, 36.3)?,
        Url::new("https://example.org")?,
        "fa".parse::<LanguageCode>()?,
        "2020-07".parse::<EdtfDate>()?,
        SchemaVersion::parse("1.0")?,
        Extensions::new().with("acme.score", json!(0.8))?,
    );
    assert!(Identifier::new("Not A Scheme", "x").is_err());
    assert!(Credibility::new(7).is_err_and(|e| e.to_string().contains("1..=6")));
    Ok(())
}

#[test]
fn values_json_cannot_carry_are_refused_when_made() {
    // Years: EDTF's four-digit form ends at 9999.
    assert!(PartialDate::year(10_000).is_err());
    assert!(PartialDate::year(-10_000).is_err());
    assert!(PartialDate::year(9999).is_ok());
    assert!(PartialDate::month(2020, 13).is_err());
    assert!(PartialDate::day(2019, 2, 29).is_err());
    let far = chrono::NaiveDate::from_ymd_opt(12_000, 1, 1).unwrap_or_default();
    assert!(EdtfDate::try_from(far).is_err());
    // Intervals need a date at one end at least: `../..` and `/` are not EDTF.
    assert!(EdtfDate::interval(IntervalEnd::Open, IntervalEnd::Open).is_err());
    assert!(EdtfDate::interval(IntervalEnd::Unknown, IntervalEnd::Unknown).is_err());
    assert!(EdtfDate::interval(IntervalEnd::Open, IntervalEnd::Unknown).is_err());
    let year = PartialDate::year(2011).map(IntervalEnd::Date).unwrap_or(IntervalEnd::Open);
    assert_eq!(EdtfDate::interval(year, IntervalEnd::Open).map(|d| d.to_string()), Ok("2011/..".to_owned()));
    // Coordinates: in range and finite.
    for (lat, lon) in [(200.0, 0.0), (f64::NAN, 0.0), (0.0, f64::INFINITY), (0.0, -180.5), (-90.1, 0.0)] {
        assert!(Coordinates::new(lat, lon).is_err(), "{lat}, {lon}");
    }
    // Extension values the parser's recursion limit would refuse.
    let mut deep = json!(1);
    for _ in 0..130 {
        deep = json!([deep]);
    }
    let err = Extensions::new().insert("acme.deep", deep);
    assert!(matches!(err, Err(defense_agreements::ExtensionError::TooDeep { depth: 130, .. })), "{err:?}");
    // Schema versions: another major, or a minor longer than the schema's nine digits.
    assert!(SchemaVersion::parse("2.0").is_err_and(|e| e.is_unsupported()));
    assert!(SchemaVersion::parse("1.1234567890").is_err_and(|e| !e.is_unsupported()));
    assert!(SchemaVersion::parse("1.123456789").is_ok());
}

#[test]
fn a_dossier_built_with_setters_round_trips() -> Result<(), Error> {
    let (a, b) = (ActorId::new("a")?, ActorId::new("b")?);
    let src = SourceId::new("s")?;
    let cite = Citation::new(src.clone()).with_locator("Art. 5").with_credibility(Credibility::new(1)?);
    let agreement = Agreement::new(
        AgreementId::new("pact")?,
        "A pact",
        AgreementKind::DefensePact,
        vec![Party::full(a.clone()), Party::new(b.clone(), PartyRole::Party)],
    )
    .with_clauses([Clause::new(ClauseId::new("art-5")?, "An armed attack …").with_number("Art. 5")])
    .with_obligations([Obligation::new(ObligationType::Defense)
        .with_clause(ClauseId::new("art-5")?)
        .with_conditions([Condition::new(ConditionType::Location).with_text("in Europe")])])
    .with_related([Related::new(Relation::BuildsOn).with_title("An older pact")])
    .with_duration(
        Duration::fixed_term(std::num::NonZeroU32::MIN.saturating_add(9), Renewal::Automatic)
            .with_withdrawal(WithdrawalTerms::new().with_notice_months(12u32)),
    )
    .with_citations([cite]);
    let dossier = Dossier::new(DossierId::new("d")?)
        .with_actors([Actor::new(a.clone(), "A", ActorKind::State), Actor::new(b.clone(), "B", ActorKind::State)])
        .with_agreements([agreement])
        .with_supports([Support::new(SupportId::new("s1")?, a, b, vec![SupportType::Training])
            .with_period(EdtfDate::interval(IntervalEnd::Open, IntervalEnd::Date(PartialDate::year(2020)?))?)
            .with_citations([Citation::new(src.clone())])])
        .with_sources([Source::new(src, "A source")
            .with_extensions(Extensions::new().with("acme.score", json!({"deep": [[1.5]]}))?)]);
    let back = Dossier::from_json(&dossier.to_json())?;
    assert_eq!(back, dossier);
    assert!(dossier.validate().is_valid(), "{}", dossier.validate());
    Ok(())
}
