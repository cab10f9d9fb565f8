//! `--as-of DATE`: the last day a picture shows (today by default), shared by `timeline` and
//! `report`.

use defense_agreements::chrono::{Days, NaiveDate};

/// The day flag of the picture subcommands.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct AsOf {
    /// The last day drawn (YYYY-MM-DD): spans still open at the end of the record run to it.
    /// Today (UTC) by default; give a day for the same output on every run.
    #[arg(long = "as-of", value_name = "DATE", value_parser = parse_day)]
    as_of: Option<NaiveDate>,
}

impl AsOf {
    /// The day given, else today.
    pub(crate) fn day(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(today)
    }
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("'{s}' is not a day YYYY-MM-DD: {e}"))
}

/// Today in UTC, from the system clock (chrono's clock feature is not needed for a day).
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|epoch| epoch.checked_add_days(Days::new(days))).unwrap_or_default()
}
