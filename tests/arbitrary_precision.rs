//! Round trips that must hold whatever serde_json features the build turns on. CI also runs
//! this file with `--features serde_json/arbitrary_precision`, which a downstream crate may
//! enable: then serde_json hands numbers over as maps under a private key, and extension values
//! used to come back as `{"$serde_json::private::Number": "0.8"}`.

use defense_agreements::prelude::*;
use serde_json::json;

#[test]
fn extension_numbers_and_durations_round_trip() -> Result<(), Box<dyn std::error::Error>> {
    let text = r#"{"schema_version":"1.0","id":"d","extensions":{"acme.x":{"score":0.8,"n":[1,-2,18446744073709551615,1.5e300]}},
        "agreements":[{"id":"g","title":"t","kind":"other","parties":[{"actor":"a","role":"party"}],
        "duration":{"type":"fixed_term","years":10,"renewal":"automatic","withdrawal":{"notice_months":12}}}],
        "troop_presences":[{"id":"t","forces":["a"],"host_country":"SYR","strength":{"qualifier":"range","low":8000,"high":12000},"host_consent":"unknown",
        "location":{"name":"Damascus","coordinates":{"latitude":33.5138,"longitude":36.2765}}}]}"#;
    let dossier = Dossier::from_json(text)?;
    let value = dossier.extensions.get("acme.x").cloned().unwrap_or_default();
    assert_eq!(value["score"].as_f64(), Some(0.8), "{value}");
    assert_eq!(value["n"][2].as_u64(), Some(u64::MAX), "{value}");
    let written = dossier.to_json();
    assert!(!written.contains("serde_json::private"), "{written}");
    assert_eq!(Dossier::from_json(&written)?, dossier);
    let years = match &dossier.agreements[0].duration {
        Some(Duration::FixedTerm { years, .. }) => years.get(),
        other => panic!("{other:?}"),
    };
    assert_eq!(years, 10);
    // The same duration with its tag last: the fields before it are buffered as JSON values,
    // whose numbers are maps under a private key with this feature on.
    let tag_last = text.replace(
        r#"{"type":"fixed_term","years":10,"renewal":"automatic","withdrawal":{"notice_months":12}}"#,
        r#"{"years":10,"renewal":"automatic","withdrawal":{"notice_months":12},"type":"fixed_term"}"#,
    );
    assert_ne!(tag_last, text);
    assert_eq!(Dossier::from_json(&tag_last)?, dossier);
    let bad = tag_last.replace(r#""notice_months":12"#, r#""notice_months":-12"#);
    let e = Dossier::from_json(&bad).err().ok_or("accepted")?;
    assert_eq!(e.path(), Some("/agreements/0/duration/withdrawal/notice_months"), "{e}");
    // An extension built in code reads back equal too.
    let built =
        Dossier::new(DossierId::new("e")?).with_extensions(Extensions::new().with("acme.y", json!([0.1, 2, -3]))?);
    assert_eq!(Dossier::from_json(&built.to_json())?, built);
    Ok(())
}
