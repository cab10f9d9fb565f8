//! The research codings: the rules on small agreements built here, and the pinned codings of
//! every agreement in `examples/data/` (explained in `docs/codings.md`).

use std::error::Error;
use std::path::PathBuf;

use defense_agreements::codings::{Atop, AtopObligations, CowType};
use defense_agreements::ids::{ActorId, AgreementId};
use defense_agreements::{
    Agreement, AgreementKind, Condition, ConditionType, Cooperation, CooperationArea, Dossier, Obligation,
    ObligationType, Party, PartyRole,
};

type TestResult = Result<(), Box<dyn Error>>;

use Atop::{Absent as A, Conditional as C, Unconditional as U};

/// One expected row: dossier, agreement, ATOP (defense, offense, neutrality, non-aggression,
/// consultation), COW type, alliance, defense cooperation.
type Row = (&'static str, &'static str, [Atop; 5], Option<CowType>, bool, bool);

const PINNED: &[Row] = &[
    // A framework for military cooperation with no pledge: DCAD's DCA, not an alliance.
    ("iran-syria-2020", "iran-syria-2020", [A, A, A, A, A], None, false, true),
    // Known only by name: no obligations or cooperation recorded, and a ceasefire is no DCA.
    ("iran-syria-2020", "astana-understandings", [A, A, A, A, A], None, false, false),
    // Art. 5 limited to Europe and North America by Art. 6; Art. 4 consultation unconditional.
    ("north-atlantic-treaty-1949", "north-atlantic-treaty", [C, A, A, A, U], Some(CowType::DefensePact), true, false),
    // Art. V limited to territories under Japan's administration; Art. IV consultation.
    ("us-japan-1960", "us-japan-1960", [C, A, A, A, U], Some(CowType::DefensePact), true, false),
    // A status-of-forces agreement: a single issue, outside DCAD, and no pledge.
    ("us-japan-1960", "us-japan-sofa-1960", [A, A, A, A, A], None, false, false),
    // Art. IV(1) limited to the treaty area (and for the US to communist aggression);
    // Art. IV(2) consultation only on threats other than armed attack.
    ("manila-pact-1954", "manila-pact", [C, A, A, A, C], Some(CowType::DefensePact), true, false),
    // Art. 4 defence, Art. 1 non-aggression, Art. 2 consultation, none limited.
    (
        "collective-security-treaty-1992",
        "collective-security-treaty",
        [U, A, A, U, U],
        Some(CowType::DefensePact),
        true,
        false,
    ),
    // A "strategic partnership" by name, an alliance by content: Art. 4 pledges assistance to a
    // party at war with anyone, anywhere; Art. 3 consultation on any direct threat.
    ("russia-dprk-2024", "russia-dprk-2024", [U, A, A, A, U], Some(CowType::DefensePact), true, false),
    // Basing alone: a single issue, outside DCAD, and no pledge.
    ("russia-sudan-2020", "russia-sudan-2020", [A, A, A, A, A], None, false, false),
];

fn five(a: &AtopObligations) -> [Atop; 5] {
    [a.defense, a.offense, a.neutrality, a.nonaggression, a.consultation]
}

fn load_all() -> Result<Vec<Dossier>, Box<dyn Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths.iter().map(|p| Ok(Dossier::from_reader(std::fs::File::open(p)?)?)).collect()
}

#[test]
fn every_example_agreement_has_its_pinned_coding() -> TestResult {
    let mut seen = 0;
    for dossier in load_all()? {
        for agreement in &dossier.agreements {
            let Some(row) = PINNED.iter().find(|r| r.0 == dossier.id.as_str() && r.1 == agreement.id.as_str()) else {
                panic!("{}/{} has no pinned coding: add it here and to docs/codings.md", dossier.id, agreement.id);
            };
            let label = format!("{}/{}", row.0, row.1);
            assert_eq!(five(&agreement.atop_obligations()), row.2, "{label}: ATOP obligations");
            assert_eq!(agreement.cow_type(), row.3, "{label}: COW type");
            assert_eq!(agreement.is_alliance(), row.4, "{label}: alliance");
            assert_eq!(agreement.is_defense_cooperation(), row.5, "{label}: defense cooperation");
            seen += 1;
        }
    }
    assert_eq!(seen, PINNED.len(), "a pinned agreement is missing from examples/data");
    Ok(())
}

#[test]
fn the_seed_is_a_defense_cooperation_agreement_not_an_alliance() -> TestResult {
    let dossier = Dossier::from_json(&std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/iran-syria-2020.json"),
    )?)?;
    let seed = dossier.agreement("iran-syria-2020").ok_or("seed agreement missing")?;
    assert!(seed.is_defense_cooperation());
    assert!(!seed.is_alliance());
    assert_eq!(seed.cow_type(), None);
    Ok(())
}

#[test]
fn manila_pact_member_level_codings_show_the_us_understanding() -> TestResult {
    let dossier = Dossier::from_json(&std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/manila-pact-1954.json"),
    )?)?;
    let pact = dossier.agreement("manila-pact").ok_or("manila-pact missing")?;
    let us = ActorId::new("united-states")?;
    // Only the US pledge names a specific adversary; every party's pledge is still a defense pledge.
    let us_defense: Vec<&Obligation> = pact
        .obligations
        .iter()
        .filter(|o| o.kind == ObligationType::Defense && (o.obligors.is_empty() || o.obligors.contains(&us)))
        .collect();
    assert_eq!(us_defense.len(), 1);
    assert!(us_defense.iter().all(|o| o.conditions.iter().any(|c| c.kind == ConditionType::SpecificAdversary)));
    assert_eq!(pact.atop_obligations_of(&us).defense, Atop::Conditional);
    assert_eq!(pact.atop_obligations_of(&ActorId::new("thailand")?).defense, Atop::Conditional);
    // The depositary's government is no party and undertakes nothing.
    assert!(!pact.atop_obligations_of(&ActorId::new("philippines-government")?).any());
    Ok(())
}

fn pact(kind: AgreementKind, parties: &[&str]) -> Result<Agreement, Box<dyn Error>> {
    let parties =
        parties.iter().map(|p| Ok(Party::full(ActorId::new(p)?))).collect::<Result<Vec<_>, Box<dyn Error>>>()?;
    Ok(Agreement::new(AgreementId::new("test")?, "Test", kind, parties))
}

fn conditional(kind: ObligationType) -> Obligation {
    let mut o = Obligation::mutual(kind);
    let mut condition = Condition::new(ConditionType::SpecificAdversary);
    condition.text = Some("only against a named state".into());
    o.conditions = vec![condition];
    o
}

#[test]
fn one_unconditional_pledge_makes_the_obligation_unconditional() -> TestResult {
    let mut a = pact(AgreementKind::DefensePact, &["a", "b"])?;
    a.obligations = vec![conditional(ObligationType::Defense)];
    assert_eq!(a.atop_obligations().defense, Atop::Conditional);
    a.obligations.push(Obligation::mutual(ObligationType::Defense));
    assert_eq!(a.atop_obligations().defense, Atop::Unconditional);
    assert_eq!(a.atop_obligations().defense.as_atop(), (1, Some(0)));
    assert_eq!(Atop::Absent.as_atop(), (0, None));
    Ok(())
}

#[test]
fn member_level_codings_follow_the_obligors() -> TestResult {
    let mut a = pact(AgreementKind::DefensePact, &["a", "b"])?;
    let mut guarantee = Obligation::mutual(ObligationType::Defense);
    guarantee.obligors = vec![ActorId::new("a")?];
    a.obligations = vec![guarantee, Obligation::mutual(ObligationType::Neutrality)];
    let of = |id: &str| -> Result<AtopObligations, Box<dyn Error>> { Ok(a.atop_obligations_of(&ActorId::new(id)?)) };
    assert_eq!(of("a")?.defense, Atop::Unconditional);
    assert_eq!(of("b")?.defense, Atop::Absent);
    assert_eq!(of("b")?.neutrality, Atop::Unconditional);
    assert!(!of("stranger")?.any());
    Ok(())
}

#[test]
fn cow_type_is_the_highest_pledge() -> TestResult {
    let mut a = pact(AgreementKind::Other, &["a", "b"])?;
    assert_eq!(a.cow_type(), None);
    a.obligations = vec![Obligation::mutual(ObligationType::Offense)];
    assert_eq!(a.cow_type(), None, "COW has no type for an offense pledge alone");
    assert!(a.is_alliance(), "but ATOP counts it");
    a.obligations.push(Obligation::mutual(ObligationType::Consultation));
    assert_eq!(a.cow_type(), Some(CowType::Entente));
    a.obligations.push(conditional(ObligationType::Neutrality));
    assert_eq!(a.cow_type(), Some(CowType::NeutralityOrNonAggression));
    a.obligations.push(conditional(ObligationType::Defense));
    assert_eq!(a.cow_type(), Some(CowType::DefensePact), "conditions do not lower the type");
    assert_eq!(CowType::DefensePact.as_str(), "I");
    Ok(())
}

#[test]
fn defense_cooperation_needs_two_parties_no_defense_pledge_and_a_framework() -> TestResult {
    let mut a = pact(AgreementKind::DefenseCooperation, &["a", "b"])?;
    assert!(a.is_defense_cooperation());

    // A third party takes it out of DCAD's bilateral population; a depositary does not count.
    let mut three = pact(AgreementKind::DefenseCooperation, &["a", "b", "c"])?;
    assert!(!three.is_defense_cooperation());
    three.parties[2].role = PartyRole::Depositary;
    assert!(three.is_defense_cooperation());

    // A mutual defense pledge makes it an alliance instead.
    a.obligations = vec![conditional(ObligationType::Defense)];
    assert!(!a.is_defense_cooperation());
    a.obligations = vec![Obligation::mutual(ObligationType::Consultation)];
    assert!(a.is_defense_cooperation(), "consultation alone does not exclude it");

    // Single-issue kinds are out whatever they cover; general kinds need a framework area.
    let mut sofa = pact(AgreementKind::StatusOfForces, &["a", "b"])?;
    sofa.cooperation = vec![Cooperation::mutual(CooperationArea::Training)];
    assert!(!sofa.is_defense_cooperation());
    let mut mou = pact(AgreementKind::MemorandumOfUnderstanding, &["a", "b"])?;
    mou.cooperation = vec![Cooperation::mutual(CooperationArea::Basing)];
    assert!(!mou.is_defense_cooperation(), "basing alone is a single issue");
    mou.cooperation.push(Cooperation::mutual(CooperationArea::Exercises));
    assert!(mou.is_defense_cooperation());
    Ok(())
}

#[test]
fn the_table_in_docs_codings_md_matches_the_codings() -> TestResult {
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/codings.md"))?;
    let mut rows = 0;
    for dossier in load_all()? {
        for a in &dossier.agreements {
            let key = format!("| {} / {} |", dossier.id, a.id);
            let Some(line) = doc.lines().find(|l| l.starts_with(&key)) else {
                panic!("docs/codings.md has no row for {}/{}", dossier.id, a.id);
            };
            let cells: Vec<String> =
                line.split('|').map(|c| c.trim().replace("**", "")).filter(|c| !c.is_empty()).collect();
            let atop = a.atop_obligations();
            let yes_no = |b: bool| if b { "yes" } else { "no" };
            let expected = [
                atop.defense.as_str(),
                atop.offense.as_str(),
                atop.neutrality.as_str(),
                atop.nonaggression.as_str(),
                atop.consultation.as_str(),
                a.cow_type().map_or("-", |t| t.as_str()),
                yes_no(a.is_alliance()),
                yes_no(a.is_defense_cooperation()),
            ];
            assert_eq!(cells[1..], expected, "docs/codings.md row for {}/{}", dossier.id, a.id);
            rows += 1;
        }
    }
    assert_eq!(rows, PINNED.len());
    Ok(())
}
