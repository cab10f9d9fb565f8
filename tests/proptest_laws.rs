//! Property tests: EDTF dates and estimates obey their laws (ordering, containment, bounds),
//! and their text forms round-trip.

use chrono::{Datelike, NaiveDate};
use defense_agreements::values::{
    EdtfDate, Estimate, EstimateQualifier, IntervalEnd, PartialDate, Precision, Qualifier,
};
use proptest::prelude::*;

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(vec![
        Qualifier::None,
        Qualifier::Uncertain,
        Qualifier::Approximate,
        Qualifier::UncertainApproximate,
    ])
}

/// Any partial date of the text form, impossible days (2021-02-30) included.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    (-9999i32..=9999, 1u8..=12, 1u8..=31, 0..3, qualifier()).prop_map(|(y, m, d, precision, q)| {
        let text = match precision {
            0 => format_year(y),
            1 => format!("{}-{m:02}", format_year(y)),
            _ => format!("{}-{m:02}-{d:02}", format_year(y)),
        };
        match EdtfDate::parse(&text) {
            Ok(EdtfDate::Date(date)) => date.with_qualifier(q),
            other => panic!("{text}: {other:?}"),
        }
    })
}

fn format_year(y: i32) -> String {
    if y < 0 { format!("-{:04}", y.unsigned_abs()) } else { format!("{y:04}") }
}

/// A real partial date (every day it names exists).
fn real_date() -> impl Strategy<Value = PartialDate> {
    partial_date().prop_filter("a real date", PartialDate::is_real)
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (-9999i32..=9999, 1u32..=366)
        .prop_filter_map("a day of that year", |(y, ordinal)| NaiveDate::from_yo_opt(y, ordinal))
}

fn as_date(day: NaiveDate) -> PartialDate {
    PartialDate::try_from(day).unwrap_or_else(|e| panic!("{e}"))
}

fn interval_end() -> impl Strategy<Value = IntervalEnd> {
    prop_oneof![
        3 => partial_date().prop_map(IntervalEnd::Date),
        1 => Just(IntervalEnd::Open),
        1 => Just(IntervalEnd::Unknown),
    ]
}

fn edtf() -> impl Strategy<Value = EdtfDate> {
    prop_oneof![
        partial_date().prop_map(EdtfDate::Date),
        (interval_end(), interval_end()).prop_filter_map(
            "an interval has a date at one end at least",
            |(start, end)| EdtfDate::interval(start, end).ok()
        ),
    ]
}

fn estimate() -> impl Strategy<Value = Estimate> {
    let bound = prop_oneof![Just(None), any::<u64>().prop_map(Some), (0u64..100).prop_map(Some)];
    let q = prop::sample::select(vec![
        EstimateQualifier::Exact,
        EstimateQualifier::Approximately,
        EstimateQualifier::AtLeast,
        EstimateQualifier::AtMost,
        EstimateQualifier::Range,
        EstimateQualifier::Unknown,
    ]);
    (bound.clone(), bound.clone(), bound, q).prop_map(|(low, best, high, qualifier)| {
        let mut e = Estimate::unknown();
        e.low = low;
        e.best = best;
        e.high = high;
        e.qualifier = qualifier;
        e
    })
}

proptest! {
    #[test]
    fn text_form_round_trips(d in edtf()) {
        let text = d.to_string();
        prop_assert_eq!(EdtfDate::parse(&text), Ok(d));
        // And through JSON, as a field is written.
        let json = serde_json::to_string(&d).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: EdtfDate = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, d);
    }

    #[test]
    fn precision_and_qualifier_survive_the_round_trip(d in partial_date()) {
        let Ok(EdtfDate::Date(back)) = EdtfDate::parse(&d.to_string()) else { panic!("{d}") };
        prop_assert_eq!(back.precision(), d.precision());
        prop_assert_eq!(back.qualifier(), d.qualifier());
        prop_assert_eq!((back.year_value(), back.month_value(), back.day_value()), (d.year_value(), d.month_value(), d.day_value()));
    }

    #[test]
    fn a_real_date_spans_earliest_to_latest(d in real_date()) {
        let (Some(a), Some(b)) = (d.earliest(), d.latest()) else { panic!("{d} is real but has no span") };
        prop_assert!(a <= b);
        prop_assert!(d.contains(a) && d.contains(b));
        prop_assert!(!a.pred_opt().is_some_and(|x| d.contains(x)));
        prop_assert!(!b.succ_opt().is_some_and(|x| d.contains(x)));
        // The span is exactly what the precision says.
        let days = (b - a).num_days() + 1;
        match d.precision() {
            Precision::Day => prop_assert_eq!(days, 1),
            Precision::Month => prop_assert!((28..=31).contains(&days)),
            Precision::Year => prop_assert!(days == 365 || days == 366),
        }
        prop_assert_eq!(a.year(), d.year_value());
        prop_assert_eq!(b.year(), d.year_value());
    }

    #[test]
    fn an_impossible_date_has_no_span_and_contains_nothing(d in partial_date(), x in day()) {
        if !d.is_real() {
            prop_assert_eq!(d.earliest(), None);
            prop_assert!(!d.contains(x));
        }
    }

    #[test]
    fn a_day_contains_only_itself(x in day(), y in day()) {
        let d = as_date(x);
        prop_assert_eq!(d.precision(), Precision::Day);
        prop_assert_eq!(d.contains(y), x == y);
        prop_assert_eq!(as_date(x).is_definitely_before(&as_date(y)), x < y);
    }

    #[test]
    fn qualifiers_do_not_change_the_span(d in real_date(), q in qualifier()) {
        let other = d.with_qualifier(q);
        prop_assert_eq!((other.earliest(), other.latest()), (d.earliest(), d.latest()));
    }

    #[test]
    fn definitely_before_is_a_strict_order(a in partial_date(), b in partial_date(), c in partial_date()) {
        prop_assert!(!a.is_definitely_before(&a));
        prop_assert!(!(a.is_definitely_before(&b) && b.is_definitely_before(&a)));
        if a.is_definitely_before(&b) && b.is_definitely_before(&c) {
            prop_assert!(a.is_definitely_before(&c));
        }
        // Before means every day of one is before every day of the other.
        if a.is_definitely_before(&b) {
            let (Some(la), Some(eb)) = (a.latest(), b.earliest()) else { panic!("ordered without a span") };
            prop_assert!(la < eb);
            prop_assert!(!b.contains(la) && !a.contains(eb));
        }
    }

    #[test]
    fn values_order_like_their_dates(a in edtf(), b in edtf(), c in edtf()) {
        prop_assert!(!a.is_definitely_before(&a) || a.latest() < a.earliest());
        prop_assert!(!(a.is_definitely_before(&b) && b.is_definitely_before(&a) && a.earliest() <= a.latest() && b.earliest() <= b.latest()));
        // chronological_cmp is a total order.
        prop_assert_eq!(a.chronological_cmp(&b), b.chronological_cmp(&a).reverse());
        if a.chronological_cmp(&b).is_le() && b.chronological_cmp(&c).is_le() {
            prop_assert!(a.chronological_cmp(&c).is_le());
        }
        // An interval is reversed exactly when its end is definitely before its start.
        if let EdtfDate::Interval { start: IntervalEnd::Date(s), end: IntervalEnd::Date(e), .. } = a {
            prop_assert_eq!(a.is_reversed(), e.is_definitely_before(&s));
        } else {
            prop_assert!(!a.is_reversed());
        }
    }

    #[test]
    fn an_estimate_admits_its_bounds(e in estimate(), n in any::<u64>()) {
        if e.problem().is_none() {
            let min = e.min();
            prop_assert!(e.admits(min));
            if let Some(max) = e.max() {
                prop_assert!(min <= max);
                prop_assert!(e.admits(max));
            }
            for bound in [e.low, e.best, e.high].into_iter().flatten() {
                prop_assert!(e.admits(bound), "{:?} does not admit its own bound {}", e, bound);
            }
            // Outside the bounds is not admitted, unless the estimate is soft.
            let soft = matches!(e.qualifier, EstimateQualifier::Approximately | EstimateQualifier::Unknown);
            if !soft && (n < min || e.max().is_some_and(|max| n > max)) {
                prop_assert!(!e.admits(n));
            }
        }
        // Through JSON, qualifier and bounds are kept.
        let json = serde_json::to_string(&e).map_err(|x| TestCaseError::fail(x.to_string()))?;
        let back: Estimate = serde_json::from_str(&json).map_err(|x| TestCaseError::fail(x.to_string()))?;
        prop_assert_eq!(back, e);
    }
}
