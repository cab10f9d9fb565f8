//! Enums written as JSON strings: their names, `Display`, `FromStr`, and a strict reader.
//!
//! serde's derived reader for a unit-only enum also takes the externally tagged form
//! `{"state": null}`, which the schema rejects, and reports a number or `null` given for it as a
//! syntax error ("expected value"). [`wire_enum!`] gives each such enum one list of names from
//! which `as_str`, `Display`, `FromStr` and a `Deserialize` that reads strings only are made.

use std::fmt;

/// A string that names no value of an enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{text}': expected one of {}", .expected.join(", "))]
pub struct UnknownValueError {
    what: &'static str,
    text: String,
    expected: &'static [&'static str],
}

impl UnknownValueError {
    pub(crate) fn new(what: &'static str, text: &str, expected: &'static [&'static str]) -> Self {
        Self { what, text: text.to_owned(), expected }
    }

    /// The names that would have been accepted.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

/// The visitor of [`wire_enum!`]'s `Deserialize`: strings only, with serde's usual
/// `unknown variant` message for an unknown name.
pub(crate) struct NameVisitor<T> {
    pub(crate) what: &'static str,
    pub(crate) names: &'static [&'static str],
    pub(crate) parse: fn(&str) -> Option<T>,
}

impl<T> serde::de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as a string", self.what)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).ok_or_else(|| E::unknown_variant(v, self.names))
    }
}

/// `as_str`, `ALL`, `Display`, `FromStr` and a strings-only `Deserialize` for an enum of unit
/// variants, from its variants' JSON names. Keep `#[derive(Serialize)]` (and its
/// `rename_all`) on the enum; a unit test checks both spell every name alike.
macro_rules! wire_enum {
    ($ty:ident, $what:literal { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            const NAMES: &'static [&'static str] = &[$($name),*];

            /// The value as written in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::wire::UnknownValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s).ok_or_else(|| $crate::wire::UnknownValueError::new($what, s, Self::NAMES))
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::wire::NameVisitor {
                    what: $what,
                    names: Self::NAMES,
                    parse: Self::from_name,
                })
            }
        }
    };
}

pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use std::fmt::{Debug, Display};
    use std::str::FromStr;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use crate::agreement::*;
    use crate::values::{EstimateQualifier, EstimateUnit, NatoGrade};
    use crate::*;

    fn names_agree<T>(all: &[T], as_str: fn(T) -> &'static str)
    where
        T: Copy + PartialEq + Debug + Display + FromStr + Serialize + DeserializeOwned,
        T::Err: Debug,
    {
        assert!(!all.is_empty());
        for &v in all {
            let name = as_str(v);
            assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::Value::from(name)), "{v:?}");
            assert_eq!(v.to_string(), name);
            assert_eq!(name.parse::<T>().ok(), Some(v), "{name}");
            assert_eq!(serde_json::from_value::<T>(name.into()).ok(), Some(v), "{name}");
            // The externally tagged form serde's derive accepted, and other JSON types, are refused.
            assert!(serde_json::from_value::<T>(serde_json::json!({ name: null })).is_err(), "{name}");
        }
        for other in [serde_json::json!(5), serde_json::json!(null), serde_json::json!([]), serde_json::json!("?")] {
            assert!(serde_json::from_value::<T>(other.clone()).is_err(), "{other}");
        }
        assert!("no such name".parse::<T>().is_err());
    }

    #[test]
    fn every_wire_enum_spells_its_names_alike_everywhere() {
        names_agree(ActorKind::ALL, ActorKind::as_str);
        names_agree(NameKind::ALL, NameKind::as_str);
        names_agree(SourceKind::ALL, SourceKind::as_str);
        names_agree(Reliability::ALL, Reliability::as_str);
        names_agree(StatementMode::ALL, StatementMode::as_str);
        names_agree(SupportType::ALL, SupportType::as_str);
        names_agree(HostConsent::ALL, HostConsent::as_str);
        names_agree(AgreementKind::ALL, AgreementKind::as_str);
        names_agree(Confidentiality::ALL, Confidentiality::as_str);
        names_agree(crate::agreement::InstrumentForm::ALL, crate::agreement::InstrumentForm::as_str);
        names_agree(ActionType::ALL, ActionType::as_str);
        names_agree(CooperationArea::ALL, CooperationArea::as_str);
        names_agree(Renewal::ALL, Renewal::as_str);
        names_agree(ObligationType::ALL, ObligationType::as_str);
        names_agree(ConditionType::ALL, ConditionType::as_str);
        names_agree(PartyRole::ALL, PartyRole::as_str);
        names_agree(Relation::ALL, Relation::as_str);
        names_agree(EstimateQualifier::ALL, EstimateQualifier::as_str);
        names_agree(EstimateUnit::ALL, EstimateUnit::as_str);
        names_agree(NatoGrade::ALL, NatoGrade::as_str);
        names_agree(AgreementStatus::ALL, AgreementStatus::as_str);
        names_agree(Severity::ALL, Severity::as_str);
        names_agree(ParseErrorKind::ALL, ParseErrorKind::as_str);
        names_agree(crate::agreement::PartyStatus::ALL, crate::agreement::PartyStatus::as_str);
        #[cfg(feature = "merge")]
        names_agree(crate::diff::ChangeKind::ALL, crate::diff::ChangeKind::as_str);
    }

    #[test]
    fn an_unknown_name_lists_the_expected_ones() {
        let e = "states".parse::<ActorKind>().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("unknown actor kind 'states': expected one of state, armed_forces"), "{e}");
    }
}
