//! Candidate duplicates for a person to judge: records of different dossiers that may be one,
//! with the evidence for each pair and a score.
//!
//! Nothing here merges anything: a name is evidence, never identity. A person reads the
//! candidates and records a [`Judgement`](crate::identity::Judgement) in a
//! [`Resolver`]; the merge follows the resolver.
//!
//! People and organizations are compared by name ([`transliteration_key`] folds the spellings
//! romanizations disagree on), then by country and post; agreements by what identifies a
//! signing whatever the title a report gives it: the parties, the signers, the date and the
//! place. Evidence against (another post, a father's name, another signing date or country)
//! lowers the score. What a report does not say is not evidence against: when one report
//! names no signer and the signing days agree, the parties, title, kind and place weigh more
//! ([`Evidence::SignersUnknown`]). Pairs at or above [`DEFAULT_THRESHOLD`] are likely the same.
//!
//! Linear in the records compared: pairs come only from shared blocking keys (name words; for
//! agreements also the parties, the signing date and year, and the signers' names), a key
//! shared by more than [`MAX_BUCKET`] records (a common given name) proposes no pairs by itself,
//! and the slower comparisons (part of a name, a typo) look at a record's first
//! [`MAX_COMPARED`] names only.

mod key;
mod role;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use key::{normalize, transliteration_key};

use crate::actor::Actor;
use crate::agreement::{Agreement, AgreementKind, InstrumentForm};
use crate::dossier::Dossier;
use crate::identity::{self, Decision, IdentityKey, RecordKey, RecordKind, Resolver};
use crate::ids::RecordId;
use crate::person::Person;
use crate::values::CountryCode;

/// A blocking key shared by more records than this proposes no pairs on its own.
pub const MAX_BUCKET: usize = 64;

/// How many of a record's names (and an agreement's signers and dates) the pairwise comparisons
/// look at; equal names and keys are found among all of them.
pub const MAX_COMPARED: usize = 16;

/// The score at or above which a pair is likely one record: the threshold the figures of the
/// labelled set (`tests/fixtures/xref/`) are measured at.
pub const DEFAULT_THRESHOLD: u32 = 65;

/// Titles longer than this many words are not searched for another title inside them
/// ([`Evidence::InstrumentUnder`]); the longest real treaty titles have about 40.
pub const MAX_TITLE_WORDS: usize = 64;

/// Signing dates at most this many days apart are near ([`Evidence::NearDate`]), not different.
pub const NEAR_DAYS: u32 = 7;

/// Why a pair is proposed, or what speaks against it. Read back from the JSON it writes (a
/// saved candidate list, a Python pickle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// A name of one equals a name of the other once normalized (word order aside).
    SameName {
        /// The name in the left record.
        left: String,
        /// The name in the right record.
        right: String,
    },
    /// The names differ only in transliteration (Bagheri / Baqeri).
    Transliteration {
        /// The name in the left record.
        left: String,
        /// The name in the right record.
        right: String,
        /// The key both share.
        key: String,
    },
    /// Every word of the shorter name is in the longer (Abdullah Ayoub / Ali Abdullah Ayyoub).
    PartOfName {
        /// The name in the left record.
        left: String,
        /// The name in the right record.
        right: String,
    },
    /// The names differ in one letter of one long word, as a typo does (Kihira / Kihara).
    NearName {
        /// The name in the left record.
        left: String,
        /// The name in the right record.
        right: String,
    },
    /// One name is a single word (four letters at least) of the other (Marcos / Ferdinand
    /// Marcos Jr.).
    OneWordOfName {
        /// The name in the left record.
        left: String,
        /// The name in the right record.
        right: String,
    },
    /// Both signed, for the same party, agreements that are likely one.
    SignedTogether {
        /// The left agreement.
        agreement: RecordKey,
    },
    /// One title names a different kind of instrument (a communique, a declaration, a
    /// memorandum) than the other (a treaty, an agreement, a pact).
    DifferentInstrument {
        /// The left title's instrument.
        left: String,
        /// The right title's instrument.
        right: String,
    },
    /// Both belong to the same country.
    SameCountry {
        /// The country.
        country: CountryCode,
    },
    /// Both hold a post of the same role (people): "Defence Minister" / "Minister of Defense".
    SamePost {
        /// The role, as [`xref`](self) keys it (`minister:defense`).
        title: String,
    },
    /// Both hold posts, of different roles: the king is not the crown prince.
    DifferentPost {
        /// The left record's roles.
        left: String,
        /// The right record's roles.
        right: String,
    },
    /// One's father is named by the other's given name ("Mohammed bin Salman" / "Salman …").
    FamilyRelation {
        /// The name naming the father.
        child: String,
        /// The name of the father.
        parent: String,
    },
    /// Both carry a date that is the same (a post's start, a signature, a founding).
    SameDate {
        /// The date.
        date: String,
    },
    /// Both agreements are dated as signed, on different days.
    DifferentDate {
        /// The left agreement's signing dates.
        left: String,
        /// The right agreement's signing dates.
        right: String,
    },
    /// Both agreements are dated as signed on days at most [`NEAR_DAYS`] apart: as one
    /// report's slip of a day or a time zone does ("signed this afternoon" in one report, "said
    /// on Wednesday" in another, the day before). It speaks against the pair less than [`Evidence::DifferentDate`].
    NearDate {
        /// The left agreement's signing dates.
        left: String,
        /// The right agreement's signing dates.
        right: String,
        /// How many days apart, at least.
        days: u32,
    },
    /// The signing dates are given at different precision and fit each other (`2023-01` and
    /// `2023-01-12`; "on or before" `../2023-05-22` and `2023-05-22`, a day at most 31 days
    /// before the open date's end): weak evidence for.
    CompatibleDate {
        /// The left agreement's date.
        left: String,
        /// The right agreement's date.
        right: String,
    },
    /// One title names another instrument made under, to or of the other's whole title
    /// ("Protocol to the North Atlantic Treaty …" / "North Atlantic Treaty"; "Agreement under
    /// Article VI of the Treaty of Mutual Cooperation and Security" / that treaty): two
    /// instruments, whatever the parties, signers and day share.
    InstrumentUnder {
        /// The title naming the other.
        title: String,
        /// The title it names.
        names: String,
    },
    /// Both agreements are of the same kind (a defense pact, a status of forces agreement …).
    SameKind {
        /// The kind, as the dossier writes it (`status_of_forces`).
        kind: String,
    },
    /// Neither report, or only one, names a signer for a party both list, and the signing days
    /// agree (the same, or compatible): the signers can speak neither for nor against, so the
    /// parties, the title, the kind and the place weigh half as much again, and `gain` is what
    /// they gain. A missing signer is not evidence against, nor does it stand for a match.
    SignersUnknown {
        /// What the parties, title, kind and place gain.
        gain: u32,
    },
    /// Both agreements have the same parties (by external identity).
    SameParties,
    /// Signers of both agreements, for the same party, have matching names.
    SameSigners {
        /// The matching signers, as the left agreement names them.
        signers: Vec<String>,
    },
    /// Both agreements were signed at a place of the same name.
    SamePlace {
        /// The place, normalized.
        place: String,
    },
    /// Both agreements were signed in places of different countries.
    DifferentPlace {
        /// The left agreement's signing countries.
        left: String,
        /// The right agreement's signing countries.
        right: String,
    },
    /// The agreements' titles are equal once normalized or transliterated.
    SameTitle {
        /// The title of the left agreement.
        left: String,
        /// The title of the right agreement.
        right: String,
    },
    /// Every word of one agreement's title is in the other's ("Military cooperation agreement
    /// between Iran and Syria" / "Comprehensive agreement on military cooperation …").
    TitleWithin {
        /// The title of the left agreement.
        left: String,
        /// The title of the right agreement.
        right: String,
    },
    /// The agreements' titles share distinctive words ("Pukpuk", "reciprocal access").
    TitleWords {
        /// The shared words, as keys.
        words: Vec<String>,
    },
}

impl Evidence {
    /// What the evidence adds to a pair's score (or, when negative, takes from it), out of 100.
    pub fn weight(&self) -> i32 {
        match self {
            Self::SameName { .. } => 60,
            Self::Transliteration { .. } => 55,
            Self::PartOfName { .. } => 40,
            Self::NearName { .. } => 35,
            Self::OneWordOfName { .. } => 30,
            Self::SignedTogether { .. } => 20,
            Self::DifferentInstrument { .. } => -35,
            Self::SameCountry { .. } => 15,
            Self::SamePost { .. } => 20,
            Self::DifferentPost { .. } => -25,
            Self::FamilyRelation { .. } => -40,
            Self::SameDate { .. } => 15,
            Self::DifferentDate { .. } => -30,
            Self::NearDate { .. } => -15,
            Self::InstrumentUnder { .. } => -45,
            Self::CompatibleDate { .. } => 5,
            Self::SameKind { .. } => 5,
            // Never more than a whole score, whatever a hand-written JSON says.
            Self::SignersUnknown { gain } => i32::try_from((*gain).min(100)).unwrap_or(100),
            Self::SameParties => 30,
            Self::SameSigners { signers } => {
                if signers.len() >= 2 {
                    35
                } else {
                    20
                }
            }
            Self::SamePlace { .. } => 10,
            Self::DifferentPlace { .. } => -20,
            Self::SameTitle { .. } => 20,
            Self::TitleWithin { .. } => 15,
            Self::TitleWords { .. } => 10,
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SameName { left, right } => write!(f, "same name: '{left}' = '{right}'"),
            Self::Transliteration { left, right, key } => {
                write!(f, "transliteration: '{left}' ~ '{right}' (key '{key}')")
            }
            Self::PartOfName { left, right } => write!(f, "part of name: '{left}' ~ '{right}'"),
            Self::NearName { left, right } => write!(f, "near name: '{left}' ~ '{right}'"),
            Self::OneWordOfName { left, right } => write!(f, "one word of name: '{left}' ~ '{right}'"),
            Self::SignedTogether { agreement } => write!(f, "signed together: {agreement}"),
            Self::DifferentInstrument { left, right } => write!(f, "different instrument: {left} / {right}"),
            Self::SameCountry { country } => write!(f, "same country: {country}"),
            Self::SamePost { title } => write!(f, "same post: {title}"),
            Self::DifferentPost { left, right } => write!(f, "different post: {left} / {right}"),
            Self::FamilyRelation { child, parent } => write!(f, "family relation: '{child}' names '{parent}'"),
            Self::SameDate { date } => write!(f, "same date: {date}"),
            Self::DifferentDate { left, right } => write!(f, "different signing date: {left} / {right}"),
            Self::NearDate { left, right, days } => {
                write!(f, "near signing date: {left} / {right} ({days} days apart)")
            }
            Self::CompatibleDate { left, right } => write!(f, "compatible date: {left} ~ {right}"),
            Self::SameKind { kind } => write!(f, "same kind: {kind}"),
            Self::InstrumentUnder { title, names } => write!(f, "instrument under another: '{title}' names '{names}'"),
            Self::SignersUnknown { gain } => {
                write!(f, "signers unknown: parties, title, kind and place weigh more (+{gain})")
            }
            Self::SameParties => f.write_str("same parties"),
            Self::SameSigners { signers } => write!(f, "same signers: {}", signers.join(", ")),
            Self::SamePlace { place } => write!(f, "same place: {place}"),
            Self::DifferentPlace { left, right } => write!(f, "different signing country: {left} / {right}"),
            Self::SameTitle { left, right } => write!(f, "same title: '{left}' ~ '{right}'"),
            Self::TitleWithin { left, right } => write!(f, "title within: '{left}' ~ '{right}'"),
            Self::TitleWords { words } => write!(f, "title words: {}", words.join(", ")),
        }
    }
}

/// A pair of records that may be one, for a person to judge. Read back from the JSON it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Candidate {
    /// One record (of the dossier given first).
    pub left: RecordKey,
    /// The other.
    pub right: RecordKey,
    /// How likely they are one, 0–100: the sum of the evidence's weights, within 0 and 100.
    pub score: u32,
    /// Why (and what speaks against).
    pub evidence: Vec<Evidence>,
}

/// A name as xref compares it.
#[derive(Debug)]
struct NameForm {
    /// As written.
    name: String,
    /// Normalized words, sorted: word order aside (Kamikawa Yoko / Yoko Kamikawa).
    plain: String,
    /// Normalized words, in order.
    plain_words: Vec<String>,
    /// Key words in order, without the patronym markers.
    tokens: Vec<String>,
    /// Key words, sorted, joined.
    key: String,
    /// The names following `bin`/`ibn`: whose child this is.
    fathers: Vec<String>,
}

impl NameForm {
    fn new(name: &str) -> Self {
        let plain_words: Vec<String> = normalize(name).split(' ').map(str::to_owned).collect();
        let mut plain = plain_words.clone();
        plain.sort();
        let all = key::key_tokens(name);
        let fathers = all.windows(2).filter(|w| key::is_patronym_marker(&w[0])).map(|w| w[1].clone()).collect();
        let tokens: Vec<String> = all.into_iter().filter(|t| !key::is_patronym_marker(t)).collect();
        let mut sorted = tokens.clone();
        sorted.sort();
        sorted.dedup();
        Self { name: name.to_owned(), plain: plain.join(" "), plain_words, tokens, key: sorted.join(" "), fathers }
    }

    fn given(&self) -> Option<&str> {
        self.tokens.first().map(String::as_str)
    }
}

/// How well two names match, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameMatch {
    Word,
    Near,
    Part,
    Transliteration,
    Same,
}

fn name_match(a: &NameForm, b: &NameForm) -> Option<NameMatch> {
    if a.key.is_empty() || b.key.is_empty() {
        return None;
    }
    if a.plain == b.plain {
        return Some(NameMatch::Same);
    }
    if a.key == b.key {
        return Some(NameMatch::Transliteration);
    }
    let (sa, sb): (BTreeSet<&str>, BTreeSet<&str>) =
        (a.tokens.iter().map(String::as_str).collect(), b.tokens.iter().map(String::as_str).collect());
    let (short, long) = if sa.len() <= sb.len() { (&sa, &sb) } else { (&sb, &sa) };
    if short.len() >= 2 && short.is_subset(long) {
        return Some(NameMatch::Part);
    }
    // A report that names someone by one word only ("Minister Kamikawa", "Marcos").
    if short.len() == 1 && long.len() >= 2 && short.is_subset(long) && short.iter().all(|w| w.len() >= 4) {
        return Some(NameMatch::Word);
    }
    // One long word apart by a typo, the others shared.
    let (ra, rb): (Vec<&&str>, Vec<&&str>) = (sa.difference(&sb).collect(), sb.difference(&sa).collect());
    let common = sa.len() - ra.len();
    if common >= 1 && ra.len() == 1 && rb.len() == 1 {
        let (x, y) = (ra[0], rb[0]);
        if x.len() >= 5 && y.len() >= 5 && key::one_edit_apart(x, y) {
            return Some(NameMatch::Near);
        }
    }
    None
}

/// The best name evidence between two lists of names.
fn best_name(a: &[NameForm], b: &[NameForm], a_keys: &NameIndex, b_keys: &NameIndex) -> Option<Evidence> {
    // Equal names and keys among all names, by lookup; the rest among the first few.
    let (small, large, flipped) =
        if a_keys.plain.len() <= b_keys.plain.len() { (a_keys, b_keys, false) } else { (b_keys, a_keys, true) };
    let oriented = |x: usize, y: usize| if flipped { (&a[y], &b[x]) } else { (&a[x], &b[y]) };
    if let Some((x, y)) = small.plain.iter().find_map(|(k, &x)| large.plain.get(k).map(|&y| (x, y))) {
        let (l, r) = oriented(x, y);
        return Some(Evidence::SameName { left: l.name.clone(), right: r.name.clone() });
    }
    if let Some((x, y)) = small.key.iter().find_map(|(k, &x)| large.key.get(k).map(|&y| (x, y))) {
        let (l, r) = oriented(x, y);
        return Some(Evidence::Transliteration { left: l.name.clone(), right: r.name.clone(), key: l.key.clone() });
    }
    let mut best: Option<(NameMatch, &NameForm, &NameForm)> = None;
    for x in a.iter().take(MAX_COMPARED) {
        for y in b.iter().take(MAX_COMPARED) {
            if let Some(m) = name_match(x, y) {
                if best.as_ref().is_none_or(|(b, _, _)| m > *b) {
                    best = Some((m, x, y));
                }
            }
        }
    }
    let (m, l, r) = best?;
    let (left, right) = (l.name.clone(), r.name.clone());
    Some(match m {
        NameMatch::Same => Evidence::SameName { left, right },
        NameMatch::Transliteration => Evidence::Transliteration { left, right, key: l.key.clone() },
        NameMatch::Part => Evidence::PartOfName { left, right },
        NameMatch::Near => Evidence::NearName { left, right },
        NameMatch::Word => Evidence::OneWordOfName { left, right },
    })
}

/// A record's names by their normalized form and by their key, for lookups.
#[derive(Debug, Default)]
struct NameIndex {
    plain: BTreeMap<String, usize>,
    key: BTreeMap<String, usize>,
}

impl NameIndex {
    fn new(names: &[NameForm]) -> Self {
        let mut index = Self::default();
        for (i, n) in names.iter().enumerate() {
            if !n.key.is_empty() {
                index.plain.entry(n.plain.clone()).or_insert(i);
                index.key.entry(n.key.clone()).or_insert(i);
            }
        }
        index
    }
}

/// A signer of an agreement: the party (by identity) and the signer's names.
#[derive(Debug)]
struct Signer {
    party: String,
    person: Option<RecordKey>,
    names: Vec<NameForm>,
}

/// What xref knows of one record.
#[derive(Debug)]
struct Entry {
    key: RecordKey,
    names: Vec<NameForm>,
    index: NameIndex,
    countries: BTreeSet<CountryCode>,
    roles: BTreeSet<String>,
    dates: BTreeSet<String>,
    identities: Vec<IdentityKey>,
    actor_kind: Option<crate::actor::ActorKind>,
    agreement: Option<AgreementFacts>,
}

/// What identifies a signing, for agreements.
#[derive(Debug, Default)]
struct AgreementFacts {
    parties: Vec<String>,
    /// The key words of the parties' names, which say nothing of which agreement it is.
    party_words: BTreeSet<String>,
    signers: Vec<Signer>,
    places: BTreeSet<String>,
    place_countries: BTreeSet<CountryCode>,
    /// The parties some signer signed for.
    signer_parties: BTreeSet<String>,
    kind: Option<AgreementKind>,
    form: Option<InstrumentForm>,
}

/// Proposes likely duplicates among the actors, people and agreements of different dossiers,
/// best first. Pairs that already share an external identifier (they merge without help), that
/// carry different identifiers of one scheme, or that the resolver has judged are left out, as
/// are pairs whose evidence against outweighs the evidence for.
pub fn candidates(dossiers: &[&Dossier], resolver: Option<&Resolver>) -> Vec<Candidate> {
    let judged = resolver.map(Resolver::index).unwrap_or_default();
    let mut entries = Vec::new();
    for d in dossiers {
        collect(d, &mut entries);
    }
    let mut buckets: HashMap<(RecordKind, String), Vec<usize>> = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        for k in blocking_keys(e) {
            buckets.entry((e.key.kind, k)).or_default().push(i);
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut signed_together: HashMap<(RecordKey, RecordKey), RecordKey> = HashMap::new();
    // Buckets in any order: every pair is compared once whichever bucket finds it, and the
    // result is sorted at the end.
    for bucket in buckets.values() {
        if bucket.len() > MAX_BUCKET {
            continue;
        }
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                let (a, b) = (&entries[i], &entries[j]);
                if a.key.dossier == b.key.dossier || !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                if judged.contains_key(&identity::ordered(&a.key, &b.key)) {
                    continue;
                }
                let (a, b) = if i <= j { (a, b) } else { (b, a) };
                if let Some(c) = compare(a, b) {
                    if let (Some(x), Some(y), true) = (&a.agreement, &b.agreement, c.score >= DEFAULT_THRESHOLD) {
                        for pair in signer_pairs(x, y) {
                            // The least agreement, so that the evidence does not depend on order.
                            let least = signed_together.entry(pair).or_insert_with(|| c.left.clone());
                            if c.left < *least {
                                *least = c.left.clone();
                            }
                        }
                    }
                    out.push(c);
                }
            }
        }
    }
    // People who signed one agreement for one party are likelier one.
    for c in out.iter_mut().filter(|c| c.left.kind == RecordKind::Person) {
        if let Some(agreement) = signed_together.get(&identity::ordered(&c.left, &c.right)) {
            c.evidence.push(Evidence::SignedTogether { agreement: agreement.clone() });
            c.score = score(&c.evidence);
        }
    }
    out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| (&x.left, &x.right).cmp(&(&y.left, &y.right))));
    out
}

/// The keys a record is filed under: only records sharing one are compared.
fn blocking_keys(e: &Entry) -> HashSet<String> {
    let mut keys = HashSet::new();
    let words = |names: &[NameForm], prefix: &str, keys: &mut HashSet<String>| {
        for n in names {
            keys.extend(n.tokens.iter().filter(|t| t.len() >= 3).map(|t| format!("{prefix}{t}")));
        }
    };
    match &e.agreement {
        None => words(&e.names, "", &mut keys),
        Some(a) => {
            // Titles differ between reports: the parties, dates and signers file them too.
            for n in &e.names {
                keys.extend(title_words(n).into_iter().map(|t| format!("title:{t}")));
            }
            if !a.parties.is_empty() {
                let parties = a.parties.join("+");
                keys.insert(format!("parties:{parties}"));
                for d in &e.dates {
                    keys.insert(format!("parties:{parties}:{d}"));
                    keys.insert(format!("parties:{parties}:{}", d.get(..4).unwrap_or(d)));
                }
            }
            for s in &a.signers {
                words(&s.names, "signer:", &mut keys);
            }
        }
    }
    keys
}

/// The distinctive words of a title: key words of four letters or more that are not what any
/// agreement's title says (agreement, treaty, defense, cooperation …).
fn title_words(title: &NameForm) -> BTreeSet<String> {
    static GENERIC: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    let generic = GENERIC.get_or_init(|| {
        [
            "agreement",
            "treaty",
            "treaties",
            "pact",
            "deal",
            "defense",
            "defence",
            "cooperation",
            "mutual",
            "partnership",
            "strategic",
            "comprehensive",
            "between",
            "military",
            "security",
            "national",
            "from",
            "with",
            "countries",
            "document",
            "accord",
            "memorandum",
            "understanding",
            "joint",
            "declaration",
            "framework",
        ]
        .iter()
        .flat_map(|w| key::key_tokens(w))
        .collect()
    });
    title.tokens.iter().filter(|t| t.len() >= 4 && !generic.contains(*t)).cloned().collect()
}

/// Candidates with `same` judgements that a person accepts wholesale (for scripts and tests):
/// every candidate at or above `min_score`, judged `same` by `who` on `day`.
pub fn accept(candidates: &[Candidate], min_score: u32, who: &str, day: crate::values::EdtfDate) -> Resolver {
    let mut r = Resolver::new();
    for c in candidates.iter().filter(|c| c.score >= min_score) {
        let reason = c.evidence.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        r.push(
            crate::identity::Judgement::new(c.left.clone(), c.right.clone(), Decision::Same, who, day).because(reason),
        );
    }
    r
}

fn compare(a: &Entry, b: &Entry) -> Option<Candidate> {
    if a.actor_kind != b.actor_kind || identities_decide(&a.identities, &b.identities) {
        return None;
    }
    let evidence = match (&a.agreement, &b.agreement) {
        (Some(x), Some(y)) => agreement_evidence(a, b, x, y)?,
        _ => party_evidence(a, b)?,
    };
    // A pair whose evidence against outweighs the evidence for is not worth a reader's time.
    let score = Some(score(&evidence)).filter(|s| *s > 0)?;
    Some(Candidate { left: a.key.clone(), right: b.key.clone(), score, evidence })
}

/// Whether two records' identifiers already decide the pair: they share one (they merge without
/// help) or hold different values of one scheme. Both lists are sorted; the shorter is walked
/// and the longer searched, so a record with many identifiers costs no more per pair.
fn identities_decide(a: &[IdentityKey], b: &[IdentityKey]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|k| {
        let from = long.partition_point(|o| o.scheme < k.scheme);
        let until = long.partition_point(|o| o.scheme <= k.scheme);
        // Any identifier of the same scheme decides: the same value, or a clash.
        from < until
    })
}

/// The sum of the evidence's weights, within 0 and 100.
fn score(evidence: &[Evidence]) -> u32 {
    u32::try_from(evidence.iter().map(Evidence::weight).sum::<i32>().clamp(0, 100)).unwrap_or(0)
}

/// Evidence between two people or two actors: a name first, then country, post and family.
fn party_evidence(a: &Entry, b: &Entry) -> Option<Vec<Evidence>> {
    let mut evidence = vec![best_name(&a.names, &b.names, &a.index, &b.index)?];
    if let Some(&country) = a.countries.intersection(&b.countries).next() {
        evidence.push(Evidence::SameCountry { country });
    }
    if let Some(title) = a.roles.intersection(&b.roles).next() {
        evidence.push(Evidence::SamePost { title: title.clone() });
    } else if !a.roles.is_empty() && !b.roles.is_empty() {
        let list = |r: &BTreeSet<String>| r.iter().cloned().collect::<Vec<_>>().join(", ");
        evidence.push(Evidence::DifferentPost { left: list(&a.roles), right: list(&b.roles) });
    }
    if let Some((child, parent)) = family(&a.names, &b.names).or_else(|| family(&b.names, &a.names)) {
        evidence.push(Evidence::FamilyRelation { child, parent });
    }
    if let Some(date) = a.dates.intersection(&b.dates).next() {
        evidence.push(Evidence::SameDate { date: date.clone() });
    }
    Some(evidence)
}

/// A name of `children` whose father (`bin X`) is the given name of a name of `parents`.
fn family(children: &[NameForm], parents: &[NameForm]) -> Option<(String, String)> {
    for c in children.iter().take(MAX_COMPARED).filter(|c| !c.fathers.is_empty()) {
        for p in parents.iter().take(MAX_COMPARED) {
            if p.given().is_some_and(|g| c.fathers.iter().any(|f| f == g)) && c.given() != p.given() {
                return Some((c.name.clone(), p.name.clone()));
            }
        }
    }
    None
}

/// Evidence between two agreements: parties, signers, date and place, then title.
fn agreement_evidence(a: &Entry, b: &Entry, x: &AgreementFacts, y: &AgreementFacts) -> Option<Vec<Evidence>> {
    let mut evidence = Vec::new();
    if !x.parties.is_empty() && x.parties == y.parties {
        evidence.push(Evidence::SameParties);
    }
    let signers = same_signers(x, y);
    if !signers.is_empty() {
        evidence.push(Evidence::SameSigners { signers });
    }
    // The signers say nothing when one report names none for a party both list.
    let signers_unknown = !x.signers.iter().take(MAX_COMPARED).any(|s| y.signer_parties.contains(&s.party));
    if let Some(date) = a.dates.intersection(&b.dates).next() {
        evidence.push(Evidence::SameDate { date: date.clone() });
    } else if !a.dates.is_empty() && !b.dates.is_empty() {
        let list = |d: &BTreeSet<String>| d.iter().cloned().collect::<Vec<_>>().join(", ");
        match date_fit(&a.dates, &b.dates) {
            DateFit::Fits(l, r) => evidence.push(Evidence::CompatibleDate { left: l, right: r }),
            DateFit::Near(days) => {
                evidence.push(Evidence::NearDate { left: list(&a.dates), right: list(&b.dates), days });
            }
            DateFit::Apart => evidence.push(Evidence::DifferentDate { left: list(&a.dates), right: list(&b.dates) }),
            DateFit::Unknown => {}
        }
    }
    if let Some(kind) = x.kind.filter(|k| Some(*k) == y.kind && *k != AgreementKind::Other) {
        evidence.push(Evidence::SameKind { kind: kind.as_str().to_owned() });
    }
    if let Some(place) = x.places.intersection(&y.places).next() {
        evidence.push(Evidence::SamePlace { place: place.clone() });
    } else if !x.place_countries.is_empty()
        && !y.place_countries.is_empty()
        && x.place_countries.is_disjoint(&y.place_countries)
    {
        let list = |c: &BTreeSet<CountryCode>| c.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        evidence.push(Evidence::DifferentPlace { left: list(&x.place_countries), right: list(&y.place_countries) });
    }
    let (mut ia, mut ib) = (instruments(&a.names), instruments(&b.names));
    ia.extend(x.form.and_then(instrument_of_form));
    ib.extend(y.form.and_then(instrument_of_form));
    if !ia.is_empty() && !ib.is_empty() && ia.is_disjoint(&ib) {
        let list = |s: &BTreeSet<&str>| s.iter().copied().collect::<Vec<_>>().join(", ");
        evidence.push(Evidence::DifferentInstrument { left: list(&ia), right: list(&ib) });
    }
    if let Some((title, names)) = instrument_under(&a.names, &b.names).or_else(|| instrument_under(&b.names, &a.names))
    {
        evidence.push(Evidence::InstrumentUnder { title, names });
    }
    // Only parties or signers make two agreements comparable; a title alone does not.
    if evidence.iter().all(|e| !matches!(e, Evidence::SameParties | Evidence::SameSigners { .. })) {
        return None;
    }
    match best_name(&a.names, &b.names, &a.index, &b.index) {
        Some(Evidence::SameName { left, right } | Evidence::Transliteration { left, right, .. }) => {
            evidence.push(Evidence::SameTitle { left, right });
        }
        Some(Evidence::PartOfName { left, right }) => evidence.push(Evidence::TitleWithin { left, right }),
        _ => {
            let words = |e: &Entry, f: &AgreementFacts| -> BTreeSet<String> {
                let all = e.names.iter().take(MAX_COMPARED).flat_map(title_words);
                all.filter(|w| !f.party_words.contains(w)).collect()
            };
            let shared: Vec<String> = words(a, x).intersection(&words(b, y)).cloned().collect();
            if !shared.is_empty() {
                evidence.push(Evidence::TitleWords { words: shared });
            }
        }
    }
    // The title and parties stand in for the signers only when the days agree too: without a
    // signer and a day, distinct agreements between the same parties share what is left.
    let days_agree = evidence.iter().any(|e| matches!(e, Evidence::SameDate { .. } | Evidence::CompatibleDate { .. }));
    if signers_unknown && days_agree {
        let stand_ins: i32 = evidence
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Evidence::SameParties
                        | Evidence::SameTitle { .. }
                        | Evidence::TitleWithin { .. }
                        | Evidence::TitleWords { .. }
                        | Evidence::SameKind { .. }
                        | Evidence::SamePlace { .. }
                )
            })
            .map(Evidence::weight)
            .sum();
        let gain = u32::try_from(stand_ins / 2).unwrap_or(0);
        if gain > 0 {
            evidence.push(Evidence::SignersUnknown { gain });
        }
    }
    Some(evidence)
}

/// The kind of instrument a record's form is, in the classes title words give
/// ([`instruments`]).
fn instrument_of_form(form: InstrumentForm) -> Option<&'static str> {
    Some(match form {
        InstrumentForm::Treaty
        | InstrumentForm::Convention
        | InstrumentForm::Agreement
        | InstrumentForm::Arrangement
        | InstrumentForm::Charter => "treaty",
        InstrumentForm::JointCommunique => "communique",
        InstrumentForm::JointDeclaration => "declaration",
        InstrumentForm::MemorandumOfUnderstanding => "memorandum",
        InstrumentForm::Protocol => "protocol",
        InstrumentForm::ExchangeOfNotes => "exchange of notes",
        _ => return None,
    })
}

/// A title of `longer` that holds a whole title of `shorter` (two words at least) after an
/// instrument word of its own: "Protocol to the North Atlantic Treaty" holds "North Atlantic
/// Treaty" after "protocol". Titles are compared by normalized words, among the first few, and
/// only titles of at most [`MAX_TITLE_WORDS`] words (a real title has fewer), so that the
/// search stays bounded per pair.
fn instrument_under(longer: &[NameForm], shorter: &[NameForm]) -> Option<(String, String)> {
    let fits = |n: &&NameForm| n.plain_words.len() <= MAX_TITLE_WORDS;
    for l in longer.iter().take(MAX_COMPARED).filter(fits) {
        for s in shorter.iter().take(MAX_COMPARED).filter(fits).filter(|s| s.plain_words.len() >= 2) {
            let (lw, sw) = (&l.plain_words, &s.plain_words);
            if lw.len() <= sw.len() {
                continue;
            }
            let at = lw.windows(sw.len()).position(|w| w == sw.as_slice());
            let named_first = at.is_some_and(|at| lw[..at].iter().any(|w| is_instrument_word(w)));
            if named_first {
                return Some((l.name.clone(), s.name.clone()));
            }
        }
    }
    None
}

fn is_instrument_word(word: &str) -> bool {
    matches!(
        word,
        "treaty"
            | "agreement"
            | "pact"
            | "accord"
            | "convention"
            | "protocol"
            | "memorandum"
            | "mou"
            | "communique"
            | "declaration"
            | "statement"
            | "arrangement"
            | "annex"
            | "amendment"
            | "exchange"
    )
}

/// The kinds of instrument titles name: the first instrument word of each. News calls one
/// treaty a treaty, an agreement, a pact or a deal, but a communique is not a treaty.
fn instruments(titles: &[NameForm]) -> BTreeSet<&'static str> {
    titles
        .iter()
        .take(MAX_COMPARED)
        .filter_map(|t| {
            t.plain_words.iter().find_map(|w| {
                Some(match w.as_str() {
                    "treaty" | "agreement" | "pact" | "deal" | "accord" | "convention" | "alliance" => "treaty",
                    "communique" => "communique",
                    "declaration" => "declaration",
                    "memorandum" | "mou" => "memorandum",
                    "statement" => "statement",
                    "protocol" => "protocol",
                    _ => return None,
                })
            })
        })
        .collect()
}

/// How many days before an open "on or before" date's end a day must fall for the two to be
/// evidence of one signing.
const RECENT_DAYS: i64 = 31;

/// How two agreements' signing dates (none equal) relate.
enum DateFit {
    /// Some date of one may be a day of the other, at a different precision: these two.
    Fits(String, String),
    /// None may share a day; the nearest are this many days apart, at most [`NEAR_DAYS`].
    Near(u32),
    /// None may share a day, nor comes near.
    Apart,
    /// The dates could not be read.
    Unknown,
}

/// Whether some date of one may be a day of the other (`2025-01` and `2025-01-17`; an open
/// `../2020-07-10`, "on or before", and `2020-07-08`), else how near they come: only dates
/// that cannot share a day differ. Two open "on or before" dates fit without telling anything,
/// so they are no evidence.
fn date_fit(a: &BTreeSet<String>, b: &BTreeSet<String>) -> DateFit {
    use crate::values::EdtfDate;
    fn parse(d: &BTreeSet<String>) -> Vec<(&String, EdtfDate)> {
        d.iter().take(MAX_COMPARED).filter_map(|s| s.parse().ok().map(|e| (s, e))).collect()
    }
    let (pa, pb) = (parse(a), parse(b));
    if pa.is_empty() || pb.is_empty() {
        return DateFit::Unknown;
    }
    let mut nearest: Option<i64> = None;
    let mut open_fit = false;
    for (sx, x) in &pa {
        for (sy, y) in &pb {
            if !x.is_definitely_before(y) && !y.is_definitely_before(x) {
                // An open "on or before" fits every earlier day: it tells only of a day shortly
                // before its end (a report's publication), as news of a signing does.
                let bounded = |d: &EdtfDate| d.earliest().is_some() && d.latest().is_some();
                let recent = |open: &EdtfDate, day: &EdtfDate| match (open.latest(), day.earliest()) {
                    (Some(end), Some(first)) => (end - first).num_days() <= RECENT_DAYS,
                    _ => false,
                };
                let tells = match (bounded(x), bounded(y)) {
                    (true, true) => true,
                    (true, false) => recent(y, x),
                    (false, true) => recent(x, y),
                    (false, false) => false,
                };
                if tells {
                    return DateFit::Fits((*sx).clone(), (*sy).clone());
                }
                open_fit = true;
                continue;
            }
            // Days from the end of the earlier to the start of the later.
            let gap = match (x.latest(), y.earliest(), y.latest(), x.earliest()) {
                (Some(xl), Some(ye), _, _) if xl < ye => Some((ye - xl).num_days()),
                (_, _, Some(yl), Some(xe)) if yl < xe => Some((xe - yl).num_days()),
                _ => None,
            };
            if let Some(g) = gap {
                nearest = Some(nearest.map_or(g, |n| n.min(g)));
            }
        }
    }
    match nearest {
        _ if open_fit => DateFit::Unknown,
        Some(days) if days <= i64::from(NEAR_DAYS) => DateFit::Near(u32::try_from(days).unwrap_or(NEAR_DAYS)),
        _ => DateFit::Apart,
    }
}

/// The people who signed both agreements for the same party, as pairs of records.
fn signer_pairs(x: &AgreementFacts, y: &AgreementFacts) -> Vec<(RecordKey, RecordKey)> {
    let mut out = Vec::new();
    for s in x.signers.iter().take(MAX_COMPARED) {
        for t in y.signers.iter().take(MAX_COMPARED).filter(|t| t.party == s.party) {
            let named = s
                .names
                .iter()
                .take(MAX_COMPARED)
                .any(|m| t.names.iter().take(MAX_COMPARED).any(|n| name_match(m, n).is_some()));
            if let (true, Some(p), Some(q)) = (named, &s.person, &t.person) {
                out.push(identity::ordered(p, q));
            }
        }
    }
    out
}

/// The signers of `x` whose names match a signer of `y` for the same party.
fn same_signers(x: &AgreementFacts, y: &AgreementFacts) -> Vec<String> {
    let mut out = Vec::new();
    for s in x.signers.iter().take(MAX_COMPARED) {
        let matched = y.signers.iter().take(MAX_COMPARED).filter(|t| t.party == s.party).any(|t| {
            s.names
                .iter()
                .take(MAX_COMPARED)
                .any(|m| t.names.iter().take(MAX_COMPARED).any(|n| name_match(m, n).is_some()))
        });
        if matched {
            if let Some(n) = s.names.first() {
                if !out.contains(&n.name) {
                    out.push(n.name.clone());
                }
            }
        }
    }
    out
}

fn collect(d: &Dossier, out: &mut Vec<Entry>) {
    let key = |kind, id: &str| RecordId::new(id).ok().map(|id| RecordKey::new(d.id.clone(), kind, id));
    let actor_country: HashMap<&str, CountryCode> =
        d.actors.iter().filter_map(|a| a.country.map(|c| (a.id.as_str(), c))).collect();
    // A party by its ISO code when it is a state, else by its normalized name.
    let party: HashMap<&str, String> = d
        .actors
        .iter()
        .map(|a| {
            let keys = identity::actor_keys(a);
            let iso = keys.iter().find(|k| k.scheme == identity::ISO_SCHEME).map(|k| k.value.clone());
            (a.id.as_str(), iso.unwrap_or_else(|| normalize(&a.name)))
        })
        .collect();
    let people: HashMap<&str, &Person> = d.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let actor_names: HashMap<&str, &str> = d.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    // Local ids follow the record id rule, so every key is made.
    for a in &d.actors {
        out.extend(key(RecordKind::Actor, a.id.as_str()).map(|k| actor_entry(k, a)));
    }
    for p in &d.people {
        out.extend(key(RecordKind::Person, p.id.as_str()).map(|k| person_entry(k, p, &actor_country)));
    }
    for a in &d.agreements {
        out.extend(
            key(RecordKind::Agreement, a.id.as_str()).map(|k| agreement_entry(k, a, &party, &actor_names, &people)),
        );
    }
}

fn name_forms<'a>(first: &'a str, others: impl Iterator<Item = &'a str>) -> Vec<NameForm> {
    std::iter::once(first).chain(others).map(NameForm::new).collect()
}

fn entry(key: RecordKey, names: Vec<NameForm>) -> Entry {
    Entry {
        key,
        index: NameIndex::new(&names),
        names,
        countries: BTreeSet::new(),
        roles: BTreeSet::new(),
        dates: BTreeSet::new(),
        identities: Vec::new(),
        actor_kind: None,
        agreement: None,
    }
}

fn actor_entry(key: RecordKey, a: &Actor) -> Entry {
    let mut e = entry(key, name_forms(&a.name, a.other_names.iter().map(|n| n.name.as_str())));
    e.dates.extend(a.founded.map(|d| d.to_string()));
    e.countries.extend(a.country);
    e.identities = identity::actor_keys(a);
    e.actor_kind = Some(a.kind);
    e
}

fn person_entry(key: RecordKey, p: &Person, actor_country: &HashMap<&str, CountryCode>) -> Entry {
    let mut e = entry(key, name_forms(&p.name, p.other_names.iter().map(|n| n.name.as_str())));
    e.countries = p.posts.iter().filter_map(|post| actor_country.get(post.organization.as_str()).copied()).collect();
    e.roles = role::roles(p.posts.iter().map(|post| post.title.as_str()));
    e.dates = p.posts.iter().filter_map(|post| post.start.map(|d| d.to_string())).collect();
    e.identities = identity::person_keys(p);
    e
}

fn agreement_entry(
    key: RecordKey,
    a: &Agreement,
    party: &HashMap<&str, String>,
    actor_names: &HashMap<&str, &str>,
    people: &HashMap<&str, &Person>,
) -> Entry {
    let mut e = entry(key.clone(), name_forms(&a.title, a.other_titles.iter().map(|n| n.name.as_str())));
    let mut facts = AgreementFacts {
        parties: a.parties.iter().filter_map(|p| party.get(p.actor.as_str()).cloned()).collect(),
        party_words: a
            .parties
            .iter()
            .take(MAX_COMPARED)
            .filter_map(|p| actor_names.get(p.actor.as_str()))
            .flat_map(|name| key::key_tokens(name))
            .collect(),
        ..AgreementFacts::default()
    };
    facts.parties.sort();
    facts.parties.dedup();
    facts.kind = Some(a.kind);
    facts.form = a.form;
    for s in &a.signatures {
        if let (Some(party), Some(person)) = (party.get(s.party.as_str()), people.get(s.signer.as_str())) {
            // A signer's first names are enough to recognize them in another report.
            let others = person.other_names.iter().take(MAX_COMPARED).map(|n| n.name.as_str());
            let names = name_forms(&person.name, others);
            let person_key = RecordId::new(s.signer.as_str())
                .ok()
                .map(|id| RecordKey::new(key.dossier.clone(), RecordKind::Person, id));
            facts.signer_parties.insert(party.clone());
            facts.signers.push(Signer { party: party.clone(), person: person_key, names });
        }
        e.dates.extend(s.date.map(|d| d.to_string()));
        if let Some(place) = &s.place {
            facts.places.insert(normalize(&place.name));
            facts.place_countries.extend(place.country);
        }
    }
    e.dates.extend(
        a.actions.iter().filter(|x| x.kind == crate::agreement::ActionType::Signature).map(|x| x.date.to_string()),
    );
    e.identities = identity::agreement_keys(a);
    e.agreement = Some(facts);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_matches_rank_and_refuse() {
        let m = |a: &str, b: &str| name_match(&NameForm::new(a), &NameForm::new(b));
        assert_eq!(m("Mohammad Bagheri", "Mohammad Bagheri"), Some(NameMatch::Same));
        assert_eq!(m("Mohammad Bagheri", "Muhammed Baqeri"), Some(NameMatch::Transliteration));
        assert_eq!(m("Abdullah Ayoub", "Ali Abdullah Ayyoub"), Some(NameMatch::Part));
        assert_eq!(m("Kihira Minoru", "Kihara Minoru"), Some(NameMatch::Near));
        assert_eq!(m("Gilbero Teodoro", "Gilberto Teodoro Jr."), Some(NameMatch::Near));
        assert_eq!(m("Said Jalili", "Saad Jalili"), None);
        assert_eq!(m("Ali Hassan", "Ali Hussein"), None);
        assert_eq!(m("Omar", "Amir"), None);
    }

    #[test]
    fn a_father_is_not_his_son() {
        let son = [NameForm::new("Mohammed bin Salman Al Saud")];
        let father = [NameForm::new("Salman Al Saud")];
        assert!(family(&son, &father).is_some());
        assert!(family(&son, &[NameForm::new("Mohammed bin Salman")]).is_none());
    }
}
