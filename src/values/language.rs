//! Language codes: ISO 639-1 (two letters) or ISO 639-3 (three letters).

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 639 language code in lower case: `fa`, `ar`, `en` (639-1) or `pes`, `apc` (639-3).
///
/// Parsing checks the shape (two or three ASCII lower-case letters), as the JSON Schema does;
/// whether ISO 639 assigns the code is checked by validation (`unknown_language`), because the
/// 7,000-entry list is too large to carry in the schema.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode {
    letters: [u8; 3],
    len: u8,
}

impl LanguageCode {
    /// The code as written.
    pub fn as_str(&self) -> &str {
        let bytes = self.letters.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// Whether ISO 639-1 or ISO 639-3 assigns this code.
    pub fn is_known(&self) -> bool {
        match self.len {
            2 => isolang::Language::from_639_1(self.as_str()).is_some(),
            _ => isolang::Language::from_639_3(self.as_str()).is_some(),
        }
    }

    /// The ISO 639-3 code of the language, when known (`fa` → `fas`).
    pub fn to_639_3(&self) -> Option<&'static str> {
        let lang = match self.len {
            2 => isolang::Language::from_639_1(self.as_str()),
            _ => isolang::Language::from_639_3(self.as_str()),
        };
        lang.map(|l| l.to_639_3())
    }
}

/// A string that is not shaped like an ISO 639 code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid language code '{0}': expected an ISO 639-1 or 639-3 code in lower case, such as 'fa' or 'pes'")]
pub struct LanguageError(String);

impl FromStr for LanguageCode {
    type Err = LanguageError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return Err(LanguageError(s.to_owned()));
        }
        let mut letters = [0u8; 3];
        letters[..bytes.len()].copy_from_slice(bytes);
        Ok(Self { letters, len: bytes.len() as u8 })
    }
}

impl fmt::Debug for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageCode({})", self.as_str())
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for LanguageCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LanguageCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::from_str::deserialize_from_str(deserializer, "an ISO 639 language code")
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for LanguageCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An ISO 639-1 (two-letter) or ISO 639-3 (three-letter) language code in lower case. Validation also checks that ISO 639 assigns it.",
            "pattern": "^[a-z]{2,3}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_knows_codes() {
        let fa: LanguageCode = "fa".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(fa.is_known());
        assert_eq!(fa.to_639_3(), Some("fas"));
        let pes: LanguageCode = "pes".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(pes.is_known());
        let qq: LanguageCode = "qq".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(!qq.is_known());
    }

    #[test]
    fn rejects_bad_shapes() {
        for bad in ["", "f", "FA", "fars", "f1", "é"] {
            assert!(bad.parse::<LanguageCode>().is_err(), "{bad}");
        }
    }
}
