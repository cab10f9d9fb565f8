//! The validation context: id indexes, usage marks, and the checks shared by many records.

use super::id_index::IdIndex;
use super::marks::Marks;
use super::{Code, Issue, Path, Report};
use crate::citation::Citation;
use crate::dossier::Dossier;
use crate::name::OtherName;
use crate::values::{EdtfDate, Estimate, EstimateProblem, Identifier, LanguageCode, Place};
use crate::walk::{IdRef, RecordKind};

/// Whether `text` holds a control character other than tab, line feed and carriage return:
/// C0 controls (NUL …), DEL, or C1 controls. Format characters such as the right-to-left mark,
/// which Persian and Arabic text needs, are not controls.
fn has_control_character(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Byte scans first: C1 controls are the only ones outside ASCII, all encoded after 0xC2.
    has_ascii_control(bytes) || (bytes.contains(&0xC2) && text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)))
}

/// A C0 control other than tab, line feed and carriage return, or DEL. Every text of a document
/// goes through here, so it looks at eight bytes at a time: a word with no byte below 0x20 and
/// no 0x7F (the usual case) is passed over at once; a word that may have one (a line break,
/// say) is looked at byte by byte.
fn has_ascii_control(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let is_control = |&b: &u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f;
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else { return chunk.iter().any(is_control) };
        let w = u64::from_ne_bytes(word);
        // The classic bit tricks: a high bit set where a byte is below 0x20, or is 0x7F. They
        // never miss one; they may flag a word that has none, which the byte scan then clears.
        let below = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
        let del = w ^ (0x7f * ONES);
        let del = del.wrapping_sub(ONES) & !del & HIGH;
        if below | del != 0 && chunk.iter().any(is_control) {
            return true;
        }
    }
    words.remainder().iter().any(is_control)
}

/// Characters that render as nothing: zero-width space and joiners, direction marks and
/// controls, word joiner, byte order mark, soft hyphen, Mongolian vowel separator.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Generates the checker, whose id indexes come from the table of record kinds.
macro_rules! checker {
    ([] $($kind:ident, $list:ident, $one:ident, $id:ident, $ty:ident, $noun:literal;)*) => {
        /// Walks a dossier once, collecting every problem.
        pub(crate) struct Checker<'d> {
            report: Report,
            pub(crate) dossier: &'d Dossier,
            $(
                #[doc = concat!("The ", $noun, " ids.")]
                pub(crate) $list: IdIndex<'d, crate::$ty>,
            )*
            /// The clauses of the agreement whose references are being resolved, built when the
            /// first clause reference of that agreement is met.
            clauses: Option<(usize, IdIndex<'d, crate::agreement::Clause>)>,
            /// Ancestry and post indexes for the signer-standing rule (see `standing.rs`).
            pub(crate) standing: super::standing::Standing<'d>,
            actor_used: Marks,
            source_used: Marks,
            known_language: Option<LanguageCode>,
        }

        impl<'d> Checker<'d> {
            pub(crate) fn new(dossier: &'d Dossier) -> Self {
                let mut report = Report::default();
                $(
                    let $list = {
                        let records = &dossier.$list;
                        let list = Path::ROOT.key(stringify!($list));
                        IdIndex::build(records, |i, first| {
                            let id = records.get(i).map_or("", |r| r.id.as_str());
                            report.push(Issue {
                                path: list.index(i).key("id").render(),
                                code: Code::DuplicateId,
                                severity: Code::DuplicateId.severity(),
                                message: format!("id '{id}' is already used by /{}/{first}", stringify!($list)),
                            });
                        })
                    };
                )*
                Self {
                    report,
                    dossier,
                    $($list,)*
                    clauses: None,
                    standing: Default::default(),
                    actor_used: Marks::new(dossier.actors.len()),
                    source_used: Marks::new(dossier.sources.len()),
                    known_language: None,
                }
            }

            /// The position of the record of `kind` with this id; clauses are looked up in the
            /// agreement at `agreement`.
            fn find(&mut self, kind: RecordKind, id: &str, agreement: Option<usize>) -> Option<usize> {
                match kind {
                    $(RecordKind::$kind => self.$list.get(id),)*
                    RecordKind::Clause => {
                        let agreement = agreement?;
                        let dossier = self.dossier;
                        let stale = self.clauses.as_ref().is_none_or(|(at, _)| *at != agreement);
                        if stale {
                            let clauses = dossier.agreements.get(agreement).map_or(&[][..], |a| &a.clauses[..]);
                            self.clauses = Some((agreement, IdIndex::new(clauses)));
                        }
                        self.clauses.as_ref().and_then(|(_, index)| index.get(id))
                    }
                }
            }
        }
    };
}
crate::records::record_kinds!(checker []);

impl<'d> Checker<'d> {
    /// Records a problem; the path and message are rendered only now.
    pub(crate) fn issue(&mut self, path: &Path<'_>, code: Code, message: impl Into<String>) {
        self.report.push(Issue { path: path.render(), severity: code.severity(), code, message: message.into() });
    }

    /// Adds the end-of-walk warnings and hands over the report.
    pub(crate) fn finish(mut self) -> Report {
        super::facts::check(&mut self);
        super::claims::finish(&mut self);
        let root = Path::ROOT;
        let actors = root.key("actors");
        for i in 0..self.dossier.actors.len() {
            // A state that continues another stands in its place in that one's records.
            let continues = self
                .dossier
                .actors
                .get(i)
                .is_some_and(|a| a.succession.iter().any(|s| s.kind == crate::SuccessionType::Continues));
            if !self.actor_used.is_set(i) && !continues {
                let name = self.dossier.actors.get(i).map_or("", |a| a.id.as_str());
                self.issue(
                    &actors.index(i),
                    Code::UnreferencedActor,
                    format!("actor '{name}' is referred to by no other record"),
                );
            }
        }
        let sources = root.key("sources");
        for i in 0..self.dossier.sources.len() {
            if !self.source_used.is_set(i) {
                let name = self.dossier.sources.get(i).map_or("", |s| s.id.as_str());
                self.issue(&sources.index(i), Code::UnusedSource, format!("source '{name}' is never cited"));
            }
        }
        self.report
    }

    /// Resolves a reference found by the reference walk, reporting it when it names no record
    /// and marking actors and sources as used. `agreement` is the position of the agreement
    /// whose clauses a clause reference names.
    pub(crate) fn resolve(&mut self, path: &Path<'_>, id: IdRef<'_>, agreement: Option<usize>) -> Option<usize> {
        let kind = id.kind();
        let id = id.as_str();
        let found = self.find(kind, id, agreement);
        match (found, kind) {
            (None, RecordKind::Clause) => {
                self.issue(path, Code::DanglingReference, format!("no clause of this agreement has id '{id}'"));
            }
            (None, _) => {
                let what = kind.noun();
                self.issue(path, Code::DanglingReference, format!("no {what} has id '{id}'"));
            }
            (Some(i), RecordKind::Actor) => self.actor_used.set(i),
            (Some(i), RecordKind::Source) => self.source_used.set(i),
            _ => {}
        }
        found
    }

    /// Text that must say something: non-empty, no leading or trailing white space.
    pub(crate) fn text(&mut self, path: &Path<'_>, text: &str) {
        // Only the two ends need looking at, unless one of them is white space.
        let mut chars = text.chars();
        let first = chars.next();
        let clean_ends = match (first, chars.next_back()) {
            (Some(first), Some(last)) => !first.is_whitespace() && !last.is_whitespace(),
            (Some(only), None) => !only.is_whitespace(),
            _ => false,
        };
        if has_control_character(text) {
            self.issue(
                path,
                Code::ControlCharacter,
                "contains a control character (only tab and line breaks are allowed)",
            );
        }
        if clean_ends {
            // Text made only of invisible characters (zero-width space, byte order mark,
            // direction marks) says nothing either. Only text that starts with one is scanned.
            if first.is_some_and(|c| !c.is_ascii() && is_invisible(c))
                && text.chars().all(|c| c.is_whitespace() || is_invisible(c))
            {
                self.issue(path, Code::EmptyText, "must not be empty (it holds only invisible characters)");
            }
            return;
        }
        if text.trim().is_empty() {
            self.issue(path, Code::EmptyText, "must not be empty");
        } else {
            self.issue(path, Code::UntrimmedText, "must not start or end with white space");
        }
    }

    /// Optional text: checked when present.
    pub(crate) fn opt_text(&mut self, path: &Path<'_>, text: Option<&String>) {
        if let Some(text) = text {
            self.text(path, text);
        }
    }

    /// Each element of a list of texts.
    pub(crate) fn texts(&mut self, path: &Path<'_>, texts: &[String]) {
        for (i, t) in texts.iter().enumerate() {
            self.text(&path.index(i), t);
        }
    }

    /// A date: each day named must exist, and an interval must not end before it starts.
    pub(crate) fn date(&mut self, path: &Path<'_>, date: &EdtfDate) {
        for d in date.dates() {
            if !d.is_real() {
                self.issue(path, Code::ImpossibleDate, format!("{d} is not a day of the calendar (in '{date}')"));
            }
        }
        if date.is_reversed() {
            self.issue(path, Code::DateRangeReversed, format!("interval '{date}' ends before it starts"));
        }
    }

    /// An optional date.
    pub(crate) fn opt_date(&mut self, path: &Path<'_>, date: Option<&EdtfDate>) {
        if let Some(date) = date {
            self.date(path, date);
        }
    }

    /// A start/end pair; reported at the end's path.
    pub(crate) fn date_pair(
        &mut self,
        end_path: &Path<'_>,
        start: Option<&EdtfDate>,
        end: Option<&EdtfDate>,
        what: &str,
    ) {
        if let (Some(start), Some(end)) = (start, end) {
            if end.is_definitely_before(start) {
                self.issue(end_path, Code::DateRangeReversed, format!("{what} '{end}' is before the start '{start}'"));
            }
        }
    }

    /// A language code ISO 639 must assign.
    pub(crate) fn language(&mut self, path: &Path<'_>, language: Option<&LanguageCode>) {
        if let Some(lang) = language {
            // A dossier tends to use one or two languages throughout: skip the table lookup
            // for the last code found to be assigned.
            if self.known_language == Some(*lang) {
                return;
            }
            if lang.is_known() {
                self.known_language = Some(*lang);
            } else {
                self.issue(path, Code::UnknownLanguage, format!("'{lang}' is not an ISO 639-1 or 639-3 code"));
            }
        }
    }

    /// Each language code of a list.
    pub(crate) fn languages(&mut self, path: &Path<'_>, languages: &[LanguageCode]) {
        for (i, l) in languages.iter().enumerate() {
            self.language(&path.index(i), Some(l));
        }
    }

    /// Outside identifiers.
    pub(crate) fn identifiers(&mut self, path: &Path<'_>, identifiers: &[Identifier]) {
        for (i, id) in identifiers.iter().enumerate() {
            let at = path.index(i);
            let value = at.key("value");
            self.text(&value, &id.value);
            if !id.is_well_formed() {
                let scheme = id.scheme.as_str();
                self.issue(
                    &value,
                    Code::InvalidIdentifier,
                    format!("'{}' is not a valid {scheme} identifier", id.value),
                );
            }
        }
    }

    /// Other names.
    pub(crate) fn other_names(&mut self, path: &Path<'_>, names: &[OtherName]) {
        for (i, n) in names.iter().enumerate() {
            let at = path.index(i);
            self.text(&at.key("name"), &n.name);
            self.language(&at.key("language"), n.language.as_ref());
            self.opt_date(&at.key("period"), n.period.as_ref());
        }
    }

    /// A place.
    pub(crate) fn place(&mut self, path: &Path<'_>, place: Option<&Place>) {
        if let Some(place) = place {
            self.text(&path.key("name"), &place.name);
        }
    }

    /// An estimate's bounds and qualifier.
    pub(crate) fn estimate(&mut self, path: &Path<'_>, estimate: &Estimate) {
        match estimate.problem() {
            Some(EstimateProblem::BoundsReversed) => {
                self.issue(path, Code::EstimateBoundsReversed, "bounds must satisfy low <= best <= high");
            }
            Some(EstimateProblem::QualifierMismatch) => {
                let q = serde_json::to_value(estimate.qualifier).ok();
                let q = q.as_ref().and_then(|v| v.as_str()).unwrap_or("?");
                let need = match q {
                    "exact" => "best, and low/high equal to it if given",
                    "approximately" => "best",
                    "at_least" => "low and no high",
                    "at_most" => "high and no low",
                    "range" => "low and high",
                    _ => "no bounds",
                };
                self.issue(path, Code::EstimateQualifierMismatch, format!("qualifier '{q}' needs {need}"));
            }
            None => {}
        }
    }

    /// A record's citations (their sources are resolved by the reference walk). A record with
    /// none is reported when `required` (facts that can't lean on an enclosing record's
    /// citations).
    pub(crate) fn citations(&mut self, record: &Path<'_>, citations: &[Citation], required: bool) {
        let list = record.key("citations");
        for (i, c) in citations.iter().enumerate() {
            let at = list.index(i);
            self.opt_text(&at.key("locator"), c.locator.as_ref());
            self.opt_text(&at.key("quote"), c.quote.as_ref());
        }
        if required && citations.is_empty() {
            self.issue(record, Code::MissingCitation, "cites no source");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::id_index::SCAN;

    /// The word-at-a-time scan finds what a byte-by-byte scan finds, at every position.
    #[test]
    fn control_characters_are_found_anywhere() {
        let naive = |t: &str| {
            t.chars()
                .any(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || ('\u{80}'..='\u{9f}').contains(&c))
        };
        let specials = [
            '\0', '\u{1}', '\t', '\n', '\r', '\u{1f}', ' ', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}', 'é', '\u{200f}',
            'x',
        ];
        for len in 0..20 {
            for at in 0..len.max(1) {
                for &c in &specials {
                    let text: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    assert_eq!(has_control_character(&text), naive(&text), "{text:?}");
                    let mixed: String = text.chars().chain("\t\n\r é".chars()).chain(text.chars()).collect();
                    assert_eq!(has_control_character(&mixed), naive(&mixed), "{mixed:?}");
                }
            }
        }
    }

    /// Small lists are scanned, large ones hashed: both must find the same ids and the same
    /// duplicates, reported at the same place.
    #[test]
    fn scanned_and_hashed_indexes_agree() -> Result<(), Box<dyn std::error::Error>> {
        for n in [3, SCAN, SCAN + 1, 40] {
            let mut actors: Vec<String> =
                (0..n).map(|i| format!(r#"{{"id":"a{i}","name":"A{i}","kind":"state"}}"#)).collect();
            actors.push(r#"{"id":"a1","name":"Again","kind":"state"}"#.into());
            let json = format!(
                r#"{{"schema_version":"1.0","id":"d","actors":[{}],
                    "supports":[{{"id":"s","supporter":"a1","recipient":"nobody","types":["political"]}}]}}"#,
                actors.join(",")
            );
            let dossier = Dossier::from_json(&json)?;
            let checker = Checker::new(&dossier);
            assert!(matches!(checker.actors, IdIndex::Scan { .. }) == (n < SCAN), "{n}");
            assert_eq!(checker.actors.get("a1"), Some(1), "the first record wins ({n})");
            assert_eq!(checker.actors.get(&format!("a{}", n - 1)), Some(n - 1));
            assert_eq!(checker.actors.get("nobody"), None);
            let report = dossier.validate();
            let dup = format!("/actors/{n}/id");
            assert!(report.has(Code::DuplicateId, &dup), "{n}: {report}");
            let message = report.issues().iter().find(|i| i.path == dup).map(|i| i.message.as_str());
            assert_eq!(message, Some("id 'a1' is already used by /actors/1"));
            assert!(report.has(Code::DanglingReference, "/supports/0/recipient"), "{n}");
            assert!(!report.has(Code::DanglingReference, "/supports/0/supporter"), "{n}");
            assert!(!report.has(Code::UnreferencedActor, "/actors/1"), "{n}");
            assert!(report.has(Code::UnreferencedActor, "/actors/0"), "{n}");
        }
        Ok(())
    }
}
