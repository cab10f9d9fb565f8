//! Any bytes: parsing never panics; whatever parses validates without panicking, and writes
//! JSON that parses back to an equal dossier that writes the same bytes (no data loss, canonical).
#![no_main]

use defense_agreements::Dossier;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dossier) = Dossier::from_slice(data) else { return };
    let _ = dossier.validate();
    let json = dossier.to_json();
    let again = match Dossier::from_json(&json) {
        Ok(d) => d,
        Err(e) => panic!("written JSON does not parse back: {e}\n{json}"),
    };
    assert_eq!(dossier, again, "round trip changed the dossier");
    assert_eq!(json, again.to_json(), "serialization is not a fixed point");
    let pretty = dossier.to_json_pretty();
    match Dossier::from_json(&pretty) {
        Ok(d) => assert_eq!(dossier, d, "pretty round trip changed the dossier"),
        Err(e) => panic!("pretty JSON does not parse back: {e}"),
    }
});
