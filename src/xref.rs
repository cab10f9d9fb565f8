//! Candidate duplicates for a person to judge: records of different dossiers whose names match
//! after normalization and transliteration, with the evidence for each pair and a score.
//!
//! Nothing here merges anything: a name is evidence, never identity. A person reads the
//! candidates and records a [`Judgement`](crate::identity::Judgement) in a
//! [`Resolver`]; the merge follows the resolver.
//!
//! Linear in the records compared: pairs come only from shared name keys, and a key shared by
//! more than [`MAX_BUCKET`] records (a common given name) proposes no pairs by itself.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::actor::Actor;
use crate::agreement::Agreement;
use crate::dossier::Dossier;
use crate::identity::{self, Decision, IdentityKey, RecordKey, RecordKind, Resolver};
use crate::ids::RecordId;
use crate::person::Person;
use crate::values::CountryCode;

/// A name key shared by more records than this proposes no pairs on its own.
pub const MAX_BUCKET: usize = 64;

/// Lower case, accents and apostrophes removed, every other non-letter a single space:
/// `"Shi’a"` → `"shia"`, `"al-Assad"` → `"al assad"`, `"Bağdat"` → `"bagdat"`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '´') {
            continue;
        }
        if let Some(base) = fold(c) {
            out.push_str(base);
            space = false;
        } else if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A letter with a diacritic, as its base letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ḍ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ḥ' | 'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ṭ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        _ => return None,
    })
}

/// A transliteration key: the normalized name with the spellings romanizations of Persian and
/// Arabic disagree on made equal. `gh` and `q` become `g`, `kh` `h`, `ou`/`oo` `u`, doubled
/// letters single, every vowel `a`; the articles `al`/`el` are dropped. So Bagheri and Baqeri,
/// Ayyoub and Ayoub, Mohammad and Muhammed share a key.
pub fn transliteration_key(name: &str) -> String {
    let normalized = normalize(name);
    let mut tokens = Vec::new();
    for token in normalized.split(' ') {
        if matches!(token, "al" | "el" | "ul") {
            continue;
        }
        tokens.push(token_key(token));
    }
    tokens.join(" ")
}

fn token_key(token: &str) -> String {
    if !token.is_ascii() {
        return token.to_owned();
    }
    let t = token.replace("gh", "g").replace('q', "g").replace("kh", "h").replace("ou", "u").replace("oo", "u");
    let t = t.replace("ph", "f").replace("th", "t").replace("dh", "d");
    let mut out = String::with_capacity(t.len());
    let mut last = None;
    for c in t.chars() {
        let c = if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') { 'a' } else { c };
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Why a pair is proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// A name of one equals a name of the other once normalized.
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
    /// Both belong to the same country.
    SameCountry {
        /// The country.
        country: CountryCode,
    },
    /// Both hold a post of the same title (people).
    SamePost {
        /// The post's title, normalized.
        title: String,
    },
    /// Both carry a date that is the same (a post's start, a signature, a founding).
    SameDate {
        /// The date.
        date: String,
    },
    /// Both agreements have the same parties (by external identity).
    SameParties,
}

impl Evidence {
    /// What the evidence adds to a pair's score, out of 100.
    pub fn weight(&self) -> u32 {
        match self {
            Self::SameName { .. } => 60,
            Self::Transliteration { .. } => 50,
            Self::PartOfName { .. } => 40,
            Self::SameCountry { .. } => 15,
            Self::SamePost { .. } => 20,
            Self::SameDate { .. } => 15,
            Self::SameParties => 25,
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
            Self::SameCountry { country } => write!(f, "same country: {country}"),
            Self::SamePost { title } => write!(f, "same post: {title}"),
            Self::SameDate { date } => write!(f, "same date: {date}"),
            Self::SameParties => f.write_str("same parties"),
        }
    }
}

/// A pair of records that may be one, for a person to judge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Candidate {
    /// One record (of the dossier given first).
    pub left: RecordKey,
    /// The other.
    pub right: RecordKey,
    /// How likely they are one, 0–100: the sum of the evidence's weights, at most 100.
    pub score: u32,
    /// Why.
    pub evidence: Vec<Evidence>,
}

/// What xref knows of one record.
struct Entry {
    key: RecordKey,
    names: Vec<String>,
    countries: BTreeSet<CountryCode>,
    posts: BTreeSet<String>,
    dates: BTreeSet<String>,
    identities: Vec<IdentityKey>,
    parties: Vec<IdentityKey>,
    actor_kind: Option<crate::actor::ActorKind>,
}

/// Proposes likely duplicates among the actors, people and agreements of different dossiers,
/// best first. Pairs that already share an external identifier (they merge without help), that
/// carry different identifiers of one scheme, or that the resolver has judged are left out.
pub fn candidates(dossiers: &[&Dossier], resolver: Option<&Resolver>) -> Vec<Candidate> {
    let judged = resolver.map(Resolver::index).unwrap_or_default();
    let mut entries = Vec::new();
    for d in dossiers {
        collect(d, &mut entries);
    }
    // Block on each name's transliteration tokens: only records sharing one are compared.
    let mut buckets: HashMap<(RecordKind, String), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let mut tokens: BTreeSet<String> = BTreeSet::new();
        for name in &e.names {
            tokens.extend(transliteration_key(name).split(' ').filter(|t| t.len() >= 3).map(str::to_owned));
        }
        for t in tokens {
            buckets.entry((e.key.kind, t)).or_default().push(i);
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut keys: Vec<&(RecordKind, String)> = buckets.keys().collect();
    keys.sort();
    for k in keys {
        let bucket = &buckets[k];
        if bucket.len() > MAX_BUCKET {
            continue;
        }
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                let (a, b) = (&entries[i], &entries[j]);
                if a.key.dossier == b.key.dossier || !seen.insert((i, j)) {
                    continue;
                }
                if judged.contains_key(&identity::ordered(&a.key, &b.key)) {
                    continue;
                }
                if let Some(c) = compare(a, b) {
                    out.push(c);
                }
            }
        }
    }
    out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| (&x.left, &x.right).cmp(&(&y.left, &y.right))));
    out
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
    let shared = a.identities.iter().any(|k| b.identities.contains(k));
    let clash = a.identities.iter().any(|k| b.identities.iter().any(|o| o.scheme == k.scheme && o.value != k.value));
    if shared || clash || a.actor_kind != b.actor_kind {
        return None;
    }
    let mut evidence = vec![name_evidence(a, b)?];
    if let Some(&country) = a.countries.intersection(&b.countries).next() {
        evidence.push(Evidence::SameCountry { country });
    }
    if let Some(title) = a.posts.intersection(&b.posts).next() {
        evidence.push(Evidence::SamePost { title: title.clone() });
    }
    if let Some(date) = a.dates.intersection(&b.dates).next() {
        evidence.push(Evidence::SameDate { date: date.clone() });
    }
    if !a.parties.is_empty() && a.parties == b.parties {
        evidence.push(Evidence::SameParties);
    }
    let score = evidence.iter().map(Evidence::weight).sum::<u32>().min(100);
    Some(Candidate { left: a.key.clone(), right: b.key.clone(), score, evidence })
}

/// The strongest name evidence between two records, if any.
fn name_evidence(a: &Entry, b: &Entry) -> Option<Evidence> {
    let mut best: Option<Evidence> = None;
    let better = |e: &Evidence, best: &Option<Evidence>| best.as_ref().is_none_or(|b| e.weight() > b.weight());
    for x in &a.names {
        let (nx, tx) = (normalize(x), transliteration_key(x));
        for y in &b.names {
            let (ny, ty) = (normalize(y), transliteration_key(y));
            let e = if !nx.is_empty() && nx == ny {
                Evidence::SameName { left: x.clone(), right: y.clone() }
            } else if !tx.is_empty() && tx == ty {
                Evidence::Transliteration { left: x.clone(), right: y.clone(), key: tx.clone() }
            } else if part_of(&tx, &ty) {
                Evidence::PartOfName { left: x.clone(), right: y.clone() }
            } else {
                continue;
            };
            if better(&e, &best) {
                best = Some(e);
            }
        }
    }
    best
}

/// Whether every word of the shorter key (two words at least) is a word of the longer.
fn part_of(x: &str, y: &str) -> bool {
    let (xs, ys): (BTreeSet<&str>, BTreeSet<&str>) = (x.split(' ').collect(), y.split(' ').collect());
    let (short, long) = if xs.len() <= ys.len() { (xs, ys) } else { (ys, xs) };
    short.len() >= 2 && short.is_subset(&long)
}

fn collect(d: &Dossier, out: &mut Vec<Entry>) {
    let key = |kind, id: &str| RecordId::new(id).ok().map(|id| RecordKey::new(d.id.clone(), kind, id));
    let actor_country: HashMap<&str, CountryCode> =
        d.actors.iter().filter_map(|a| a.country.map(|c| (a.id.as_str(), c))).collect();
    let actor_keys: HashMap<&str, Vec<IdentityKey>> =
        d.actors.iter().map(|a| (a.id.as_str(), identity::actor_keys(a))).collect();
    // Local ids follow the record id rule, so every key is made.
    for a in &d.actors {
        out.extend(key(RecordKind::Actor, a.id.as_str()).map(|k| actor_entry(k, a)));
    }
    for p in &d.people {
        out.extend(key(RecordKind::Person, p.id.as_str()).map(|k| person_entry(k, p, &actor_country)));
    }
    for a in &d.agreements {
        out.extend(key(RecordKind::Agreement, a.id.as_str()).map(|k| agreement_entry(k, a, &actor_keys)));
    }
}

fn names<'a>(first: &'a str, others: impl Iterator<Item = &'a str>) -> Vec<String> {
    std::iter::once(first).chain(others).map(str::to_owned).collect()
}

fn actor_entry(key: RecordKey, a: &Actor) -> Entry {
    let mut dates = BTreeSet::new();
    dates.extend(a.founded.map(|d| d.to_string()));
    Entry {
        key,
        names: names(&a.name, a.other_names.iter().map(|n| n.name.as_str())),
        countries: a.country.into_iter().collect(),
        posts: BTreeSet::new(),
        dates,
        identities: identity::actor_keys(a),
        parties: Vec::new(),
        actor_kind: Some(a.kind),
    }
}

fn person_entry(key: RecordKey, p: &Person, actor_country: &HashMap<&str, CountryCode>) -> Entry {
    Entry {
        key,
        names: names(&p.name, p.other_names.iter().map(|n| n.name.as_str())),
        countries: p.posts.iter().filter_map(|post| actor_country.get(post.organization.as_str()).copied()).collect(),
        posts: p.posts.iter().map(|post| normalize(&post.title)).collect(),
        dates: p.posts.iter().filter_map(|post| post.start.map(|d| d.to_string())).collect(),
        identities: identity::person_keys(p),
        parties: Vec::new(),
        actor_kind: None,
    }
}

fn agreement_entry(key: RecordKey, a: &Agreement, actor_keys: &HashMap<&str, Vec<IdentityKey>>) -> Entry {
    let mut parties: Vec<IdentityKey> = a
        .parties
        .iter()
        .filter_map(|p| {
            actor_keys.get(p.actor.as_str()).and_then(|k| k.iter().find(|k| k.scheme == identity::ISO_SCHEME))
        })
        .cloned()
        .collect();
    parties.sort();
    parties.dedup();
    let mut dates: BTreeSet<String> = a.signatures.iter().filter_map(|s| s.date.map(|d| d.to_string())).collect();
    dates.extend(
        a.actions.iter().filter(|x| x.kind == crate::agreement::ActionType::Signature).map(|x| x.date.to_string()),
    );
    Entry {
        key,
        names: names(&a.title, a.other_titles.iter().map(|n| n.name.as_str())),
        countries: BTreeSet::new(),
        posts: BTreeSet::new(),
        dates,
        identities: identity::agreement_keys(a),
        parties,
        actor_kind: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(transliteration_key("Mohammad Bagheri"), transliteration_key("Mohammad Baqeri"));
        assert_eq!(transliteration_key("Ali Abdullah Ayyoub"), transliteration_key("Ali Abdullah Ayoub"));
        assert_eq!(transliteration_key("Muhammed Bāqerī"), transliteration_key("Mohammad Bagheri"));
        assert_eq!(transliteration_key("Bashar al-Assad"), transliteration_key("Bashar Assad"));
        assert_ne!(transliteration_key("Bagheri"), transliteration_key("Ayyoub"));
        assert_eq!(normalize("  Shi’a  militia-groups "), "shia militia groups");
        assert!(part_of(&transliteration_key("Abdullah Ayoub"), &transliteration_key("Ali Abdullah Ayyoub")));
    }
}
