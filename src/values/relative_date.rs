//! Dates a report gives relative to its own publication: "on Wednesday", or none at all.
//!
//! News reports date most acts by weekday ("signed on Wednesday") or not at all. A pipeline
//! turns them into EDTF with the publication date: a weekday is the last such day on or before
//! publication (a report does not announce a signing of next Wednesday as done); an act the
//! report gives no date for happened on or before publication, `../2025-09-17`, which
//! validation flags with `act_date_not_stated`.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{DateError, EdtfDate, IntervalEnd, PartialDate};

impl PartialDate {
    /// The last `weekday` on or before `published`: "on Wednesday" in a report of Thursday 18
    /// September 2025 is Wednesday 17 September.
    ///
    /// ```
    /// # use defense_agreements::values::PartialDate;
    /// let published = chrono::NaiveDate::from_ymd_opt(2025, 9, 18).unwrap_or_default();
    /// let day = PartialDate::weekday_on_or_before(chrono::Weekday::Wed, published)?;
    /// assert_eq!(day.to_string(), "2025-09-17");
    /// # Ok::<(), defense_agreements::values::DateError>(())
    /// ```
    ///
    /// Fails for a day EDTF's four-digit years cannot write.
    pub fn weekday_on_or_before(weekday: Weekday, published: NaiveDate) -> Result<PartialDate, DateError> {
        let back = (7 + published.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let day = published
            .checked_sub_days(chrono::Days::new(u64::from(back)))
            .ok_or_else(|| DateError { text: format!("{weekday} before {published}") })?;
        PartialDate::try_from(day)
    }
}

impl EdtfDate {
    /// "On or before `published`": the date of an act a report tells of without dating it,
    /// `../2025-09-17`.
    ///
    /// ```
    /// # use defense_agreements::values::{EdtfDate, PartialDate};
    /// let published: PartialDate = "2025-09-17".parse()?;
    /// assert_eq!(EdtfDate::on_or_before(published).to_string(), "../2025-09-17");
    /// # Ok::<(), defense_agreements::values::DateError>(())
    /// ```
    pub fn on_or_before(published: PartialDate) -> EdtfDate {
        EdtfDate::Interval { start: IntervalEnd::Open, end: IntervalEnd::Date(published) }
    }

    /// Whether the value gives only a latest date (`../2025-09-17`, `/2025-09-17`): the source
    /// did not state when.
    pub fn is_not_stated(&self) -> bool {
        matches!(
            self,
            EdtfDate::Interval { start: IntervalEnd::Open | IntervalEnd::Unknown, end: IntervalEnd::Date(_) }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_is_the_last_one_on_or_before_publication() {
        let published = NaiveDate::from_ymd_opt(2025, 9, 18).unwrap_or_default(); // a Thursday
        let cases = [
            (Weekday::Thu, "2025-09-18"),
            (Weekday::Wed, "2025-09-17"),
            (Weekday::Tue, "2025-09-16"),
            (Weekday::Fri, "2025-09-12"),
        ];
        for (weekday, expected) in cases {
            let day = PartialDate::weekday_on_or_before(weekday, published).map(|d| d.to_string());
            assert_eq!(day.as_deref(), Ok(expected), "{weekday}");
        }
    }
}
