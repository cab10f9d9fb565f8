//! The row type of the ISO 3166 code table, apart from the table (generated) and from
//! [`CountryCode`](super::CountryCode) (which searches it), so that neither imports the other.

/// Whether a code is in current use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeStatus {
    /// Officially assigned in ISO 3166-1.
    Current,
    /// Withdrawn; listed in ISO 3166-3 (a state that dissolved, merged or was renamed).
    Former,
    /// User-assigned but in wide use (XKX, Kosovo).
    UserAssigned,
}

/// One row of the code table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CountryEntry {
    pub(crate) alpha3: &'static str,
    pub(crate) alpha2: Option<&'static str>,
    pub(crate) numeric: Option<u16>,
    pub(crate) name: &'static str,
    pub(crate) status: CodeStatus,
}
