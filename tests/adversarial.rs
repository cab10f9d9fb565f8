//! The adversarial shapes of `benches/adversarial.rs` report what they should, and the derived
//! views stay finite on them. (Their timing is the benchmark's business, never a test's.)

use defense_agreements::{Code, Dossier};

use crate::shapes;

fn load(json: &str) -> Dossier {
    Dossier::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_shape_reports_exactly_its_problems() {
    for n in [20, 200] {
        for shape in shapes::SHAPES {
            let report = load(&(shape.build)(n)).validate();
            let count = |code: Code| report.issues().iter().filter(|i| i.code == code).count();
            match shape.name {
                "posts_per_person" => {
                    assert_eq!(count(Code::SignerWithoutStanding), n, "{}", shape.name);
                    assert_eq!(report.len(), n, "{}: {report}", shape.name);
                }
                "cyclic_relations" => {
                    assert_eq!(count(Code::ParentCycle), 1, "{}: {report}", shape.name);
                }
                _ => assert!(report.is_empty(), "{} at {n}: {report}", shape.name),
            }
        }
    }
}

#[test]
fn ancestry_stops_at_a_cycle() {
    let d = load(&shapes::cyclic_relations(2));
    let ids: Vec<&str> = d.ancestry("a0").map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a0", "a1"]);
    let d = load(&shapes::cyclic_relations(40));
    assert_eq!(d.ancestry("a7").count(), 40);
    assert_eq!(d.ancestry("nobody").count(), 0);
}

#[test]
fn ancestry_of_a_long_chain_is_whole() {
    // 100,000 actors in one chain: each step is an index lookup, not a scan.
    let d = load(&shapes::parent_chain(100_000));
    assert_eq!(d.ancestry("a99999").count(), 100_000);
    assert_eq!(d.ancestry("a0").map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a0"]);
}
