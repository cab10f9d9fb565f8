//! Every dossier under `examples/data/` parses, validates with no errors and no warnings, and
//! survives a write-and-read round trip unchanged.

use std::error::Error;
use std::path::PathBuf;

use defense_agreements::Dossier;

/// The example dossiers, sorted, so a failure names the same file every run.
fn data_files() -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    Ok(files)
}

#[test]
fn there_are_at_least_four_example_dossiers() -> Result<(), Box<dyn Error>> {
    // The seed and the three real treaties; losing one silently would weaken every other test.
    assert!(data_files()?.len() >= 4, "expected at least four dossiers in examples/data");
    Ok(())
}

#[test]
fn every_example_dossier_validates_cleanly() -> Result<(), Box<dyn Error>> {
    for path in data_files()? {
        let dossier = Dossier::from_reader(std::fs::File::open(&path)?)
            .map_err(|e| format!("{}: does not parse: {e}", path.display()))?;
        let report = dossier.validate();
        let issues: Vec<String> = report.issues().iter().map(|i| i.to_string()).collect();
        assert!(issues.is_empty(), "{}: {} issue(s):\n{}", path.display(), issues.len(), issues.join("\n"));
    }
    Ok(())
}

#[test]
fn every_example_dossier_round_trips() -> Result<(), Box<dyn Error>> {
    for path in data_files()? {
        let text = std::fs::read_to_string(&path)?;
        let dossier = Dossier::from_json(&text)?;
        // Same records after writing and reading back …
        let again = Dossier::from_json(&dossier.to_json())?;
        assert_eq!(dossier, again, "{}: changed in a round trip", path.display());
        // … and the file holds no field the model dropped on the way in.
        let original: serde_json::Value = serde_json::from_str(&text)?;
        let written: serde_json::Value = serde_json::from_str(&dossier.to_json_pretty())?;
        assert_eq!(original, written, "{}: the written JSON differs from the file", path.display());
    }
    Ok(())
}

#[test]
fn dossier_ids_match_file_names() -> Result<(), Box<dyn Error>> {
    for path in data_files()? {
        let dossier = Dossier::from_reader(std::fs::File::open(&path)?)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).ok_or("file name is not UTF-8")?;
        assert_eq!(dossier.id.as_str(), stem, "{}: id and file name disagree", path.display());
    }
    Ok(())
}

fn load(name: &str) -> Result<Dossier, Box<dyn Error>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data").join(name);
    Ok(Dossier::from_reader(std::fs::File::open(path)?)?)
}

fn day(s: &str) -> Result<chrono::NaiveDate, Box<dyn Error>> {
    Ok(s.parse()?)
}

/// The modelling decisions the example dossiers document, as the derived views see them.
#[test]
fn lifecycles_of_the_real_dossiers_read_as_history_does() -> Result<(), Box<dyn Error>> {
    use defense_agreements::AgreementStatus;
    use defense_agreements::ids::ActorId;

    let nato = load("north-atlantic-treaty-1949.json")?;
    let treaty = nato.agreement("north-atlantic-treaty").ok_or("no NATO treaty")?;
    assert_eq!(treaty.status_on(day("1949-06-01")?), AgreementStatus::Signed);
    assert_eq!(treaty.status_on(day("1949-08-24")?), AgreementStatus::InForce);
    // Leaving the integrated command in 1966 was not leaving the treaty.
    assert!(treaty.binds_on(&ActorId::new("france")?, day("1970-01-01")?));
    // The depositary's government is listed, but is not itself bound.
    assert!(!treaty.binds_on(&ActorId::new("us-government")?, day("1970-01-01")?));
    assert!(treaty.binds_on(&ActorId::new("united-states")?, day("1970-01-01")?));

    let japan = load("us-japan-1960.json")?;
    let treaty = japan.agreement("us-japan-1960").ok_or("no US-Japan treaty")?;
    assert_eq!(treaty.status_on(day("1960-03-01")?), AgreementStatus::Signed);
    assert_eq!(treaty.status_on(day("1960-06-23")?), AgreementStatus::InForce);
    assert_eq!(japan.agreements_binding("japan", day("1961-01-01")?).count(), 2, "the treaty and its SOFA");

    let manila = load("manila-pact-1954.json")?;
    let pact = manila.agreement("manila-pact").ok_or("no Manila Pact")?;
    let pakistan = ActorId::new("pakistan")?;
    // Bound from its ratification until a year after its notice (Art. X), not before or after.
    assert!(!pact.binds_on(&pakistan, day("1955-01-01")?));
    assert!(pact.binds_on(&pakistan, day("1973-11-06")?));
    assert!(!pact.binds_on(&pakistan, day("1973-11-07")?));
    // Thailand ratified first; the treaty needed a majority, so it bound no one before 19 February 1955.
    assert!(!pact.binds_on(&ActorId::new("thailand")?, day("1955-01-01")?));
    // France stopped paying in 1974 but did not renounce the pact; SEATO ended, the treaty did not.
    assert!(pact.binds_on(&ActorId::new("france")?, day("1980-01-01")?));
    assert_eq!(pact.status_on(day("1980-01-01")?), AgreementStatus::InForce);
    Ok(())
}
