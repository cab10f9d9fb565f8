//! Adversarial shapes for `xref`, each two dossiers at scale n: shared by `benches/xref.rs`
//! (time) and `examples/xref_counts.rs` (instructions).
//!
//! - `other_names`: one person on each side with n other names, all different;
//! - `one_against_many`: one person against n people who share its given name (a common-name
//!   bucket) and have n different family names;
//! - `matching_people`: n people on each side, each with one counterpart (n true pairs);
//! - `same_parties`: n agreements on each side between the same two states, on n dates.

#![allow(dead_code)]

use defense_agreements::Dossier;
use serde_json::{Value, json};

/// A name word made of letters only, different for every `i`, and still different once
/// transliterated: consonants the key keeps, each followed by an `a`, so that no two fold
/// into one.
fn word(prefix: &str, mut i: usize) -> String {
    const KEPT: &[u8] = b"bdfjlmnprstvz";
    let mut s = prefix.to_owned();
    loop {
        s.push(char::from(KEPT[i % KEPT.len()]));
        s.push('a');
        i /= KEPT.len();
        if i == 0 {
            break s;
        }
    }
}

fn dossier(id: &str, people: Vec<Value>, agreements: Vec<Value>) -> Dossier {
    let json = json!({
        "schema_version": "1.0", "id": id, "title": id,
        "actors": [
            {"id": "iran", "name": "Iran", "kind": "state", "country": "IRN"},
            {"id": "russia", "name": "Russia", "kind": "state", "country": "RUS"}
        ],
        "people": people, "agreements": agreements,
    });
    Dossier::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn person(id: &str, name: &str, others: Vec<String>) -> Value {
    let others: Vec<Value> = others.into_iter().map(|n| json!({"name": n})).collect();
    json!({"id": id, "name": name, "other_names": others, "posts": [{"title": "Minister of Defense", "organization": "iran"}]})
}

fn other_names(n: usize) -> Vec<Dossier> {
    let names = |side: &str| (0..n).map(|i| format!("Ali {}", word(side, i))).collect::<Vec<_>>();
    vec![
        dossier("left", vec![person("p", "Ali Hassan", names("ka"))], vec![]),
        dossier("right", vec![person("p", "Ali Hassan", names("ka"))], vec![]),
    ]
}

fn one_against_many(n: usize) -> Vec<Dossier> {
    let many = (0..n).map(|i| person(&format!("p{i}"), &format!("Ali {}", word("ba", i)), vec![])).collect();
    vec![dossier("left", vec![person("p", "Ali Hassan", vec![])], vec![]), dossier("right", many, vec![])]
}

fn matching_people(n: usize) -> Vec<Dossier> {
    let side = |sfx: &str| {
        (0..n)
            .map(|i| person(&format!("p{i}"), &format!("{} {}{sfx}", word("mo", i), word("ba", i)), vec![]))
            .collect::<Vec<_>>()
    };
    vec![dossier("left", side(""), vec![]), dossier("right", side(""), vec![])]
}

fn same_parties(n: usize) -> Vec<Dossier> {
    let side = |title: &str| {
        (0..n)
            .map(|i| {
                let date = format!("{:04}-{:02}-{:02}", 1900 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
                json!({
                    "id": format!("a{i}"), "title": title, "kind": "other",
                    "parties": [{"actor": "iran", "role": "party"}, {"actor": "russia", "role": "party"}],
                    "actions": [{"type": "signature", "date": date}],
                })
            })
            .collect::<Vec<_>>()
    };
    vec![dossier("left", vec![], side("Cooperation agreement")), dossier("right", vec![], side("Cooperation treaty"))]
}

pub(crate) type Shape = (&'static str, fn(usize) -> Vec<Dossier>);

pub(crate) const SHAPES: [Shape; 4] = [
    ("other_names", other_names),
    ("one_against_many", one_against_many),
    ("matching_people", matching_people),
    ("same_parties", same_parties),
];
