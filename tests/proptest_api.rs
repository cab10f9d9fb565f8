//! Any dossier built through the public API either reads back from its JSON equal, or was refused
//! with an error when a value was made: never written as JSON that `from_json` refuses.
//!
//! Inputs are deliberately wide (years of any size, open intervals, NaN and out-of-range
//! coordinates, deep extension values, any text): a constructor that refuses is the expected
//! outcome for those, and the strategy skips that part of the record.

use defense_agreements::prelude::*;
use defense_agreements::values::{IntervalEnd, PartialDate};
use proptest::prelude::*;
use serde_json::{Value, json};

fn partial_date() -> impl Strategy<Value = Option<PartialDate>> {
    (-20_000i32..20_000, 0u8..14, 0u8..33, 0..3).prop_map(|(y, m, d, precision)| match precision {
        0 => PartialDate::year(y).ok(),
        1 => PartialDate::month(y, m).ok(),
        _ => PartialDate::day(y, m, d).ok(),
    })
}

fn end() -> impl Strategy<Value = Option<IntervalEnd>> {
    prop_oneof![
        partial_date().prop_map(|d| d.map(IntervalEnd::Date)),
        Just(Some(IntervalEnd::Open)),
        Just(Some(IntervalEnd::Unknown)),
    ]
}

fn edtf() -> impl Strategy<Value = Option<EdtfDate>> {
    prop_oneof![
        partial_date().prop_map(|d| d.map(EdtfDate::from)),
        (end(), end()).prop_map(|(a, b)| EdtfDate::interval(a?, b?).ok()),
    ]
}

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>(), -200.0f64..200.0, Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)]
}

fn extension_value() -> impl Strategy<Value = Value> {
    (0usize..140, any::<f64>(), any::<i64>(), ".{0,8}").prop_map(|(depth, f, i, s)| {
        let mut v = json!([serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number), i, s]);
        for _ in 0..depth {
            v = json!([v]);
        }
        v
    })
}

prop_compose! {
    fn dossier()(
        id in "[a-z0-9:._-]{0,6}",
        name in any::<String>(),
        country in "[A-Z]{3}",
        founded in edtf(),
        period in edtf(),
        lat in float(),
        lon in float(),
        low in any::<u64>(),
        high in any::<u64>(),
        key in "[a-z.]{1,8}",
        value in extension_value(),
        grade in any::<u8>(),
    ) -> Option<Dossier> {
        let actor = ActorId::new(format!("a{id}")).ok()?;
        let mut a = Actor::new(actor.clone(), name.clone(), ActorKind::State);
        a.country = CountryCode::new(&country).ok();
        a.founded = founded;
        let source = SourceId::new("s").ok()?;
        let mut citation = Citation::new(source.clone());
        citation.credibility = Credibility::new(grade).ok();
        let mut place = Place::new(name.clone());
        place.coordinates = Coordinates::new(lat, lon).ok();
        let presence = TroopPresence::new(
            TroopPresenceId::new("t").ok()?,
            vec![actor.clone()],
            CountryCode::new("SYR").ok()?,
            Estimate::range(low, high),
            HostConsent::Unknown,
        )
        .with_location(place)
        .with_citations([citation]);
        let mut support = Support::new(SupportId::new("u").ok()?, actor.clone(), actor, vec![SupportType::Other]);
        support.period = period;
        let mut extensions = Extensions::new();
        let _ = extensions.insert(key, value); // refused keys and depths leave it out
        Some(
            Dossier::new(DossierId::new("d").ok()?)
                .with_title(name)
                .with_actors([a])
                .with_troop_presences([presence])
                .with_supports([support])
                .with_sources([Source::new(source, "S").with_extensions(extensions)]),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn api_built_dossiers_read_back_equal(d in dossier()) {
        if let Some(d) = d {
            let json = d.to_json();
            match Dossier::from_json(&json) {
                Ok(back) => prop_assert_eq!(back, d),
                Err(e) => prop_assert!(false, "unreadable output: {e}\n{json}"),
            }
        }
    }
}
