//! Estimates of counts: "as many as 2,500", "8,000 to 12,000", "about 900".

use serde::{Deserialize, Serialize};

/// How an estimate's bounds are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EstimateQualifier {
    /// An exact count: `best` only.
    Exact,
    /// "About", "some", "roughly": `best`, optionally with `low` and `high` around it.
    Approximately,
    /// "At least", "more than": `low`, no `high`.
    AtLeast,
    /// "As many as", "up to": `high`, no `low`.
    AtMost,
    /// "8,000 to 12,000": `low` and `high`, optionally `best`.
    Range,
    /// The source gives no figure: no bounds at all.
    Unknown,
}

crate::wire::wire_enum!(EstimateQualifier, "estimate qualifier" {
    Exact = "exact",
    Approximately = "approximately",
    AtLeast = "at_least",
    AtMost = "at_most",
    Range = "range",
    Unknown = "unknown",
});

/// What an estimate counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EstimateUnit {
    /// People: soldiers, fighters, advisers.
    #[default]
    Personnel,
    /// Aircraft of any kind.
    Aircraft,
    /// Ships and boats.
    Vessels,
    /// Ground vehicles.
    Vehicles,
    /// Formed units (battalions, brigades ...).
    Units,
    /// Anything else (say what in the record's description).
    Other,
}

crate::wire::wire_enum!(EstimateUnit, "estimate unit" {
    Personnel = "personnel",
    Aircraft = "aircraft",
    Vessels = "vessels",
    Vehicles = "vehicles",
    Units = "units",
    Other = "other",
});

impl EstimateUnit {
    fn is_personnel(&self) -> bool {
        *self == EstimateUnit::Personnel
    }
}

/// A count known only approximately, in the UCDP low / best / high style.
///
/// Invariants checked by validation: `low <= best <= high`, and the bounds given fit the
/// qualifier (see [`EstimateQualifier`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Estimate {
    /// The lowest figure given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    /// The single most likely figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<u64>,
    /// The highest figure given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    /// How to read the bounds.
    pub qualifier: EstimateQualifier,
    /// What is counted; personnel when absent.
    #[serde(default, skip_serializing_if = "EstimateUnit::is_personnel")]
    pub unit: EstimateUnit,
}

/// The estimate as a source would put it: `2500`, `about 2500`, `at least 8000`, `as many as
/// 2500`, `8000 to 12000`, `unknown` (a bound the qualifier needs but the estimate lacks is `?`).
impl std::fmt::Display for Estimate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Figure(Option<u64>);
        impl std::fmt::Display for Figure {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self.0 {
                    Some(n) => write!(f, "{n}"),
                    None => f.write_str("?"),
                }
            }
        }
        let (low, best, high) = (Figure(self.low), Figure(self.best), Figure(self.high));
        match self.qualifier {
            EstimateQualifier::Exact => write!(f, "{best}"),
            EstimateQualifier::Approximately => write!(f, "about {best}"),
            EstimateQualifier::AtLeast => write!(f, "at least {low}"),
            EstimateQualifier::AtMost => write!(f, "as many as {high}"),
            EstimateQualifier::Range => write!(f, "{low} to {high}"),
            EstimateQualifier::Unknown => f.write_str("unknown"),
        }
    }
}

/// What is wrong with an estimate, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EstimateProblem {
    /// A bound is above a later one (`low > best`, `best > high` or `low > high`).
    BoundsReversed,
    /// The bounds given do not fit the qualifier.
    QualifierMismatch,
}

impl Estimate {
    /// An estimate with its qualifier and no bounds yet: set `low`, `best` and `high` to fit it
    /// (or use [`Estimate::exact`], [`Estimate::range`] …, which do).
    pub fn new(qualifier: EstimateQualifier) -> Self {
        Self::bounds(None, None, None, qualifier)
    }

    /// An exact count.
    pub fn exact(count: u64) -> Self {
        Self::bounds(None, Some(count), None, EstimateQualifier::Exact)
    }

    /// "About `count`".
    pub fn approximately(count: u64) -> Self {
        Self::bounds(None, Some(count), None, EstimateQualifier::Approximately)
    }

    /// "At least `count`".
    pub fn at_least(count: u64) -> Self {
        Self::bounds(Some(count), None, None, EstimateQualifier::AtLeast)
    }

    /// "As many as `count`", "up to `count`".
    pub fn at_most(count: u64) -> Self {
        Self::bounds(None, None, Some(count), EstimateQualifier::AtMost)
    }

    /// "`low` to `high`".
    pub fn range(low: u64, high: u64) -> Self {
        Self::bounds(Some(low), None, Some(high), EstimateQualifier::Range)
    }

    /// No figure known.
    pub fn unknown() -> Self {
        Self::bounds(None, None, None, EstimateQualifier::Unknown)
    }

    fn bounds(low: Option<u64>, best: Option<u64>, high: Option<u64>, q: EstimateQualifier) -> Self {
        Self { low, best, high, qualifier: q, unit: EstimateUnit::Personnel }
    }

    /// The same estimate counting another unit.
    pub fn in_unit(mut self, unit: EstimateUnit) -> Self {
        self.unit = unit;
        self
    }

    /// The smallest value the estimate allows (0 when it has no lower bound).
    pub fn min(&self) -> u64 {
        match self.qualifier {
            EstimateQualifier::Exact => self.best,
            _ => self.low,
        }
        .unwrap_or(0)
    }

    /// The largest value the estimate allows (`None` when unbounded above).
    pub fn max(&self) -> Option<u64> {
        match self.qualifier {
            EstimateQualifier::Exact => self.best,
            EstimateQualifier::AtLeast | EstimateQualifier::Unknown => self.high,
            EstimateQualifier::Approximately => self.high.or(self.best),
            _ => self.high,
        }
    }

    /// Whether the value `n` is consistent with this estimate.
    pub fn admits(&self, n: u64) -> bool {
        match self.qualifier {
            // "About" is soft: any value is admissible.
            EstimateQualifier::Approximately | EstimateQualifier::Unknown => true,
            _ => self.min() <= n && self.max().is_none_or(|max| n <= max),
        }
    }

    /// The first rule the estimate breaks, if any.
    pub fn problem(&self) -> Option<EstimateProblem> {
        let ordered = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        if !(ordered(self.low, self.best) && ordered(self.best, self.high) && ordered(self.low, self.high)) {
            return Some(EstimateProblem::BoundsReversed);
        }
        let (l, b, h) = (self.low.is_some(), self.best.is_some(), self.high.is_some());
        let fits = match self.qualifier {
            EstimateQualifier::Exact => {
                b && self.low.is_none_or(|x| Some(x) == self.best) && self.high.is_none_or(|x| Some(x) == self.best)
            }
            EstimateQualifier::Approximately => b,
            EstimateQualifier::AtLeast => l && !h,
            EstimateQualifier::AtMost => h && !l,
            EstimateQualifier::Range => l && h,
            EstimateQualifier::Unknown => !l && !b && !h,
        };
        (!fits).then_some(EstimateProblem::QualifierMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_are_consistent() {
        for e in [
            Estimate::exact(900),
            Estimate::approximately(900),
            Estimate::at_least(10),
            Estimate::at_most(2500),
            Estimate::range(8000, 12000),
            Estimate::unknown(),
        ] {
            assert_eq!(e.problem(), None, "{e:?}");
        }
    }

    #[test]
    fn detects_reversed_bounds_and_mismatches() {
        assert_eq!(Estimate::range(12000, 8000).problem(), Some(EstimateProblem::BoundsReversed));
        let mut e = Estimate::at_most(2500);
        e.low = Some(10);
        assert_eq!(e.problem(), Some(EstimateProblem::QualifierMismatch));
        let mut e = Estimate::unknown();
        e.best = Some(1);
        assert_eq!(e.problem(), Some(EstimateProblem::QualifierMismatch));
        let mut e = Estimate::exact(5);
        e.high = Some(6);
        assert_eq!(e.problem(), Some(EstimateProblem::QualifierMismatch));
    }

    #[test]
    fn admits_values_within_bounds() {
        assert!(Estimate::at_most(2500).admits(2500));
        assert!(!Estimate::at_most(2500).admits(2501));
        assert!(Estimate::range(8000, 12000).admits(8000));
        assert!(!Estimate::range(8000, 12000).admits(7999));
        assert!(Estimate::at_least(10).admits(u64::MAX));
        assert!(!Estimate::exact(5).admits(6));
    }
}

crate::with::with!(Estimate {
    with_low: low opt u64;
    with_best: best opt u64;
    with_high: high opt u64;
    with_unit: unit val EstimateUnit;
});

crate::objects_only::objects_only!(Estimate);
