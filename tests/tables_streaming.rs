//! The tables produced in batches: the same rows as in memory, batches never larger than asked,
//! files the same whether written from `Tables` or dossier by dossier; the `through` limit
//! (9999) and its typed error; directed flags from obligations listing both sides.

use defense_agreements::tables::{
    Format, MAX_THROUGH_YEAR, Options, TableSink, TableStream, Tables, ThroughYearError, WriteOptions,
};
use defense_agreements::{Dossier, Error, ValueError};

fn example(name: &str) -> Dossier {
    let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

const EXAMPLES: [&str; 7] = [
    "collective-security-treaty-1992",
    "iran-syria-2020",
    "manila-pact-1954",
    "north-atlantic-treaty-1949",
    "russia-dprk-2024",
    "russia-sudan-2020",
    "us-japan-1960",
];

/// Appends every row of `batch` to `all`, table by table.
fn append(all: &mut Tables, batch: &Tables) {
    all.agreements.extend_from_slice(&batch.agreements);
    all.members.extend_from_slice(&batch.members);
    all.state_years.extend_from_slice(&batch.state_years);
    all.dyad_years.extend_from_slice(&batch.dyad_years);
    all.directed_dyad_years.extend_from_slice(&batch.directed_dyad_years);
    all.directed_dyad_intervals.extend_from_slice(&batch.directed_dyad_intervals);
    all.signatures.extend_from_slice(&batch.signatures);
    all.troop_presences.extend_from_slice(&batch.troop_presences);
}

#[test]
fn batches_of_seven_rows_put_together_are_the_tables_in_memory() {
    let options = Options::through(2024);
    let dossiers: Vec<Dossier> = EXAMPLES.iter().map(|n| example(n)).collect();
    let mut whole = Tables::default();
    for d in &dossiers {
        whole.add(d, &options);
    }
    let (mut joined, mut largest, mut batches) = (Tables::default(), 0, 0);
    let mut stream = TableStream::new(&options, 7, |batch: &Tables| {
        largest = largest.max(batch.len());
        batches += 1;
        append(&mut joined, batch);
        Ok::<(), Error>(())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    for d in &dossiers {
        stream.add(d).unwrap_or_else(|e| panic!("{e}"));
    }
    stream.finish().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(joined, whole);
    assert_eq!(largest, 7);
    assert_eq!(batches, whole.len().div_ceil(7));
}

#[test]
fn an_open_spell_runs_to_9999_in_batches_no_larger_than_asked() {
    let options = Options::checked_through(MAX_THROUGH_YEAR).unwrap_or_else(|e| panic!("{e}"));
    let (mut largest, mut dyad_years, mut last_year) = (0, 0, 0);
    let mut stream = TableStream::new(&options, 1000, |batch: &Tables| {
        largest = largest.max(batch.len());
        dyad_years += batch.dyad_years.len();
        last_year = batch.dyad_years.iter().map(|r| r.year).max().unwrap_or(0).max(last_year);
        Ok::<(), Error>(())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    stream.add(&example("us-japan-1960")).unwrap_or_else(|e| panic!("{e}"));
    stream.finish().unwrap_or_else(|e| panic!("{e}"));
    assert!(largest <= 1000, "a batch of {largest} rows");
    // The treaty and its status of forces agreement, both in force since 1960: one pair each.
    assert_eq!(dyad_years, 2 * (9999 - 1960 + 1));
    assert_eq!(last_year, 9999);
}

#[test]
fn a_through_year_past_9999_is_refused_with_a_typed_error() {
    assert_eq!(MAX_THROUGH_YEAR, 9999);
    assert!(Options::checked_through(9999).is_ok());
    let refused = Options::checked_through(10_000).err();
    assert_eq!(refused.map(|e| e.year), Some(10_000));
    let options = Options::through(1_000_000);
    assert!(matches!(options.check(), Err(ThroughYearError { year: 1_000_000, .. })));
    assert!(TableStream::new(&options, 10, |_: &Tables| Ok::<(), Error>(())).is_err());

    // The sink refuses it before writing a row.
    let dir = std::env::temp_dir().join(format!("tables-through-{}", std::process::id()));
    let mut sink = TableSink::create(&dir, WriteOptions::new(Format::Csv)).unwrap_or_else(|e| panic!("{e}"));
    let error = sink.add(&example("us-japan-1960"), &options).err().unwrap_or_else(|| panic!("accepted"));
    assert!(matches!(error, Error::Value(ValueError::ThroughYear(ThroughYearError { year: 1_000_000, .. }))));
    assert_eq!(error.code(), "invalid_value");
    let message = error.to_string();
    assert!(message.contains("1000000") && message.contains("9999"), "{message}");
    sink.finish().unwrap_or_else(|e| panic!("{e}"));
    let members = std::fs::read_to_string(dir.join("members.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(members.lines().count(), 1, "only the header");
    std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));

    // In memory, where nothing can fail, the year tables stop at 9999 all the same.
    let t = Tables::from_dossier(&example("us-japan-1960"), &options);
    assert_eq!(t.dyad_years.iter().map(|r| r.year).max(), Some(9999));
}

#[test]
fn the_default_through_is_this_year() {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or_else(|e| panic!("{e}"));
    let today = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_else(|| panic!("no date"));
    let this_year = chrono::Datelike::year(&today);
    // Read twice around the clock: a run across midnight of 31 December sees either year.
    let through = Options::through_this_year().through_year;
    assert!(through == this_year || through == this_year + 1, "{through} is not {this_year}");
}

/// Every file of `dir`, by path below it, with its text.
fn files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap_or(&path).display().to_string();
                out.push((name, std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"))));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_sink_writes_the_same_files_dossier_by_dossier_as_from_the_tables() {
    let options = Options::through(2024);
    let dossiers: Vec<Dossier> = EXAMPLES.iter().map(|n| example(n)).collect();
    for write in [WriteOptions::new(Format::Csv), WriteOptions::new(Format::Csv).partitioned()] {
        let base = std::env::temp_dir().join(format!("tables-sink-{}-{}", std::process::id(), write.partition_by_year));
        let mut whole = Tables::default();
        for d in &dossiers {
            whole.add(d, &options);
        }
        whole.write_to(base.join("whole"), write).unwrap_or_else(|e| panic!("{e}"));
        let mut sink = TableSink::create(base.join("added"), write).unwrap_or_else(|e| panic!("{e}"));
        for d in &dossiers {
            sink.add(d, &options).unwrap_or_else(|e| panic!("{e}"));
        }
        sink.finish().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (files(&base.join("whole")), files(&base.join("added")));
        assert!(a.len() >= 8);
        assert_eq!(a, b);
        std::fs::remove_dir_all(&base).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn directed_flags_follow_obligations_that_list_both_sides() {
    let json = r#"{"schema_version": "1.0", "id": "d",
        "actors": [
          {"id": "a", "name": "A", "kind": "state"},
          {"id": "b", "name": "B", "kind": "state"},
          {"id": "c", "name": "C", "kind": "state"}
        ],
        "agreements": [{"id": "p", "title": "P", "kind": "defense_pact",
          "parties": [{"actor": "a", "role": "party"}, {"actor": "b", "role": "party"}, {"actor": "c", "role": "party"}],
          "obligations": [
            {"type": "defense", "obligors": ["a"], "beneficiaries": ["b"]},
            {"type": "non_aggression", "beneficiaries": ["c"]},
            {"type": "neutrality", "obligors": ["c"]},
            {"type": "offense", "obligors": ["b", "c"], "beneficiaries": ["a", "c"]}
          ],
          "actions": [{"type": "entry_into_force", "date": "2000-01-01"}]}]}"#;
    let d = Dossier::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    let t = Tables::from_dossier(&d, &Options::through(2000));
    let flags = |from: &str, to: &str| {
        let r = t
            .directed_dyad_years
            .iter()
            .find(|r| r.actor1 == from && r.actor2 == to)
            .unwrap_or_else(|| panic!("{from}-{to}"));
        [r.atop_defense, r.atop_offense, r.atop_neutral, r.atop_nonagg, r.atop_consul]
    };
    // Columns: defense, offense, neutrality, non-aggression, consultation.
    assert_eq!(flags("a", "b"), [1, 0, 0, 0, 0]);
    assert_eq!(flags("a", "c"), [0, 0, 0, 1, 0]);
    assert_eq!(flags("b", "a"), [0, 1, 0, 0, 0]);
    assert_eq!(flags("b", "c"), [0, 1, 0, 1, 0]);
    assert_eq!(flags("c", "a"), [0, 1, 1, 0, 0]);
    assert_eq!(flags("c", "b"), [0, 0, 1, 0, 0]);
    // The undirected row flags a pledge made either way.
    let ab = t.dyad_years.iter().find(|r| r.actor1 == "a" && r.actor2 == "b").unwrap_or_else(|| panic!("a-b"));
    assert_eq!([ab.atop_defense, ab.atop_offense, ab.atop_neutral, ab.atop_nonagg], [1, 1, 0, 0]);
    // What each member pledges itself: its own obligations and those naming no obligor.
    let member = |id: &str| {
        let m = t.members.iter().find(|m| m.actor_id == id).unwrap_or_else(|| panic!("{id}"));
        [m.atop_defense, m.atop_offense, m.atop_neutral, m.atop_nonagg, m.atop_consul]
    };
    assert_eq!(member("a"), [1, 0, 0, 1, 0]);
    assert_eq!(member("b"), [0, 1, 0, 1, 0]);
    assert_eq!(member("c"), [0, 1, 1, 1, 0]);
}

#[test]
fn a_csv_partition_reopened_past_256_open_files_stays_one_file() {
    // 1960 to 2400: more year partitions than the sink keeps open at once.
    let options = Options::through(2400);
    let dossier = example("us-japan-1960");
    let dir = std::env::temp_dir().join(format!("tables-append-{}", std::process::id()));
    let mut sink =
        TableSink::create(&dir, WriteOptions::new(Format::Csv).partitioned()).unwrap_or_else(|e| panic!("{e}"));
    // Twice: the second pass reopens the partitions the first had to close.
    sink.add(&dossier, &options).unwrap_or_else(|e| panic!("{e}"));
    sink.write(&Tables::from_dossier(&dossier, &options)).unwrap_or_else(|e| panic!("{e}"));
    sink.finish().unwrap_or_else(|e| panic!("{e}"));
    let written = files(&dir.join("dyad_years"));
    assert_eq!(written.len(), 2400 - 1960 + 1, "one file per year");
    for (name, text) in &written {
        assert!(name.ends_with("part-0.csv"), "{name}");
        // The header once, then one row per agreement (the treaty and its status of forces),
        // twice.
        assert_eq!(text.lines().count(), 1 + 2 * 2, "{name}: {text}");
        assert_eq!(text.lines().filter(|l| l.starts_with("dossier_id,")).count(), 1, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
}
