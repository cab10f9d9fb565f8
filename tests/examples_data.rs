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
