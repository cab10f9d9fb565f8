//! Country codes: ISO 3166-1 alpha-3, plus ISO 3166-3 codes for states that no longer exist.
//!
//! No maintained crate covers ISO 3166-3 (historical states such as the USSR or Yugoslavia, which
//! alliance datasets need), so the code table is our own, generated from Debian's `iso-codes`.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::country_entry::{CodeStatus, CountryEntry};
use super::country_table::COUNTRIES;

/// A known ISO 3166 alpha-3 country code, such as `IRN`, `SYR` or (historical) `SUN`.
///
/// Parsing rejects codes that are not in the table, so a `CountryCode` is always known.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(&'static str);

/// A three-byte code as a number that sorts as the code does (big-endian), so that the table's
/// binary search compares integers instead of calling `memcmp` at each step: every country code
/// of every document is looked up, when parsed and again when validated. `None` for any other
/// length (every alpha-3 code has three bytes).
fn alpha3_key(code: &str) -> Option<u32> {
    match *code.as_bytes() {
        [a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

/// The table entry of an alpha-3 code.
fn find(code: &str) -> Option<&'static CountryEntry> {
    let key = alpha3_key(code)?;
    let i = COUNTRIES.binary_search_by_key(&Some(key), |e| alpha3_key(e.alpha3)).ok()?;
    COUNTRIES.get(i)
}

impl CountryCode {
    fn entry(&self) -> Option<&'static CountryEntry> {
        find(self.0)
    }

    /// Looks a code up; fails when it is not a known alpha-3 code (case matters: `IRN`).
    pub fn new(code: &str) -> Result<Self, CountryError> {
        find(code).map(|e| Self(e.alpha3)).ok_or_else(|| CountryError { code: code.to_owned(), alpha2: false })
    }

    /// Looks a country up by its ISO 3166-1 alpha-2 code (`IR`), preferring current codes.
    pub fn from_alpha2(code: &str) -> Result<Self, CountryError> {
        let mut matches = COUNTRIES.iter().filter(|e| e.alpha2 == Some(code));
        let Some(first) = matches.next() else {
            return Err(CountryError { code: code.to_owned(), alpha2: true });
        };
        let best = if first.status == CodeStatus::Current {
            first
        } else {
            matches.find(|e| e.status == CodeStatus::Current).unwrap_or(first)
        };
        Ok(Self(best.alpha3))
    }

    /// The alpha-3 code.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// The alpha-2 code (the former one, for ISO 3166-3 codes).
    pub fn alpha2(&self) -> Option<&'static str> {
        self.entry().and_then(|e| e.alpha2)
    }

    /// The ISO 3166 numeric code, where there is one.
    pub fn numeric(&self) -> Option<u16> {
        self.entry().and_then(|e| e.numeric)
    }

    /// The English short name.
    pub fn name(&self) -> &'static str {
        self.entry().map_or("", |e| e.name)
    }

    /// Whether the code is current, former (ISO 3166-3) or user-assigned.
    pub fn status(&self) -> CodeStatus {
        self.entry().map_or(CodeStatus::Current, |e| e.status)
    }

    /// Every known code, in alphabetical order.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        COUNTRIES.iter().map(|e| Self(e.alpha3))
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.0)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A string that is not a known country code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct CountryError {
    code: String,
    alpha2: bool,
}

impl CountryError {
    fn describe(&self) -> String {
        if self.alpha2 {
            format!("unknown country code '{}': expected an ISO 3166-1 alpha-2 code such as IR", self.code)
        } else {
            format!(
                "unknown country code '{}': expected an ISO 3166-1 alpha-3 code such as IRN, or an ISO 3166-3 code of a former state such as SUN",
                self.code
            )
        }
    }
}

impl FromStr for CountryCode {
    type Err = CountryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<&str> for CountryCode {
    type Error = CountryError;
    fn try_from(s: &str) -> Result<Self, CountryError> {
        Self::new(s)
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::from_str::deserialize_from_str(deserializer, "an ISO 3166 alpha-3 country code")
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for CountryCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = COUNTRIES.iter().map(|e| e.alpha3).collect();
        json_schema!({
            "type": "string",
            "description": "An ISO 3166-1 alpha-3 country code; states that no longer exist use their ISO 3166-3 code (SUN, YUG, CSK, DDR, ...); XKX is Kosovo.",
            "enum": codes
        })
    }
}

#[cfg(test)]
mod tests {

    /// The integer-keyed search finds exactly the codes of the table, and nothing else.
    #[test]
    fn integer_keys_find_what_string_comparison_finds() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha3 < w[1].alpha3), "the table is sorted");
        for e in COUNTRIES {
            assert_eq!(e.alpha3.len(), 3, "{}", e.alpha3);
            assert_eq!(find(e.alpha3).map(|f| f.alpha3), Some(e.alpha3));
        }
        for other in ["", "I", "IR", "irn", "IRNN", "ÉTA", "ZZZ", "AAA", "\0\0\0", "IR\u{0}"] {
            assert_eq!(find(other).map(|f| f.alpha3), COUNTRIES.iter().find(|e| e.alpha3 == other).map(|e| e.alpha3));
        }
    }
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha3 < w[1].alpha3));
        assert_eq!(COUNTRIES.iter().filter(|e| e.status == CodeStatus::Current).count(), 249);
    }

    #[test]
    fn knows_current_and_former_states() {
        let irn: CountryCode = "IRN".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(irn.alpha2(), Some("IR"));
        assert_eq!(irn.numeric(), Some(364));
        assert_eq!(CountryCode::new("SUN").map(|c| c.status()), Ok(CodeStatus::Former));
        assert_eq!(CountryCode::new("XKX").map(|c| c.status()), Ok(CodeStatus::UserAssigned));
        assert_eq!(CountryCode::from_alpha2("SY").map(|c| c.as_str()), Ok("SYR"));
        assert!(CountryCode::from_alpha2("ZZ").is_err_and(|e| e.to_string().contains("alpha-2")));
    }

    #[test]
    fn rejects_unknown_and_miscased_codes() {
        for bad in ["ZZZ", "irn", "IR", "IRNN", ""] {
            assert!(bad.parse::<CountryCode>().is_err(), "{bad}");
        }
    }
}
