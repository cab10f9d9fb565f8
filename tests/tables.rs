//! The research tables: counts on the example dossiers, the lifecycle rules, the files, and the
//! column dictionary in docs/tables.md (which must match the row types).

use defense_agreements::Dossier;
use defense_agreements::tables::{ColumnType, Format, Options, Tables, WriteOptions};

fn examples() -> Tables {
    let mut tables = Tables::default();
    for name in ["iran-syria-2020", "manila-pact-1954", "north-atlantic-treaty-1949", "us-japan-1960"] {
        let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        let dossier = Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
        tables.add(&dossier, &Options::through(2024));
    }
    tables
}

/// The column dictionary as docs/tables.md shows it, generated from the row types.
fn dictionary() -> String {
    let mut out = String::new();
    for table in Tables::NAMES {
        out.push_str(&format!(
            "\n### `{table}`\n\n| column | type | Arrow | null | meaning |\n|---|---|---|---|---|\n"
        ));
        for c in Tables::columns(table).unwrap_or_default() {
            let null = if c.nullable { "yes" } else { "" };
            // The Arrow and Parquet type (tests/arrow_tables.rs checks it against the schema).
            let arrow = match c.kind {
                ColumnType::Int if c.int32 => "Int32",
                ColumnType::Int => "Int64",
                ColumnType::Bool => "Boolean",
                ColumnType::Text => "Utf8",
                ColumnType::Date => "Date32",
                _ => "?",
            };
            out.push_str(&format!("| `{}` | {} | {arrow} | {null} | {} |\n", c.name, c.kind, c.doc));
        }
    }
    out
}

#[test]
fn docs_list_every_column_as_the_row_types_define_it() {
    let path = format!("{}/docs/tables.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let (begin, end) = ("<!-- columns: begin -->\n", "<!-- columns: end -->");
    let start = doc.find(begin).unwrap_or_else(|| panic!("no begin marker")) + begin.len();
    let stop = doc.find(end).unwrap_or_else(|| panic!("no end marker"));
    let expected = dictionary();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{}\n{}", &doc[..start], expected.trim_start(), &doc[stop..]);
        std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    assert_eq!(
        doc[start..stop].trim(),
        expected.trim(),
        "docs/tables.md is out of date: run UPDATE_DOCS=1 cargo test --test integration tables::"
    );
}

#[test]
fn the_example_dossiers_give_the_expected_counts() {
    let t = examples();
    let counts: Vec<(&str, usize)> = t.counts().to_vec();
    // The same figures tests/tables/check_duckdb.py expects of the files (see its comments).
    let dyads = 66 * 76 + 2 * 12 * 73 + 73 + 14 * 70 + 21 * 70 + 7 * 19 + 2 * 65;
    assert_eq!(
        counts,
        [
            ("agreements", 6),
            ("members", 27),
            ("state_years", 1767),
            ("dyad_years", dyads),
            ("directed_dyad_years", 2 * dyads),
            ("directed_dyad_intervals", 270),
            // 32 recorded; the two rival Syrian signers of Iran-Syria 2020 are one dispute, set
            // aside under the default policy (`disputes` tests the others).
            ("signatures", 30),
            ("troop_presences", 3),
        ]
    );
}

fn pact(actions: &str) -> Dossier {
    let json = format!(
        r#"{{"schema_version": "1.0", "id": "d",
            "actors": [
              {{"id": "a", "name": "A", "kind": "state", "country": "USA", "identifiers": [{{"scheme": "cow", "value": "2"}}]}},
              {{"id": "b", "name": "B", "kind": "state", "country": "CAN", "identifiers": [{{"scheme": "cow", "value": "20"}}]}},
              {{"id": "c", "name": "C", "kind": "state", "country": "GBR", "identifiers": [{{"scheme": "cow", "value": "200"}}]}}
            ],
            "agreements": [{{"id": "p", "title": "P", "kind": "defense_pact",
              "parties": [{{"actor": "a", "role": "party"}}, {{"actor": "b", "role": "party"}}, {{"actor": "c", "role": "party"}}],
              "obligations": [{{"type": "defense", "obligors": ["a"]}}, {{"type": "consultation"}}],
              "actions": {actions}}}]}}"#
    );
    Dossier::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_withdrawal_and_re_accession_give_two_spells_and_a_gap_in_the_years() {
    let d = pact(
        r#"[{"type": "entry_into_force", "date": "1990-01-01"},
            {"type": "ratification", "date": "1989-12-01", "party": "b"},
            {"type": "withdrawal", "date": "1994-03-01", "party": "b", "effective": "1995-03-01"},
            {"type": "accession", "date": "1998-06", "party": "b"}]"#,
    );
    let t = Tables::from_dossier(&d, &Options::through(2000));
    let b: Vec<_> = t.members.iter().filter(|m| m.actor_id == "b").collect();
    assert_eq!(b.len(), 2);
    assert_eq!(b[0].end.map(|d| d.to_string()).as_deref(), Some("1995-02-28"));
    assert_eq!(b[0].end_act.as_deref(), Some("withdrawal"));
    // A month-precision accession counts from the month's last day.
    assert_eq!(b[1].start.to_string(), "1998-06-30");
    assert_eq!(b[1].start_act, "accession");
    let years: Vec<i32> = t.state_years.iter().filter(|s| s.actor_id == "b").map(|s| s.year).collect();
    assert_eq!(years, [1990, 1991, 1992, 1993, 1994, 1995, 1998, 1999, 2000]);
    // Directed flags: only `a` pledges defense; everyone consults.
    let ab = t.directed_dyad_years.iter().find(|r| r.actor1 == "a" && r.actor2 == "b").unwrap_or_else(|| panic!("a-b"));
    let ba = t.directed_dyad_years.iter().find(|r| r.actor1 == "b" && r.actor2 == "a").unwrap_or_else(|| panic!("b-a"));
    assert_eq!((ab.atop_defense, ab.atop_consul), (1, 1));
    assert_eq!((ba.atop_defense, ba.atop_consul), (0, 1));
    let und =
        t.dyad_years.iter().find(|r| r.ccode1 == Some(2) && r.ccode2 == Some(20)).unwrap_or_else(|| panic!("2-20"));
    assert_eq!(und.atop_defense, 1);
}

#[test]
fn a_party_suspended_alone_leaves_the_others_bound() {
    let d = pact(
        r#"[{"type": "entry_into_force", "date": "2000-01-01"},
            {"type": "suspension", "date": "2003-05-01", "party": "c"},
            {"type": "resumption", "date": "2004", "party": "c"}]"#,
    );
    let t = Tables::from_dossier(&d, &Options::through(2005));
    assert_eq!(t.members.iter().filter(|m| m.actor_id == "c").count(), 2);
    assert_eq!(t.members.iter().filter(|m| m.actor_id == "a").count(), 1);
    let ac: Vec<_> = t.directed_dyad_intervals.iter().filter(|r| r.actor1 == "a" && r.actor2 == "c").collect();
    assert_eq!(ac.len(), 2);
    assert_eq!(ac[0].end.map(|d| d.to_string()).as_deref(), Some("2003-04-30"));
    // A year-precision resumption counts from 31 December.
    assert_eq!(ac[1].start.to_string(), "2004-12-31");
    // Both spells touch 2003 and 2004; the year tables count each year once.
    let years: Vec<i32> = t.dyad_years.iter().filter(|r| r.actor2 == "c" && r.actor1 == "a").map(|r| r.year).collect();
    assert_eq!(years, [2000, 2001, 2002, 2003, 2004, 2005]);
}

#[test]
fn csv_files_have_a_header_and_one_line_per_row() {
    let t = examples();
    let dir = std::env::temp_dir().join(format!("tables-test-{}", std::process::id()));
    let written = t.write_to(&dir, WriteOptions::new(Format::Csv)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.len(), 8);
    for (table, rows) in t.counts() {
        let text = std::fs::read_to_string(dir.join(format!("{table}.csv"))).unwrap_or_else(|e| panic!("{e}"));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> =
            reader.headers().unwrap_or_else(|e| panic!("{e}")).iter().map(str::to_owned).collect();
        let names: Vec<&str> = Tables::columns(table).unwrap_or_default().iter().map(|c| c.name).collect();
        assert_eq!(header, names);
        assert_eq!(reader.records().count(), rows, "{table}");
    }
    let partitioned =
        t.write_to(dir.join("p"), WriteOptions::new(Format::Csv).partitioned()).unwrap_or_else(|e| panic!("{e}"));
    assert!(partitioned.iter().any(|p| p.ends_with("dyad_years/year=1973/part-0.csv")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn parquet_needs_its_feature() {
    let dir = std::env::temp_dir().join(format!("tables-pq-{}", std::process::id()));
    let result = Tables::default().write_to(&dir, WriteOptions::new(Format::Parquet));
    assert_eq!(result.is_ok(), cfg!(feature = "parquet"));
    let _ = std::fs::remove_dir_all(&dir);
}
