//! The validation report: every problem found, with path, code, severity and message.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Code, Severity};

/// One problem found by [`validate`](crate::Dossier::validate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Issue {
    /// Where, as a JSON Pointer with the JSON names: `/agreements/0/signatures/1/signer`.
    pub path: String,
    /// Which rule, as a stable code.
    pub code: Code,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, for people.
    pub message: String,
}

impl Issue {
    /// A problem at `path` (a JSON Pointer into the document; empty for the document itself).
    pub fn new(path: impl Into<String>, code: Code, severity: Severity, message: impl Into<String>) -> Self {
        Self { path: path.into(), code, severity, message: message.into() }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(root)" } else { &self.path };
        write!(f, "{path}: {}: {}: {}", self.severity, self.code, self.message)
    }
}

/// Every problem found in a document, record by record in document order (within a record,
/// its dangling references first), then any a caller added with [`Report::push`].
///
/// Written and read as a JSON array of issues. A downstream crate adds its own rules by
/// pushing issues with a namespaced [`Code::custom`] code:
///
/// ```
/// use defense_agreements::prelude::*;
///
/// let dossier = Dossier::new(DossierId::new("d")?);
/// let mut report = dossier.validate();
/// if dossier.title.is_none() {
///     let code = Code::custom("acme.untitled")?;
///     report.push(Issue::new("", code, Severity::Warning, "the dossier has no title"));
/// }
/// assert!(report.is_valid());
/// assert_eq!(report.to_string(), "(root): warning: acme.untitled: the dossier has no title\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a problem at the end (a downstream rule's, or another report's).
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    /// Whether there are no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Whether there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    /// Every problem.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// Whether some problem has this code at this path.
    pub fn has(&self, code: Code, path: &str) -> bool {
        self.issues.iter().any(|i| i.code == code && i.path == path)
    }

    /// `Ok` with the warnings when there is no error, so `?` can be used:
    /// `dossier.validate().into_result()?`.
    pub fn into_result(self) -> Result<Report, ValidationError> {
        if self.is_valid() { Ok(self) } else { Err(ValidationError(self)) }
    }
}

impl Extend<Issue> for Report {
    fn extend<T: IntoIterator<Item = Issue>>(&mut self, iter: T) {
        self.issues.extend(iter);
    }
}

impl FromIterator<Issue> for Report {
    fn from_iter<T: IntoIterator<Item = Issue>>(iter: T) -> Self {
        Self { issues: iter.into_iter().collect() }
    }
}

impl IntoIterator for Report {
    type Item = Issue;
    type IntoIter = std::vec::IntoIter<Issue>;
    fn into_iter(self) -> Self::IntoIter {
        self.issues.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Issue;
    type IntoIter = std::slice::Iter<'a, Issue>;
    fn into_iter(self) -> Self::IntoIter {
        self.issues.iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        Ok(())
    }
}

/// A document with at least one validation error; holds the whole report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} validation error(s); first: {}", .0.errors().count(), .0.errors().next().map(ToString::to_string).unwrap_or_default())]
#[non_exhaustive]
pub struct ValidationError(pub Report);

impl ValidationError {
    /// The full report, warnings included.
    pub fn report(&self) -> &Report {
        &self.0
    }
}
