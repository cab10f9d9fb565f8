//! A deterministic corpus of realistic dossiers, shared by the `gen_corpus` and `peers` examples
//! and the benchmarks (included with `#[path]`, so it is not an example of its own).
//!
//! Each dossier is built as JSON, checked against the crate, and written the way the crate
//! writes it. About 2 % carry one known defect: half fail parsing, half parse but fail
//! validation, each with a stable error code the generator checks before writing.

#![allow(dead_code)]

use defense_agreements::Dossier;
use serde_json::{Value, json};

/// splitmix64: tiny, seedable, and good enough to vary test data.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// One element of `items` (which must not be empty).
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.next_u64() as usize % items.len();
        &items[i]
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u64) -> bool {
        self.next_u64() % 1000 < per_mille
    }
}

/// How a generated dossier is wrong, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Defect {
    /// A well-formed, valid dossier.
    None,
    /// Parse: a signature date written `08.07.2020`.
    BadDateShape,
    /// Parse: an agreement field the model does not have.
    UnknownField,
    /// Parse: an actor kind the model does not know.
    UnknownEnumValue,
    /// Parse: a number given as a string.
    WrongType,
    /// Validate: a support relation whose recipient is no actor.
    DanglingReference,
    /// Validate: a troop strength range with low > high.
    EstimateReversed,
    /// Validate: a signature for an actor that is not a party.
    SignerFromNonParty,
    /// Validate: a ratification dated 30 February.
    ImpossibleDate,
    /// Validate: entry into force before signature.
    LifecycleOutOfOrder,
    /// Validate: two sources with one id.
    DuplicateId,
}

impl Defect {
    /// Every defect, in the order the generator cycles through them.
    pub(crate) const ALL: [Defect; 10] = [
        Defect::BadDateShape,
        Defect::DanglingReference,
        Defect::UnknownField,
        Defect::EstimateReversed,
        Defect::UnknownEnumValue,
        Defect::SignerFromNonParty,
        Defect::WrongType,
        Defect::ImpossibleDate,
        Defect::LifecycleOutOfOrder,
        Defect::DuplicateId,
    ];

    /// Whether the dossier fails to parse (rather than failing validation).
    pub(crate) fn fails_parse(self) -> bool {
        matches!(self, Defect::BadDateShape | Defect::UnknownField | Defect::UnknownEnumValue | Defect::WrongType)
    }

    /// The error code the crate reports for it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Defect::None => "",
            Defect::BadDateShape | Defect::UnknownEnumValue => "invalid_value",
            Defect::UnknownField => "unknown_field",
            Defect::WrongType => "invalid_type",
            Defect::DanglingReference => "dangling_reference",
            Defect::EstimateReversed => "estimate_bounds_reversed",
            Defect::SignerFromNonParty => "not_a_party",
            Defect::ImpossibleDate => "impossible_date",
            Defect::LifecycleOutOfOrder => "lifecycle_out_of_order",
            Defect::DuplicateId => "duplicate_id",
        }
    }
}

struct Country {
    id: &'static str,
    name: &'static str,
    iso3: &'static str,
    cow: u32,
    wikidata: &'static str,
    language: &'static str,
    capital: &'static str,
    adjective: &'static str,
}

macro_rules! countries {
    ($(($id:literal, $name:literal, $iso:literal, $cow:literal, $wd:literal, $lang:literal, $cap:literal, $adj:literal)),* $(,)?) => {
        &[$(Country { id: $id, name: $name, iso3: $iso, cow: $cow, wikidata: $wd, language: $lang, capital: $cap, adjective: $adj }),*]
    };
}

const COUNTRIES: &[Country] = countries![
    ("france", "France", "FRA", 220, "Q142", "fr", "Paris", "French"),
    ("germany", "Germany", "DEU", 255, "Q183", "de", "Berlin", "German"),
    ("poland", "Poland", "POL", 290, "Q36", "pl", "Warsaw", "Polish"),
    ("turkey", "Turkey", "TUR", 640, "Q43", "tr", "Ankara", "Turkish"),
    ("iran", "Iran", "IRN", 630, "Q794", "fa", "Tehran", "Iranian"),
    ("syria", "Syria", "SYR", 652, "Q858", "ar", "Damascus", "Syrian"),
    ("russia", "Russia", "RUS", 365, "Q159", "ru", "Moscow", "Russian"),
    ("india", "India", "IND", 750, "Q668", "hi", "New Delhi", "Indian"),
    ("japan", "Japan", "JPN", 740, "Q17", "ja", "Tokyo", "Japanese"),
    ("australia", "Australia", "AUS", 900, "Q408", "en", "Canberra", "Australian"),
    ("brazil", "Brazil", "BRA", 140, "Q155", "pt", "Brasília", "Brazilian"),
    ("egypt", "Egypt", "EGY", 651, "Q79", "ar", "Cairo", "Egyptian"),
    ("kenya", "Kenya", "KEN", 501, "Q114", "sw", "Nairobi", "Kenyan"),
    ("indonesia", "Indonesia", "IDN", 850, "Q252", "id", "Jakarta", "Indonesian"),
    ("united-states", "United States", "USA", 2, "Q30", "en", "Washington", "American"),
    ("united-kingdom", "United Kingdom", "GBR", 200, "Q145", "en", "London", "British"),
    ("south-korea", "South Korea", "KOR", 732, "Q884", "ko", "Seoul", "South Korean"),
    ("philippines", "Philippines", "PHL", 840, "Q928", "tl", "Manila", "Philippine"),
];

const FIRST: &[&str] = &["Ahmad", "Maria", "Jean", "Olena", "Kenji", "Amina", "Rahul", "Sophie", "Tomasz", "Ana"];
const LAST: &[&str] = &["Haddad", "Nowak", "Dubois", "Tanaka", "Okafor", "Sharma", "Weber", "Silva", "Kaya", "Park"];
const GROUPS: &[&str] = &["Northern Front", "Coastal Brigades", "Mountain Guard", "River Battalions", "Free Legion"];
const AREAS: &[&str] = &[
    "air_defense",
    "training",
    "exercises",
    "intelligence_sharing",
    "defense_industry",
    "procurement",
    "logistics",
    "officer_exchange",
    "counter_terrorism",
    "cyber",
];
const KINDS: &[&str] = &["defense_cooperation", "military_cooperation", "security_cooperation", "defense_pact"];
const SUPPORT: &[&str] = &["military", "weapons", "training", "financial", "intelligence", "political"];
const PHRASES: &[&str] = &[
    "within the framework of strengthening military relations between the two countries",
    "the two sides agreed to expand joint exercises and the exchange of officers",
    "the ministers discussed regional security and the fight against terrorism",
    "both parties reaffirmed their commitment to the defense of each other's territory",
    "the agreement provides for training, logistics and the sharing of intelligence",
    "officials said the deal would be ratified by parliament before the end of the year",
    "the accord replaces an earlier memorandum signed a decade ago",
];

/// One dossier as a line of JSON, with the defect it was given.
pub(crate) struct Generated {
    /// The compact JSON, without a line ending.
    pub json: String,
    /// What is wrong with it, if anything.
    pub defect: Defect,
}

/// Generates dossier number `n` of the corpus seeded with `seed`. `blocks` scales it: each block
/// adds one more full set of actors, people, agreement, presence, support, statements and
/// sources (one block is about 4–5 KB). `invalid_per_mille` is the share given a defect.
pub(crate) fn generate(seed: u64, n: u64, blocks: u32, invalid_per_mille: u64) -> Result<Generated, String> {
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0xA076_1D64_78BD_642F));
    let defect = if rng.chance(invalid_per_mille) { *rng.pick(&Defect::ALL) } else { Defect::None };
    let mut doc = json!({
        "schema_version": "1.0",
        "id": format!("corpus-{n}"),
        "actors": [], "people": [], "agreements": [], "troop_presences": [],
        "supports": [], "statements": [], "sources": [],
    });
    let mut title = String::new();
    // One state, one actor: a country that comes back in a later block is the actor it
    // already has (validation holds one COW code to one state actor).
    let mut states = std::collections::HashMap::new();
    for b in 0..blocks.max(1) {
        let t = block(&mut rng, &mut doc, b, if b == 0 { defect } else { Defect::None }, &mut states);
        if b == 0 {
            title = t;
        }
    }
    doc["title"] = json!(title);
    let text = doc.to_string();
    check(&text, defect).map_err(|e| format!("dossier {n}: {e}"))?;
    // Valid and validation-failing dossiers are written the way the crate writes them.
    let json =
        if defect.fails_parse() { text } else { Dossier::from_json(&text).map_err(|e| e.to_string())?.to_json() };
    Ok(Generated { json, defect })
}

/// Makes sure the dossier fails exactly as intended (or not at all).
fn check(text: &str, defect: Defect) -> Result<(), String> {
    match Dossier::from_json(text) {
        Err(e) if defect.fails_parse() && e.code() == defect.code() => Ok(()),
        Err(e) => Err(format!("expected {defect:?}, got parse error {} ({e})", e.code())),
        Ok(_) if defect.fails_parse() => Err(format!("expected {defect:?} to fail parsing")),
        Ok(d) => {
            let report = d.validate();
            let errors: Vec<_> = report.errors().map(|i| i.code.as_str()).collect();
            match defect {
                Defect::None if errors.is_empty() => Ok(()),
                _ if errors.contains(&defect.code()) => Ok(()),
                _ => Err(format!("expected {defect:?}, got {errors:?}: {report}")),
            }
        }
    }
}

fn date(rng: &mut Rng, year: u64) -> (u64, u64, u64) {
    (year, rng.range(1, 12), rng.range(1, 28))
}

fn fmt(d: (u64, u64, u64)) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

fn sentence(rng: &mut Rng, lead: &str) -> String {
    format!("{lead} {}", rng.pick(PHRASES))
}

fn push(doc: &mut Value, list: &str, item: Value) {
    if let Some(items) = doc[list].as_array_mut() {
        items.push(item);
    }
}

/// Adds one block of records; returns a title for it.
fn block(
    rng: &mut Rng,
    doc: &mut Value,
    b: u32,
    defect: Defect,
    states: &mut std::collections::HashMap<&'static str, String>,
) -> String {
    let sfx = if b == 0 { String::new() } else { format!("-{b}") };
    let i = rng.next_u64() as usize % COUNTRIES.len();
    let j = (i + 1 + rng.next_u64() as usize % (COUNTRIES.len() - 2)) % COUNTRIES.len();
    let k = (0..COUNTRIES.len()).find(|&k| k != i && k != j).unwrap_or(0);
    let (a, c, third) = (&COUNTRIES[i], &COUNTRIES[j], &COUNTRIES[k]);
    // Each state's actor: the one an earlier block made, else a new one (`fresh`).
    let mut actor_of = |country: &'static Country| {
        let mut fresh = false;
        let id = states
            .entry(country.id)
            .or_insert_with(|| {
                fresh = true;
                format!("{}{sfx}", country.id)
            })
            .clone();
        (id, fresh)
    };
    let ((ida, new_a), (idc, new_c), (idt, new_t)) = (actor_of(a), actor_of(c), actor_of(third));
    let (mila, milc) = (format!("{}-armed-forces{sfx}", a.id), format!("{}-armed-forces{sfx}", c.id));
    let group = format!("group{sfx}");
    let (src1, src2) = (format!("report{sfx}"), format!("wire{sfx}"));
    let year = rng.range(1995, 2023);
    let signed = date(rng, year);
    let kind = *rng.pick(KINDS);
    let state = |country: &Country, id: &str| {
        json!({
            "id": id, "name": country.name, "kind": "state", "country": country.iso3,
            "identifiers": [{"scheme": "cow", "value": country.cow.to_string()}, {"scheme": "wikidata", "value": country.wikidata}],
        })
    };
    if new_a {
        push(doc, "actors", state(a, &ida));
    }
    if new_c {
        push(doc, "actors", state(c, &idc));
    }
    if new_t {
        push(doc, "actors", json!({"id": idt, "name": third.name, "kind": "state", "country": third.iso3}));
    }
    for (country, id, parent) in [(a, &mila, &ida), (c, &milc, &idc)] {
        push(
            doc,
            "actors",
            json!({"id": id, "name": format!("{} Armed Forces", country.adjective), "kind": "armed_forces", "country": country.iso3, "parent": parent}),
        );
    }
    let group_kind = if defect == Defect::UnknownEnumValue { "army" } else { "non_state_armed_group" };
    push(
        doc,
        "actors",
        json!({"id": group, "name": rng.pick(GROUPS), "kind": group_kind, "country": c.iso3, "sponsors": [ida, idt],
               "other_names": [{"name": format!("the {} fighters", c.adjective), "kind": "alias"}]}),
    );

    let mut signers = Vec::new();
    for (country, org, side) in [(a, &mila, "a"), (c, &milc, "c")] {
        let id = format!("chief-{side}{sfx}");
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let back = rng.range(1, 4);
        let start = date(rng, year - back);
        push(
            doc,
            "people",
            json!({
                "id": id, "name": name,
                "posts": [{
                    "title": format!("{} Chief of Staff", country.adjective),
                    "rank": {"title": "General", "nato_grade": "OF-9"},
                    "organization": org, "start": fmt(start),
                    "citations": [{"source": src1}],
                }],
            }),
        );
        signers.push(id);
    }

    let cite = |src: &str, rng: &mut Rng, lead: &str| json!([{"source": src, "quote": sentence(rng, lead)}]);
    let mut actions = vec![
        json!({"type": "negotiation", "date": format!("../{}", fmt(signed)), "text": "several rounds of talks"}),
        json!({"type": "signature", "date": fmt(signed)}),
        json!({"type": "ratification", "date": format!("{}-{:02}", year + 1, rng.range(1, 12)), "party": ida}),
        json!({"type": "entry_into_force", "date": format!("{}", year + 2)}),
    ];
    match defect {
        Defect::ImpossibleDate => actions[2]["date"] = json!(format!("{}-02-30", year + 1)),
        Defect::LifecycleOutOfOrder => actions[3]["date"] = json!(format!("{}", year - 1)),
        _ => {}
    }
    let sig_date = if defect == Defect::BadDateShape {
        format!("{:02}.{:02}.{}", signed.2, signed.1, signed.0)
    } else {
        fmt(signed)
    };
    let place = json!({"name": c.capital, "country": c.iso3});
    let mut signatures = vec![
        json!({"party": ida, "signer": signers[0], "date": sig_date, "place": place}),
        json!({"party": idc, "signer": signers[1], "date": fmt(signed), "place": place}),
    ];
    if defect == Defect::SignerFromNonParty {
        signatures[1]["party"] = json!(idt);
    }
    let mut cooperation = Vec::new();
    for _ in 0..rng.range(1, 2) {
        let area = *rng.pick(AREAS);
        cooperation.push(json!({
            "area": area, "providers": [ida], "recipients": [idc],
            "text": format!("{} support in {}", a.adjective, area.replace('_', " ")),
            "clause": "art-2",
        }));
    }
    let years = if defect == Defect::WrongType { json!("ten") } else { json!(rng.range(5, 20)) };
    let agreement_id = format!("{}-{}-{year}{sfx}", a.id, c.id);
    let title = format!("Agreement on {} between {} and {}", kind.replace('_', " "), a.name, c.name);
    let mut agreement = json!({
        "id": agreement_id, "title": title, "kind": kind,
        "parties": [{"actor": ida, "role": "party"}, {"actor": idc, "role": "party"}],
        "actions": actions, "signatures": signatures,
        "duration": {"type": "fixed_term", "years": years, "renewal": "automatic",
                     "withdrawal": {"notice_months": rng.range(3, 12), "clause": "art-9"}},
        "obligations": [{"type": "consultation", "obligors": [ida, idc], "beneficiaries": [ida, idc],
                         "conditions": [{"type": "specific_adversary", "actors": [group]}], "clause": "art-4"}],
        "cooperation": cooperation,
        "clauses": [
            {"id": "art-2", "number": "2", "text": "The Parties shall cooperate in the areas listed."},
            {"id": "art-4", "number": "4", "text": "The Parties shall consult each other."},
            {"id": "art-9", "number": "9", "text": "Either Party may withdraw by written notice."},
        ],
        "related": [{"relation": "builds_on", "title": format!("Memorandum of understanding of {}", year - 10)}],
        "confidentiality": "public",
        "languages": ["en", a.language],
        "citations": cite(&src1, rng, "The text says"),
    });
    if rng.chance(500) && defect == Defect::None {
        if let Some(fields) = agreement.as_object_mut() {
            fields.remove("obligations");
            fields.remove("related");
        }
    }
    if defect == Defect::UnknownField {
        agreement["signed_by"] = json!(signers);
    }
    push(doc, "agreements", agreement);

    let size = rng.range(200, 3000);
    let (low, high) = if defect == Defect::EstimateReversed { (size * 2, size) } else { (size, size * 2) };
    push(
        doc,
        "troop_presences",
        json!({
            "id": format!("{}-in-{}{sfx}", a.id, c.id), "forces": [mila], "host_country": c.iso3,
            "location": {"name": format!("near {}", c.capital), "country": c.iso3},
            "strength": {"low": low, "high": high, "qualifier": "range"},
            "since": format!("{}", year + 1), "as_of": format!("{}-{:02}", year + 2, rng.range(1, 12)),
            "host_consent": "consented", "agreement": agreement_id,
            "purpose": "training and advising",
            "citations": cite(&src2, rng, "Troops were deployed;"),
        }),
    );
    let recipient = if defect == Defect::DanglingReference { "ghost-actor".to_owned() } else { group.clone() };
    let types: Vec<&str> = (0..rng.range(1, 3)).map(|_| *rng.pick(SUPPORT)).collect();
    let mut types_unique = types.clone();
    types_unique.dedup();
    push(
        doc,
        "supports",
        json!({
            "id": format!("{}-supports-group{sfx}", a.id), "supporter": ida, "recipient": recipient,
            "types": types_unique, "period": format!("{}/..", year - rng.range(1, 5)),
            "description": format!("{} support to the group", a.adjective),
            "citations": [{"source": src2}],
        }),
    );
    for s in 0..rng.range(1, 2) {
        let about = match s % 3 {
            0 => json!([{"type": "agreement", "id": agreement_id}]),
            1 => {
                json!([{"type": "actor", "id": idc}, {"type": "troop_presence", "id": format!("{}-in-{}{sfx}", a.id, c.id)}])
            }
            _ => json!([{"type": "person", "id": signers[1]}]),
        };
        push(
            doc,
            "statements",
            json!({
                "id": format!("statement-{s}{sfx}"), "speakers": [signers[(s % 2) as usize]],
                "on_behalf_of": [if s % 2 == 0 { &ida } else { &idc }], "date": fmt(signed),
                "text": format!("We welcome this step by {} and {}", a.name, c.name),
                "mode": if s % 2 == 0 { "direct_quote" } else { "paraphrase" }, "language": "en",
                "about": about, "citations": [{"source": src1}],
            }),
        );
    }
    push(
        doc,
        "sources",
        json!({"id": src1, "title": title.clone(), "kind": "news_report", "publisher": "Defense Wire",
               "url": format!("https://news.example.org/{year}/{}-{}", a.id, c.id),
               "published": fmt(signed), "language": "en", "reliability": "B"}),
    );
    let wire_id = if defect == Defect::DuplicateId { src1.clone() } else { src2 };
    push(
        doc,
        "sources",
        json!({"id": wire_id, "title": format!("{} troops arrive in {}", a.adjective, c.name), "kind": "news_report",
               "authors": [format!("{} {}", rng.pick(FIRST), rng.pick(LAST))], "published": format!("{}", year + 2), "language": "en"}),
    );
    title
}
