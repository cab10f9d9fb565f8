//! Alternative names: spellings, transliterations, native scripts, former names.

use serde::{Deserialize, Serialize};

use crate::values::{EdtfDate, LanguageCode};

/// Another name a record is known by: "Baqeri" for "Bagheri", "محمد باقری" in Persian.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct OtherName {
    /// The name, exactly as written.
    pub name: String,
    /// Its language, when it matters (a native-script name, a translation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// What sort of variant it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NameKind>,
    /// When the name was in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<EdtfDate>,
}

impl OtherName {
    /// A variant spelling with no further detail.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), language: None, kind: None, period: None }
    }

    /// The same name, marked with its language and kind.
    pub fn with(mut self, language: Option<LanguageCode>, kind: NameKind) -> Self {
        self.language = language;
        self.kind = Some(kind);
        self
    }
}

/// What sort of name variant an [`OtherName`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameKind {
    /// The name in its own language and script.
    Native,
    /// A romanization of the native name (Bagheri / Baqeri).
    Transliteration,
    /// A translation into another language.
    Translation,
    /// A short form or acronym (IRGC).
    Abbreviation,
    /// A name no longer used.
    Former,
    /// Any other spelling or alias.
    Alias,
}

crate::wire::wire_enum!(NameKind, "name kind" {
    Native = "native",
    Transliteration = "transliteration",
    Translation = "translation",
    Abbreviation = "abbreviation",
    Former = "former",
    Alias = "alias",
});

crate::with::with!(OtherName {
    with_language: language opt LanguageCode;
    with_kind: kind opt NameKind;
    with_period: period opt EdtfDate;
});

crate::objects_only::objects_only!(OtherName);
