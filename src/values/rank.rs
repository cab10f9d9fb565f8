//! Military ranks: the native title, and its NATO STANAG 2116 grade where one applies.

use serde::{Deserialize, Serialize};

use super::LanguageCode;

/// A rank as the source gives it, optionally normalized to a NATO grade so that ranks of
/// different armed forces can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Rank {
    /// The title as used by the force itself, in English or in the original: "Major General".
    pub title: String,
    /// The language of `title`, when it is not English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// The STANAG 2116 grade: `OF-7` for a major general.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nato_grade: Option<NatoGrade>,
}

impl Rank {
    /// A rank by its title, with no language or NATO grade yet.
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), language: None, nato_grade: None }
    }
}

macro_rules! grades {
    ($($variant:ident = $code:literal, $doc:literal;)*) => {
        /// A NATO STANAG 2116 rank grade. Serialized as its code (`"OF-7"`), the form in which
        /// it is written everywhere else, rather than in snake_case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum NatoGrade {
            $(
                #[doc = $doc]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        crate::wire::wire_enum!(NatoGrade, "NATO grade" { $($variant = $code),* });

        impl NatoGrade {
            /// The code, such as `OF-7` (the same as [`NatoGrade::as_str`]).
            pub fn code(&self) -> &'static str {
                self.as_str()
            }
        }
    };
}

grades! {
    Or1 = "OR-1", "Private (recruit).";
    Or2 = "OR-2", "Private.";
    Or3 = "OR-3", "Private first class, lance corporal.";
    Or4 = "OR-4", "Corporal.";
    Or5 = "OR-5", "Sergeant.";
    Or6 = "OR-6", "Staff sergeant.";
    Or7 = "OR-7", "Sergeant first class.";
    Or8 = "OR-8", "Master sergeant.";
    Or9 = "OR-9", "Sergeant major.";
    OfD = "OF(D)", "Officer designate (officer cadet).";
    Of1 = "OF-1", "Lieutenant, second lieutenant.";
    Of2 = "OF-2", "Captain.";
    Of3 = "OF-3", "Major.";
    Of4 = "OF-4", "Lieutenant colonel.";
    Of5 = "OF-5", "Colonel.";
    Of6 = "OF-6", "Brigadier general (one star).";
    Of7 = "OF-7", "Major general (two stars).";
    Of8 = "OF-8", "Lieutenant general (three stars).";
    Of9 = "OF-9", "General (four stars).";
    Of10 = "OF-10", "Field marshal, general of the army (five stars).";
}

impl NatoGrade {
    /// Whether the grade is an officer's (OF-…).
    pub fn is_officer(&self) -> bool {
        *self >= NatoGrade::OfD
    }
}

crate::with::with!(Rank {
    with_language: language opt LanguageCode;
    with_nato_grade: nato_grade opt NatoGrade;
});

crate::objects_only::objects_only!(Rank);
