//! Adversarial dossier shapes, each scaled by `n`: the inputs that made validation quadratic or
//! cubic before its indexes, and that must now cost time linear in their size.
//!
//! Shared by `benches/adversarial.rs` (timing at n, 10n, 100n) and `tests/adversarial.rs`
//! (what each shape must report). Every shape is a valid dossier apart from the problems its
//! doc comment names.

#![allow(dead_code)]

use std::fmt::Write;

/// A shape: its name and how to build a document of scale `n`.
pub(crate) struct Shape {
    /// Short name, used as the benchmark id.
    pub name: &'static str,
    /// The document at scale `n`.
    pub build: fn(usize) -> String,
}

/// Every shape.
pub(crate) const SHAPES: &[Shape] = &[
    Shape { name: "parent_chain", build: parent_chain },
    Shape { name: "posts_per_person", build: posts_per_person },
    Shape { name: "signatures_per_agreement", build: signatures_per_agreement },
    Shape { name: "citations_of_one_source", build: citations_of_one_source },
    Shape { name: "cyclic_relations", build: cyclic_relations },
    Shape { name: "parties", build: parties },
    Shape { name: "posts_across_organs", build: posts_across_organs },
];

const HEAD: &str = r#"{"schema_version":"1.1","id":"shape","#;
const SOURCE: &str = r#""sources":[{"id":"s","title":"Source"}]"#;

fn agreement(parties: &str, signatures: &str) -> String {
    format!(
        r#"{{"id":"x","title":"X","kind":"other","parties":[{parties}],"actions":[{{"type":"signature","date":"2000"}}],"signatures":[{signatures}],"citations":[{{"source":"s"}}]}}"#
    )
}

/// n actors in one parent chain (a0 is the root, a(n-1) the deepest organ), one person with a
/// post in the deepest organ, and n signatures by them for the root: each signature's standing
/// used to walk the whole chain. Valid.
pub(crate) fn parent_chain(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":[{"id":"a0","name":"A","kind":"state"},{"id":"b","name":"B","kind":"state"}"#);
    for i in 1..n {
        let _ = write!(s, r#",{{"id":"a{i}","name":"A","kind":"state_organ","parent":"a{}"}}"#, i - 1);
    }
    let _ = write!(
        s,
        r#"],"people":[{{"id":"p","name":"P","posts":[{{"title":"T","organization":"a{}"}}]}},{{"id":"q","name":"Q","posts":[{{"title":"T","organization":"b"}}]}}],"#,
        n - 1
    );
    let sigs: Vec<String> = (0..n).map(|_| r#"{"party":"a0","signer":"p"}"#.to_string()).collect();
    let parties = r#"{"actor":"a0","role":"party"},{"actor":"b","role":"party"}"#;
    let _ = write!(s, r#""agreements":[{}],{SOURCE}}}"#, agreement(parties, &sigs.join(",")));
    s
}

/// One person with n posts, all in another state and dated before the signatures, and n
/// signatures by them for a party they hold no post in: every signature used to scan every
/// post. Reports signer_without_standing n times.
pub(crate) fn posts_per_person(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(
        r#""actors":[{"id":"a","name":"A","kind":"state"},{"id":"b","name":"B","kind":"state"},{"id":"c","name":"C","kind":"state"}],"#,
    );
    s.push_str(r#""people":[{"id":"p","name":"P","posts":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(s, r#"{sep}{{"title":"T","organization":"c","start":"1900","end":"1950"}}"#);
    }
    s.push_str(r#"]},{"id":"q","name":"Q","posts":[{"title":"T","organization":"b"}]}],"#);
    let sigs: Vec<String> = (0..n).map(|_| r#"{"party":"a","signer":"p","date":"2000"}"#.to_string()).collect();
    let parties = r#"{"actor":"a","role":"party"},{"actor":"b","role":"party"},{"actor":"c","role":"party"}"#;
    let _ = write!(s, r#""agreements":[{}],{SOURCE}}}"#, agreement(parties, &sigs.join(",")));
    s
}

/// One agreement with n signatures by n different people, each with a post in their party.
/// Valid.
pub(crate) fn signatures_per_agreement(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":[{"id":"a","name":"A","kind":"state"},{"id":"b","name":"B","kind":"state"}],"people":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let party = if i % 2 == 0 { "a" } else { "b" };
        let _ = write!(s, r#"{sep}{{"id":"p{i}","name":"P","posts":[{{"title":"T","organization":"{party}"}}]}}"#);
    }
    s.push_str("],");
    let sigs: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"party":"{}","signer":"p{i}","date":"2000-01-01"}}"#, if i % 2 == 0 { "a" } else { "b" }))
        .collect();
    let parties = r#"{"actor":"a","role":"party"},{"actor":"b","role":"party"}"#;
    let _ = write!(s, r#""agreements":[{}],{SOURCE}}}"#, agreement(parties, &sigs.join(",")));
    s
}

/// n statements citing one source, each with a locator. Valid.
pub(crate) fn citations_of_one_source(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":[{"id":"a","name":"A","kind":"state"}],"statements":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            s,
            r#"{sep}{{"id":"st{i}","on_behalf_of":["a"],"text":"Words.","mode":"paraphrase","citations":[{{"source":"s","locator":"p. {i}"}}]}}"#
        );
    }
    let _ = write!(s, r#"],{SOURCE}}}"#);
    s
}

/// n agreements, each superseding the next and the last superseding the first (one cycle
/// through all), and n actors in one parent cycle. Reports the cycles.
pub(crate) fn cyclic_relations(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(s, r#"{sep}{{"id":"a{i}","name":"A","kind":"state","parent":"a{}"}}"#, (i + 1) % n);
    }
    s.push_str(r#"],"agreements":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            s,
            r#"{sep}{{"id":"x{i}","title":"X","kind":"other","parties":[{{"actor":"a{i}","role":"party"}},{{"actor":"a{}","role":"party"}}],"related":[{{"relation":"supersedes","agreement":"x{}"}}],"citations":[{{"source":"s"}}]}}"#,
            (i + 1) % n,
            (i + 1) % n
        );
    }
    let _ = write!(s, r#"],{SOURCE}}}"#);
    s
}

/// One agreement with n parties and one defense pledge naming all n as obligors and as
/// beneficiaries. Valid.
pub(crate) fn parties(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(s, r#"{sep}{{"id":"a{i}","name":"A","kind":"state"}}"#);
    }
    let parties: Vec<String> = (0..n).map(|i| format!(r#"{{"actor":"a{i}","role":"party"}}"#)).collect();
    let ids: Vec<String> = (0..n).map(|i| format!(r#""a{i}""#)).collect();
    let _ = write!(
        s,
        r#"],"agreements":[{{"id":"x","title":"X","kind":"defense_pact","parties":[{}],"obligations":[{{"type":"defense","obligors":[{}],"beneficiaries":[{}]}}],"citations":[{{"source":"s"}}]}}],{SOURCE}}}"#,
        parties.join(","),
        ids.join(","),
        ids.join(",")
    );
    s
}

/// n organs of one state, one person with a post in each and a last post in an organ of the
/// party, and n signatures by them for that party: `dossier query`'s signatures section used to
/// ask every post's ancestry for every signature, each asking index every actor (n³). Valid.
pub(crate) fn posts_across_organs(n: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str(r#""actors":[{"id":"a","name":"A","kind":"state"},{"id":"b","name":"B","kind":"state"},"#);
    s.push_str(r#"{"id":"c","name":"C","kind":"state"},{"id":"oa","name":"OA","kind":"state_organ","parent":"a"}"#);
    for i in 0..n {
        let _ = write!(s, r#",{{"id":"o{i}","name":"O","kind":"state_organ","parent":"c"}}"#);
    }
    s.push_str(r#"],"people":[{"id":"p","name":"P","posts":["#);
    for i in 0..n {
        let _ = write!(s, r#"{{"title":"T","organization":"o{i}"}},"#);
    }
    s.push_str(
        r#"{"title":"T","organization":"oa"}]},{"id":"q","name":"Q","posts":[{"title":"T","organization":"b"}]}],"#,
    );
    let sigs: Vec<String> = (0..n).map(|_| r#"{"party":"a","signer":"p"}"#.to_string()).collect();
    let parties = r#"{"actor":"a","role":"party"},{"actor":"b","role":"party"}"#;
    let _ = write!(s, r#""agreements":[{}],{SOURCE}}}"#, agreement(parties, &sigs.join(",")));
    s
}
