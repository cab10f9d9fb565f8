//! Partial and uncertain dates in the Extended Date/Time Format (EDTF, ISO 8601-2).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year: `2020`.
    Year,
    /// Year and month: `2020-07`.
    Month,
    /// A calendar day: `2020-07-08`.
    Day,
}

/// The EDTF level-1 qualifier of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Qualifier {
    /// No qualifier.
    #[default]
    None,
    /// `?`: the source is unsure of the date.
    Uncertain,
    /// `~`: the date is an estimate ("about").
    Approximate,
    /// `%`: both uncertain and approximate.
    UncertainApproximate,
}

impl Qualifier {
    fn suffix(self) -> &'static str {
        match self {
            Qualifier::None => "",
            Qualifier::Uncertain => "?",
            Qualifier::Approximate => "~",
            Qualifier::UncertainApproximate => "%",
        }
    }
}

/// One EDTF date of year, month or day precision, with an optional qualifier.
///
/// The parser accepts the shape the JSON Schema pattern accepts (month 01–12, day 01–31);
/// whether the day exists in that month (no 30 February) is checked by validation, so a
/// document with an impossible date still loads and is reported with its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    qualifier: Qualifier,
}

impl PartialDate {
    /// The years EDTF's four-digit form can write: -9999 to 9999.
    pub const YEARS: std::ops::RangeInclusive<i32> = -9999..=9999;

    /// A year-precision date; fails outside [`PartialDate::YEARS`].
    pub fn year(year: i32) -> Result<Self, DateError> {
        let date = Self { year, month: None, day: None, qualifier: Qualifier::None };
        if Self::YEARS.contains(&year) { Ok(date) } else { Err(DateError { text: date.to_string() }) }
    }

    /// A month-precision date; fails unless `month` is 1–12 and the year writable.
    pub fn month(year: i32, month: u8) -> Result<Self, DateError> {
        let date = Self { year, month: Some(month), day: None, qualifier: Qualifier::None };
        if Self::YEARS.contains(&year) && (1..=12).contains(&month) {
            Ok(date)
        } else {
            Err(DateError { text: date.to_string() })
        }
    }

    /// A day-precision date; fails unless it is a real calendar day of a writable year.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let date = Self { year, month: Some(month), day: Some(day), qualifier: Qualifier::None };
        if Self::YEARS.contains(&year) && date.is_real() && (1..=12).contains(&month) {
            Ok(date)
        } else {
            Err(DateError { text: date.to_string() })
        }
    }

    /// The same date with another qualifier.
    pub fn with_qualifier(mut self, qualifier: Qualifier) -> Self {
        self.qualifier = qualifier;
        self
    }

    /// The year (astronomical numbering: year 0 is 1 BCE).
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The month, when known.
    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day_value(&self) -> Option<u8> {
        self.day
    }

    /// The qualifier.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Whether the date names a day that exists (no `2020-02-30`).
    pub fn is_real(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(self.year, m),
            (Some(m), None) => (1..=12).contains(&m),
            (None, _) => true,
        }
    }

    /// The first calendar day the date may denote, or `None` when it is not a real date.
    pub fn earliest(&self) -> Option<NaiveDate> {
        let month = u32::from(self.month.unwrap_or(1));
        let day = u32::from(self.day.unwrap_or(1));
        NaiveDate::from_ymd_opt(self.year, month, day)
    }

    /// The last calendar day the date may denote, or `None` when it is not a real date.
    pub fn latest(&self) -> Option<NaiveDate> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, u32::from(m), u32::from(d)),
            (Some(m), None) => {
                let first = NaiveDate::from_ymd_opt(self.year, u32::from(m), 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(self.year.checked_add(1)?, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(self.year, u32::from(m) + 1, 1)?
                };
                Some(next.pred_opt().unwrap_or(first))
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
    }

    /// Whether every day this date may denote is before every day `other` may denote.
    /// Partial dates that overlap (`2020` and `2020-07-08`) are neither before nor after.
    pub fn is_definitely_before(&self, other: &PartialDate) -> bool {
        match (self.last_key(), other.first_key()) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// Whether `day` falls within the days this date may denote.
    pub fn contains(&self, day: NaiveDate) -> bool {
        match (self.earliest(), self.latest()) {
            (Some(a), Some(b)) => a <= day && day <= b,
            _ => false,
        }
    }

    fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || DateError { text: text.to_owned() };
        let (body, qualifier) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], Qualifier::Uncertain),
            Some(b'~') => (&text[..text.len() - 1], Qualifier::Approximate),
            Some(b'%') => (&text[..text.len() - 1], Qualifier::UncertainApproximate),
            _ => (text, Qualifier::None),
        };
        let (negative, digits) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let bytes = digits.as_bytes();
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            part.iter().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
        };
        let year = number(0..4).ok_or_else(bad)?;
        let year = i32::try_from(year).map_err(|_| bad())?;
        let year = if negative { -year } else { year };
        if negative && year == 0 {
            return Err(bad());
        }
        let (month, day) = match bytes.len() {
            4 => (None, None),
            7 if bytes[4] == b'-' => (Some(number(5..7).ok_or_else(bad)?), None),
            10 if bytes[4] == b'-' && bytes[7] == b'-' => {
                (Some(number(5..7).ok_or_else(bad)?), Some(number(8..10).ok_or_else(bad)?))
            }
            _ => return Err(bad()),
        };
        if month.is_some_and(|m| !(1..=12).contains(&m)) || day.is_some_and(|d| !(1..=31).contains(&d)) {
            return Err(bad());
        }
        Ok(Self {
            year,
            // Both fit in u8: checked against 1..=12 and 1..=31 just above.
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            qualifier,
        })
    }
}

/// A calendar day as (year, month, day), ordered chronologically. Validation compares these
/// rather than `NaiveDate`s: the same order, without the calendar arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct DayKey(i32, u8, u8);

impl DayKey {
    /// Before every day: the start of a lifetime with no known beginning.
    pub(crate) const MIN: DayKey = DayKey(i32::MIN, 0, 0);
    /// After every day: the end of a lifetime with no known end.
    pub(crate) const MAX: DayKey = DayKey(i32::MAX, u8::MAX, u8::MAX);
}

impl fmt::Display for DayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self(y, m, d) = *self;
        // Validation messages name days by the thousand: skip the padding machinery for the
        // usual four-digit years.
        if let (Ok(y @ 0..=9999), 1..=12, 1..=31) = (u16::try_from(y), m, d) {
            let mut buf = [b'0', b'0', b'0', b'0', b'-', b'0', b'0', b'-', b'0', b'0'];
            write_digits(&mut buf[..4], y);
            write_digits(&mut buf[5..7], u16::from(m));
            write_digits(&mut buf[8..], u16::from(d));
            return f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?);
        }
        if y < 0 { write!(f, "-{:04}-{m:02}-{d:02}", y.unsigned_abs()) } else { write!(f, "{y:04}-{m:02}-{d:02}") }
    }
}

/// Writes `n` as decimal digits right-aligned in `out`, which holds ASCII zeros.
fn write_digits(out: &mut [u8], mut n: u16) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// Days in a month of the proleptic Gregorian calendar (0 for a month that does not exist).
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// The first day the date may denote, when it is a real date.
    pub(crate) fn first_key(&self) -> Option<DayKey> {
        self.is_real().then(|| DayKey(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)))
    }

    /// The last day the date may denote, when it is a real date.
    pub(crate) fn last_key(&self) -> Option<DayKey> {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        self.is_real().then_some(DayKey(self.year, month, day))
    }
}

/// A calendar day; fails for years outside [`PartialDate::YEARS`], which EDTF's four-digit
/// form cannot write (chrono's years run to ±262,143).
impl TryFrom<NaiveDate> for PartialDate {
    type Error = DateError;
    fn try_from(day: NaiveDate) -> Result<Self, DateError> {
        // Month and day of a NaiveDate always fit in u8.
        Self::day(day.year(), day.month() as u8, day.day() as u8)
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    /// One EDTF date (no interval): `2020-07?`.
    fn from_str(s: &str) -> Result<Self, DateError> {
        Self::parse(s)
    }
}

impl FromStr for IntervalEnd {
    type Err = DateError;
    /// One end of an interval: a date, `..` (open) or empty (unknown).
    fn from_str(s: &str) -> Result<Self, DateError> {
        Self::parse(s)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Ok(y @ 0..=9999), m @ (None | Some(1..=12)), d @ (None | Some(1..=31))) =
            (u16::try_from(self.year), self.month, self.day)
        {
            // The usual four-digit year, without the padding machinery (see `DayKey`).
            let mut buf = [b'0', b'0', b'0', b'0', b'-', b'0', b'0', b'-', b'0', b'0'];
            write_digits(&mut buf[..4], y);
            let mut len = 4;
            if let Some(m) = m {
                write_digits(&mut buf[5..7], u16::from(m));
                len = 7;
                if let Some(d) = d {
                    write_digits(&mut buf[8..], u16::from(d));
                    len = 10;
                }
            }
            if d.is_none() || len == 10 {
                f.write_str(std::str::from_utf8(&buf[..len]).map_err(|_| fmt::Error)?)?;
                return f.write_str(self.qualifier.suffix());
            }
        }
        if self.year < 0 {
            write!(f, "-{:04}", self.year.unsigned_abs())?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        f.write_str(self.qualifier.suffix())
    }
}

/// One end of an EDTF interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntervalEnd {
    /// A known (possibly partial) date.
    Date(PartialDate),
    /// `..`: the interval is open on this side (it goes on, or started before anything known).
    Open,
    /// Empty: this end exists but is unknown.
    Unknown,
}

impl IntervalEnd {
    fn parse(text: &str) -> Result<Self, DateError> {
        match text {
            ".." => Ok(Self::Open),
            "" => Ok(Self::Unknown),
            _ => PartialDate::parse(text).map(Self::Date),
        }
    }

    /// The date at this end, when known.
    pub fn date(&self) -> Option<&PartialDate> {
        match self {
            Self::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for IntervalEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(d) => d.fmt(f),
            Self::Open => f.write_str(".."),
            Self::Unknown => Ok(()),
        }
    }
}

/// An EDTF value: a single partial date or an interval between two of them.
///
/// Serialized as the EDTF string: `"2020-07-08"`, `"2020-07"`, `"2020?"`, `"2020-07~"`,
/// `"2011/2020"`, `"2011/.."`, `"../2020-07-08"`, `"2011/"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdtfDate {
    /// A single date.
    Date(PartialDate),
    /// An interval. At least one end is a date, which [`EdtfDate::interval`] checks: build
    /// intervals with it (this variant cannot be written as a literal outside the crate).
    #[non_exhaustive]
    Interval {
        /// Where the interval starts.
        start: IntervalEnd,
        /// Where the interval ends.
        end: IntervalEnd,
    },
}

impl EdtfDate {
    /// The date itself when this is a single date.
    pub fn as_date(&self) -> Option<&PartialDate> {
        match self {
            Self::Date(d) => Some(d),
            Self::Interval { .. } => None,
        }
    }

    /// The earliest known date this value refers to (its start, for an interval).
    pub fn start_date(&self) -> Option<&PartialDate> {
        match self {
            Self::Date(d) => Some(d),
            Self::Interval { start, .. } => start.date(),
        }
    }

    /// The latest known date this value refers to (its end, for an interval).
    pub fn end_date(&self) -> Option<&PartialDate> {
        match self {
            Self::Date(d) => Some(d),
            Self::Interval { end, .. } => end.date(),
        }
    }

    /// Every date written in this value, for checks that apply to each.
    pub fn dates(&self) -> impl Iterator<Item = &PartialDate> {
        let (a, b) = match self {
            Self::Date(d) => (Some(d), None),
            Self::Interval { start, end } => (start.date(), end.date()),
        };
        a.into_iter().chain(b)
    }

    /// The first calendar day this value may denote (`None` when open or unknown at the start).
    pub fn earliest(&self) -> Option<NaiveDate> {
        match self {
            Self::Date(d) => d.earliest(),
            Self::Interval { start, .. } => start.date().and_then(PartialDate::earliest),
        }
    }

    /// The last calendar day this value may denote (`None` when open or unknown at the end).
    pub fn latest(&self) -> Option<NaiveDate> {
        match self {
            Self::Date(d) => d.latest(),
            Self::Interval { end, .. } => end.date().and_then(PartialDate::latest),
        }
    }

    /// The first day this value may denote, as a comparison key.
    pub(crate) fn earliest_key(&self) -> Option<DayKey> {
        self.start_date().and_then(PartialDate::first_key)
    }

    /// The last day this value may denote, as a comparison key.
    pub(crate) fn latest_key(&self) -> Option<DayKey> {
        self.end_date().and_then(PartialDate::last_key)
    }

    /// Whether an interval's start is definitely after its end (`2020/2011`).
    pub fn is_reversed(&self) -> bool {
        match self {
            Self::Interval { start: IntervalEnd::Date(a), end: IntervalEnd::Date(b) } => b.is_definitely_before(a),
            _ => false,
        }
    }

    /// Whether every day of `self` is before every day of `other`.
    pub fn is_definitely_before(&self, other: &EdtfDate) -> bool {
        match (self.latest_key(), other.earliest_key()) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// An interval; fails unless at least one end is a date (`../..` and `/` are not EDTF).
    pub fn interval(start: IntervalEnd, end: IntervalEnd) -> Result<Self, DateError> {
        if start.date().is_none() && end.date().is_none() {
            return Err(DateError { text: format!("{start}/{end}") });
        }
        Ok(Self::Interval { start, end })
    }

    /// Parses an EDTF string (the same as `str::parse`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        match text.split_once('/') {
            None => PartialDate::parse(text).map(Self::Date),
            Some((a, b)) => {
                let start = IntervalEnd::parse(a)?;
                let end = IntervalEnd::parse(b)?;
                Self::interval(start, end).map_err(|_| DateError { text: text.to_owned() })
            }
        }
    }

    /// Orders two values by their earliest day, then their latest; unknown ends sort first.
    pub fn chronological_cmp(&self, other: &EdtfDate) -> Ordering {
        (self.earliest(), self.latest()).cmp(&(other.earliest(), other.latest()))
    }
}

impl From<PartialDate> for EdtfDate {
    fn from(date: PartialDate) -> Self {
        Self::Date(date)
    }
}

impl EdtfDate {
    /// A computed day (a term's end, a notice's effect), for views: not checked against
    /// [`PartialDate::YEARS`], so never to be stored in a record.
    pub(crate) fn from_day(day: NaiveDate) -> Self {
        // Month and day of a NaiveDate always fit in u8.
        Self::Date(PartialDate {
            year: day.year(),
            month: Some(day.month() as u8),
            day: Some(day.day() as u8),
            qualifier: Qualifier::None,
        })
    }
}

impl TryFrom<NaiveDate> for EdtfDate {
    type Error = DateError;
    fn try_from(day: NaiveDate) -> Result<Self, DateError> {
        PartialDate::try_from(day).map(Self::Date)
    }
}

impl FromStr for EdtfDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(d) => d.fmt(f),
            Self::Interval { start, end } => write!(f, "{start}/{end}"),
        }
    }
}

/// A string that is not an EDTF date of the supported forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid EDTF date '{text}': expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %, or an interval such as 2011/2020, 2011/.. or ../2020"
)]
pub struct DateError {
    pub(super) text: String,
}

impl Serialize for EdtfDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EdtfDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::values::from_str::deserialize_from_str(deserializer, "an EDTF date string")
    }
}

/// The JSON Schema pattern of one EDTF date (shared by the interval pattern). A negative year
/// is never -0000 (year zero is 0000), spelled without look-ahead for portable validators.
#[cfg(feature = "schema")]
const DATE_PATTERN: &str = r"(?:[0-9]{4}|-(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9]))(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?[?~%]?";

#[cfg(feature = "schema")]
impl JsonSchema for EdtfDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EdtfDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let d = DATE_PATTERN;
        let pattern = format!(r"^(?:{d}|{d}/(?:{d}|\.\.)?|(?:\.\.)?/{d})$");
        json_schema!({
            "type": "string",
            "description": "An EDTF (ISO 8601-2) date: YYYY, YYYY-MM or YYYY-MM-DD, optionally qualified by ? (uncertain), ~ (approximate) or % (both); or an interval START/END where either end may be '..' (open) or empty (unknown). Whether the day exists (no 2020-02-30) and whether START <= END are checked by validation.",
            "pattern": pattern,
            "examples": ["2020-07-08", "2020-07", "2020?", "2011/..", "../2020-07-08"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> EdtfDate {
        EdtfDate::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn round_trips_every_supported_form() {
        for s in [
            "2020",
            "2020-07",
            "2020-07-08",
            "2020?",
            "2020-07~",
            "2020-07-08%",
            "-0044-03-15",
            "2011/2020",
            "2011/..",
            "../2020-07-08",
            "2011/",
            "/2020",
            "2019-12~/2020-01?",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_shapes() {
        for s in [
            "",
            "20",
            "2020-7",
            "2020-13",
            "2020-00",
            "2020-07-32",
            "2020-07-00",
            "2020-13-45",
            "2020/07/08",
            "../..",
            "/",
            "2020-07-08T00:00",
            " 2020",
            "2020??",
            "-0000",
            "+2020",
        ] {
            assert!(EdtfDate::parse(s).is_err(), "{s} should not parse");
        }
    }

    #[test]
    fn impossible_days_parse_but_are_not_real() {
        let d = p("2020-02-30");
        assert!(!d.as_date().is_some_and(PartialDate::is_real));
        assert!(p("2020-02-29").as_date().is_some_and(PartialDate::is_real));
        assert!(!p("2019-02-29").as_date().is_some_and(PartialDate::is_real));
    }

    #[test]
    fn partial_dates_cover_their_whole_span() {
        let d = p("2020-02");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(d.earliest(), Some(day(2020, 2, 1)));
        assert_eq!(d.latest(), Some(day(2020, 2, 29)));
        assert_eq!(p("2020").latest(), Some(day(2020, 12, 31)));
        assert_eq!(p("2020-12").latest(), Some(day(2020, 12, 31)));
    }

    #[test]
    fn day_keys_agree_with_the_calendar() {
        for year in [-400, -1, 0, 1900, 1999, 2000, 2020, 2021, 2100, 9999] {
            for month in 1..=12u8 {
                let Ok(d) = PartialDate::month(year, month) else { panic!("{year}-{month}") };
                let last = d.latest().map(|n| (n.year(), n.month() as u8, n.day() as u8));
                assert_eq!(d.last_key().map(|DayKey(y, m, d)| (y, m, d)), last, "{d}");
                for day in 28..=31u8 {
                    let real = NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day)).is_some();
                    let date = PartialDate { year, month: Some(month), day: Some(day), qualifier: Qualifier::None };
                    assert_eq!(date.is_real(), real, "{date}");
                }
            }
        }
    }

    #[test]
    fn overlapping_partial_dates_are_not_ordered() {
        assert!(!p("2020").is_definitely_before(&p("2020-07-08")));
        assert!(!p("2020-07-08").is_definitely_before(&p("2020")));
        assert!(p("2019").is_definitely_before(&p("2020-01-01")));
        assert!(p("2020/2011").is_reversed());
        assert!(!p("2011/2020").is_reversed());
        assert!(!p("2020/2020-05").is_reversed());
    }
}
