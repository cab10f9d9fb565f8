//! What a dossier's agreements say, as Python values: codings, binding intervals, timelines.

use chrono::NaiveDate;
use defense_agreements::{Agreement, Dossier};
use pyo3::prelude::*;

use crate::convert::{b, day, q};

/// How an agreement codes in ATOP, COW and DCAD (docs/codings.md).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Codings {
    /// The dossier's id.
    dossier: String,
    /// The agreement's id.
    agreement: String,
    /// ATOP defense pledge: `"absent"`, `"conditional"` or `"unconditional"`.
    defense: String,
    /// ATOP offense pledge.
    offense: String,
    /// ATOP neutrality pledge.
    neutrality: String,
    /// ATOP non-aggression pledge.
    nonaggression: String,
    /// ATOP consultation pledge.
    consultation: String,
    /// The Correlates of War type: `"I"`, `"II"`, `"III"`, or None.
    cow_type: Option<String>,
    /// Whether ATOP counts it as an alliance.
    alliance: bool,
    /// Whether it is a defense cooperation agreement in DCAD's sense.
    defense_cooperation: bool,
}

#[pymethods]
impl Codings {
    fn __repr__(&self) -> String {
        format!(
            "Codings(agreement={}, defense={}, offense={}, neutrality={}, nonaggression={}, consultation={}, \
             cow_type={}, alliance={}, defense_cooperation={})",
            q(&self.agreement),
            q(&self.defense),
            q(&self.offense),
            q(&self.neutrality),
            q(&self.nonaggression),
            q(&self.consultation),
            self.cow_type.as_deref().map_or_else(|| "None".to_owned(), q),
            b(self.alliance),
            b(self.defense_cooperation)
        )
    }
}

impl Codings {
    pub(crate) fn of(dossier: &Dossier, a: &Agreement) -> Self {
        let atop = a.atop_obligations();
        Self {
            dossier: dossier.id.to_string(),
            agreement: a.id.to_string(),
            defense: atop.defense.json_name().to_owned(),
            offense: atop.offense.json_name().to_owned(),
            neutrality: atop.neutrality.json_name().to_owned(),
            nonaggression: atop.nonaggression.json_name().to_owned(),
            consultation: atop.consultation.json_name().to_owned(),
            cow_type: a.cow_type().map(|t| t.as_str().to_owned()),
            alliance: a.is_alliance(),
            defense_cooperation: a.is_defense_cooperation(),
        }
    }
}

/// One span of days during which a party is bound (`Dossier.binding_intervals`).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BindingInterval {
    /// The first day the party is surely bound (`from` is a keyword in Python).
    from_: NaiveDate,
    /// That day's date as the document writes it (`1952` stays `1952`).
    start: String,
    /// The index in the agreement's `actions` of the act that opens the span.
    opened_by: usize,
    /// The first day the party is surely no longer bound; None while it still is.
    until: Option<NaiveDate>,
    /// That day's date as written or computed, or None.
    end: Option<String>,
    /// The index of the act that closes the span, or None.
    closed_by: Option<usize>,
}

impl BindingInterval {
    pub(crate) fn of(i: &defense_agreements::agreement::BindingInterval) -> Self {
        Self {
            from_: i.from,
            start: i.start.to_string(),
            opened_by: i.opened_by,
            until: i.until,
            end: i.end.as_ref().map(ToString::to_string),
            closed_by: i.closed_by,
        }
    }
}

#[pymethods]
impl BindingInterval {
    /// Whether `day` falls in the span.
    fn contains(&self, day_: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = day(day_)?;
        Ok(self.from_ <= d && self.until.is_none_or(|u| d < u))
    }

    fn __repr__(&self) -> String {
        let until = self.until.map_or_else(|| "None".to_owned(), |u| q(&u.to_string()));
        format!("BindingInterval(from_={}, until={until})", q(&self.from_.to_string()))
    }
}

/// One step of an agreement's timeline (`Dossier.timeline`).
#[pyclass(module = "defense_agreements", frozen, get_all, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimelineEntry {
    /// The day the step surely took effect.
    day: NaiveDate,
    /// Its date as written (or computed).
    date: String,
    /// The index of the act in the agreement's `actions`, when it is one.
    action: Option<usize>,
    /// The act's type (`signature`, `entry_into_force` …), or `term_ended`.
    event: String,
    /// The agreement's status once every step of that day has taken effect.
    status: String,
}

impl TimelineEntry {
    pub(crate) fn of(e: &defense_agreements::agreement::TimelineEntry) -> Self {
        let event = match e.event {
            defense_agreements::agreement::TimelineEvent::Act { action } => action.as_str().to_owned(),
            // Other events are tagged by their `type` (`term_ended`).
            other => match serde_json::to_value(other) {
                Ok(serde_json::Value::Object(map)) => map.get("type").and_then(|t| t.as_str()).unwrap_or("").to_owned(),
                _ => format!("{other:?}"),
            },
        };
        Self { day: e.day, date: e.date.to_string(), action: e.action, event, status: e.status.as_str().to_owned() }
    }
}

#[pymethods]
impl TimelineEntry {
    fn __repr__(&self) -> String {
        format!("TimelineEntry(day={}, event={}, status={})", q(&self.day.to_string()), q(&self.event), q(&self.status))
    }
}
