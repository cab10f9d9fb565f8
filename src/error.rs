//! The crate's error: what went wrong reading or writing a document, and where.

/// What sort of shape problem a parse error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Not JSON at all, or JSON cut short.
    #[serde(rename = "syntax_error")]
    Syntax,
    /// A field the model does not have.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field given twice in one object.
    DuplicateField,
    /// A value of the wrong JSON type (a number where a string belongs).
    InvalidType,
    /// A value of the right type that the model does not accept (an unknown enum value,
    /// a malformed date or id, an unknown country code).
    InvalidValue,
}

// The stable snake_case codes: `syntax_error`, `unknown_field`, `invalid_value` …
crate::wire::wire_enum!(ParseErrorKind, "parse error kind" {
    Syntax = "syntax_error",
    UnknownField = "unknown_field",
    MissingField = "missing_field",
    DuplicateField = "duplicate_field",
    InvalidType = "invalid_type",
    InvalidValue = "invalid_value",
});

/// A value a checking constructor refused: one variant per constructor error type, each
/// convertible with `?` (into this and into [`Error`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// A malformed local id.
    #[error(transparent)]
    Id(#[from] crate::ids::IdError),
    /// A malformed URL.
    #[error(transparent)]
    Url(#[from] crate::source::UrlError),
    /// An unknown country code.
    #[error(transparent)]
    Country(#[from] crate::values::CountryError),
    /// A malformed language code.
    #[error(transparent)]
    Language(#[from] crate::values::LanguageError),
    /// A malformed or unwritable date.
    #[error(transparent)]
    Date(#[from] crate::values::DateError),
    /// A malformed identifier scheme.
    #[error(transparent)]
    Scheme(#[from] crate::values::SchemeError),
    /// A credibility grade out of range.
    #[error(transparent)]
    Credibility(#[from] crate::citation::CredibilityError),
    /// Coordinates out of range.
    #[error(transparent)]
    Coordinates(#[from] crate::values::CoordinatesError),
    /// An extension key or value refused.
    #[error(transparent)]
    Extension(#[from] crate::extensions::ExtensionError),
    /// A name no value of an enum has.
    #[error(transparent)]
    UnknownValue(#[from] crate::wire::UnknownValueError),
    /// A string that is no rule code.
    #[error(transparent)]
    Code(#[from] crate::validate::CodeError),
    /// A malformed or unsupported schema version.
    #[error(transparent)]
    SchemaVersion(#[from] crate::schema_version::SchemaVersionError),
    /// A `through` year past the last year the research tables run to.
    #[cfg(feature = "tables")]
    #[error(transparent)]
    ThroughYear(#[from] crate::tables::ThroughYearError),
}

macro_rules! into_error {
    ($($ty:ty),* $(,)?) => {
        $(impl From<$ty> for Error {
            fn from(e: $ty) -> Self {
                Self::Value(e.into())
            }
        })*
    };
}

into_error!(
    crate::ids::IdError,
    crate::source::UrlError,
    crate::values::CountryError,
    crate::values::LanguageError,
    crate::values::DateError,
    crate::values::SchemeError,
    crate::citation::CredibilityError,
    crate::values::CoordinatesError,
    crate::extensions::ExtensionError,
    crate::extensions::ExtensionKeyError,
    crate::schema_version::SchemaVersionError,
    crate::wire::UnknownValueError,
    crate::validate::CodeError,
);

#[cfg(feature = "tables")]
into_error!(crate::tables::ThroughYearError);

impl From<crate::extensions::ExtensionKeyError> for ValueError {
    fn from(e: crate::extensions::ExtensionKeyError) -> Self {
        Self::Extension(e.into())
    }
}

/// An error reading or writing a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document does not have the model's shape.
    #[error("{}: {message}", display_path(path))]
    Parse {
        /// Where, as a JSON Pointer with the JSON names (`/agreements/0/signatures/1/date`);
        /// empty for the document itself.
        path: String,
        /// What sort of problem.
        kind: ParseErrorKind,
        /// What is wrong, for people.
        message: String,
        /// The line of the input (1-based), where known.
        line: usize,
        /// The column of the input (1-based), where known.
        column: usize,
    },
    /// The document declares a `schema_version` this crate does not read.
    #[error("/schema_version: unsupported schema_version '{found}': this crate reads {}.x documents", crate::schema_version::SchemaVersion::CURRENT.major())]
    UnsupportedVersion {
        /// The version the document declares.
        found: String,
    },
    /// Reading or writing failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A value refused by a checking constructor (`ActorId::new`, `CountryCode::new` …), so
    /// that `?` works on every constructor in a function returning this crate's `Error`.
    #[error(transparent)]
    Value(#[from] ValueError),
    /// An error in one line of a JSON Lines stream.
    #[error("line {line}: {source}")]
    Line {
        /// The line number (1-based).
        line: u64,
        /// The error in that line.
        #[source]
        source: Box<Error>,
    },
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "(root)" } else { path }
}

impl Error {
    /// A stable snake_case code for the error: the parse error kind, `unsupported_schema_version`
    /// or `io_error`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Parse { kind, .. } => kind.as_str(),
            Self::UnsupportedVersion { .. } => "unsupported_schema_version",
            Self::Io(_) => "io_error",
            Self::Value(_) => "invalid_value",
            Self::Line { source, .. } => source.code(),
        }
    }

    /// The JSON Pointer of the problem, where there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::Parse { path, .. } => Some(path),
            Self::UnsupportedVersion { .. } => Some("/schema_version"),
            Self::Io(_) | Self::Value(_) => None,
            Self::Line { source, .. } => source.path(),
        }
    }

    /// The message without the path.
    pub fn message(&self) -> String {
        match self {
            Self::Parse { message, .. } => message.clone(),
            Self::Line { source, .. } => source.message(),
            Self::UnsupportedVersion { .. } => {
                let full = self.to_string();
                full.strip_prefix("/schema_version: ").unwrap_or(&full).to_owned()
            }
            Self::Io(e) => e.to_string(),
            Self::Value(e) => e.to_string(),
        }
    }

    /// This error, met in line `line` of a JSON Lines stream. A parse error's position is made
    /// the stream's: the text parsed was that one line, so serde_json's "line 1" is `line`, and
    /// the message says the column alone ("line 8: (root): expected value at column 24").
    pub(crate) fn in_line(self, line: u64) -> Self {
        let source = match self {
            Self::Parse { path, kind, message, line: 1, column } => {
                let message = match message.strip_suffix(&format!(" at line 1 column {column}")) {
                    Some(head) => format!("{head} at column {column}"),
                    None => message,
                };
                let line = usize::try_from(line).unwrap_or(usize::MAX);
                Self::Parse { path, kind, message, line, column }
            }
            other => other,
        };
        Self::Line { line, source: Box::new(source) }
    }

    /// Builds a parse error from serde_json's, with the path serde_path_to_error tracked.
    pub(crate) fn from_tracked(err: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = crate::pointer::render(err.path());
        Self::from_json(err.into_inner(), path)
    }

    pub(crate) fn from_json(err: serde_json::Error, mut path: String) -> Self {
        let (line, column) = (err.line(), err.column());
        let full = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full);
        // A field buffered before a tagged union's `type` carries its path below the union.
        let (nested, message) = crate::pointer::split_nested(message);
        path.push_str(nested.as_deref().unwrap_or_default());
        let mut message = in_words(message);
        // serde_json says column 0 for an error just after a line break (input cut short after a
        // newline); columns are 1-based, and that position is the next line's first column.
        let column = if line > 0 { column.max(1) } else { column };
        let kind = match err.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => ParseErrorKind::Syntax,
            serde_json::error::Category::Io => ParseErrorKind::Syntax,
            serde_json::error::Category::Data => {
                if message.starts_with("unknown field") {
                    point_at_field(&mut path, &message);
                    ParseErrorKind::UnknownField
                } else if message.starts_with("missing field") {
                    ParseErrorKind::MissingField
                } else if message.starts_with("duplicate field") {
                    point_at_field(&mut path, &message);
                    ParseErrorKind::DuplicateField
                } else if message.starts_with("invalid type") {
                    ParseErrorKind::InvalidType
                } else {
                    ParseErrorKind::InvalidValue
                }
            }
        };
        if message.is_empty() {
            message = kind.as_str().replace('_', " ");
        }
        // A syntax error has no useful path (it is the document's); the position is what helps.
        if kind == ParseErrorKind::Syntax && line > 0 {
            message = format!("{message} at line {line} column {column}");
        }
        Self::Parse { path, kind, message, line, column }
    }
}

/// serde names Rust types ("expected u32", "expected struct WithdrawalTerms", "invalid type:
/// sequence"); say it in JSON's terms: what the field takes, an object, an array, null.
fn in_words(message: &str) -> String {
    const RUST_TYPES: [(&str, &str); 8] = [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        ("expected a nonzero u32", "expected a whole number from 1 to 4294967295"),
        ("expected u32", "expected a whole number from 0 to 4294967295"),
        ("expected u64", "expected a whole number from 0 to 18446744073709551615"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected an array"),
        ("expected a map", "expected an object"),
    ];
    // A record or tagged union names its Rust type last: `expected struct Dossier`.
    const RUST_KINDS: [&str; 2] = ["expected struct ", "expected internally tagged enum "];
    const JSON_TYPES: [(&str, &str); 3] = [
        ("invalid type: sequence,", "invalid type: array,"),
        ("invalid type: map,", "invalid type: object,"),
        ("invalid type: unit value,", "invalid type: null,"),
    ];
    let mut out = RUST_TYPES
        .iter()
        .find_map(|(rust, words)| message.strip_suffix(rust).map(|head| format!("{head}{words}")))
        .or_else(|| {
            RUST_KINDS.iter().find_map(|kind| {
                let (head, name) = message.rsplit_once(kind)?;
                name.chars().all(|c| c.is_ascii_alphanumeric()).then(|| format!("{head}expected an object"))
            })
        })
        .unwrap_or_else(|| message.to_owned());
    for (rust, json) in JSON_TYPES {
        if let Some(rest) = out.strip_prefix(rust) {
            out = format!("{json}{rest}");
        }
    }
    out
}

/// Makes the path of an unknown or repeated field point at the field, not the object holding
/// it. serde_path_to_error usually has the field in the path already; inside a buffered
/// (internally tagged) value it stops at the object.
fn point_at_field(path: &mut String, message: &str) {
    if let Some(name) = field_name(message) {
        let mut segment = String::new();
        crate::pointer::push_token(&mut segment, name);
        if !path.ends_with(&segment) {
            path.push_str(&segment);
        }
    }
}

/// The field an `unknown field` or `duplicate field` message names. The name may itself hold
/// backticks, so it ends where serde's fixed text after it begins, not at the next backtick.
fn field_name(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('`')?;
    [rest.rfind("`, expected "), rest.rfind("`, there are no fields"), rest.strip_suffix('`').map(str::len)]
        .into_iter()
        .flatten()
        .next()
        .and_then(|end| rest.get(..end))
}
