//! The date axis: days to x positions, with long empty stretches cut short, and ticks chosen
//! by the span shown (days, months or years up to centuries).

use chrono::{Datelike, NaiveDate};

/// The width one cut-short stretch takes, in pixels.
const BREAK_WIDTH: f64 = 18.0;
/// The least distance between two tick labels, in pixels.
const TICK_SPACING: f64 = 64.0;

/// One piece of the axis: days `from..=to` drawn from `x_from` to `x_to`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    from: i64,
    to: i64,
    x_from: f64,
    x_to: f64,
    /// A stretch with nothing in it, cut short: drawn with a break, without ticks.
    cut: bool,
}

/// A tick of the axis: where it stands and what it says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    pub(crate) x: f64,
    pub(crate) label: String,
}

/// A piecewise linear scale from days to pixels.
#[derive(Debug, Clone)]
pub(crate) struct Scale {
    pieces: Vec<Piece>,
    /// The step of the ticks: months (1, 3, 6) or years (12, 24, 60 … 1,200).
    step_months: u32,
}

fn number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

fn day_of(n: i64) -> Option<NaiveDate> {
    i32::try_from(n).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
}

impl Scale {
    /// A scale over `days` (any order, repeats allowed) and `end`, drawn between `x0` and `x1`.
    /// A gap between two consecutive days longer than a third of the whole span and than 60
    /// years is cut short (the Anglo-Portuguese alliance's centuries without a recorded act);
    /// a few years on each side of a cut stay, so that the acts keep their ticks. The stretch
    /// from the last day to `end` is never cut.
    pub(crate) fn new(days: &[NaiveDate], end: NaiveDate, x0: f64, x1: f64) -> Self {
        let mut points: Vec<i64> = days.iter().copied().map(number).collect();
        points.push(number(end));
        points.sort_unstable();
        points.dedup();
        let first = points.first().copied().unwrap_or_else(|| number(end));
        let last = points.last().copied().unwrap_or(first);
        // Start on the 1st of January before the first day, and show at least a year.
        let start =
            day_of(first).and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1)).map_or(first, number).min(first - 30);
        let stop = last.max(start + 365);
        let total = (stop - start) as f64;
        let margin = ((total * 0.04) as i64).max(365 * 2);
        let threshold = (total / 3.0).max(60.0 * 365.25);
        // Cut stretches, as (from, to) days.
        let mut cuts: Vec<(i64, i64)> = Vec::new();
        // The stretch from the last act to `end` is never cut: the spans still open run
        // through it, and their length is the point.
        let recorded = points.len().saturating_sub(usize::from(number(end) >= last && points.len() > 1));
        for pair in points.get(..recorded).unwrap_or_default().windows(2) {
            if let [a, b] = *pair {
                if (b - a) as f64 > threshold && b - a > 4 * margin {
                    cuts.push((a + margin, b - margin));
                }
            }
        }
        let cut_days: i64 = cuts.iter().map(|(a, b)| b - a).sum();
        let linear_days = ((stop - start) - cut_days).max(1) as f64;
        let width = (x1 - x0 - BREAK_WIDTH * cuts.len() as f64).max(1.0);
        let per_day = width / linear_days;
        let mut pieces = Vec::with_capacity(cuts.len() * 2 + 1);
        let (mut from, mut x) = (start, x0);
        for (a, b) in cuts {
            let x_a = x + (a - from) as f64 * per_day;
            pieces.push(Piece { from, to: a, x_from: x, x_to: x_a, cut: false });
            pieces.push(Piece { from: a, to: b, x_from: x_a, x_to: x_a + BREAK_WIDTH, cut: true });
            from = b;
            x = x_a + BREAK_WIDTH;
        }
        pieces.push(Piece { from, to: stop, x_from: x, x_to: x1, cut: false });
        let step_months = step_for(per_day);
        Self { pieces, step_months }
    }

    /// The x position of `day` (clamped to the axis).
    pub(crate) fn x(&self, day: NaiveDate) -> f64 {
        let n = number(day);
        let i = self.pieces.partition_point(|p| p.to < n);
        let Some(p) = self.pieces.get(i).or(self.pieces.last()) else { return 0.0 };
        let n = n.clamp(p.from, p.to);
        if p.to == p.from {
            return p.x_from;
        }
        p.x_from + (p.x_to - p.x_from) * (n - p.from) as f64 / (p.to - p.from) as f64
    }

    /// The first and last x of the axis.
    pub(crate) fn range(&self) -> (f64, f64) {
        let first = self.pieces.first().map_or(0.0, |p| p.x_from);
        let last = self.pieces.last().map_or(0.0, |p| p.x_to);
        (first, last)
    }

    /// The cut-short stretches, as x ranges.
    pub(crate) fn breaks(&self) -> Vec<(f64, f64)> {
        self.pieces.iter().filter(|p| p.cut).map(|p| (p.x_from, p.x_to)).collect()
    }

    /// The ticks: the 1st of January of every `step` years (or the 1st of every `step`
    /// months on a short axis), on the stretches that are not cut, at least
    /// [`TICK_SPACING`] apart. Linear in the ticks drawn.
    pub(crate) fn ticks(&self) -> Vec<Tick> {
        let mut out: Vec<Tick> = Vec::new();
        let step = i64::from(self.step_months);
        for p in self.pieces.iter().filter(|p| !p.cut) {
            let (Some(a), Some(b)) = (day_of(p.from), day_of(p.to)) else { continue };
            // Months since year 0, rounded up to the step.
            let first = i64::from(a.year()) * 12 + i64::from(a.month0()) + i64::from(a.day() > 1);
            let mut m = first.div_euclid(step) * step;
            if m < first {
                m += step;
            }
            let last = i64::from(b.year()) * 12 + i64::from(b.month0());
            while m <= last {
                let (year, month) = (m.div_euclid(12), m.rem_euclid(12) + 1);
                let day = i32::try_from(year).ok().and_then(|y| NaiveDate::from_ymd_opt(y, month as u32, 1));
                if let Some(day) = day {
                    let x = self.x(day);
                    if out.last().is_none_or(|t| x - t.x >= TICK_SPACING) {
                        let label = if self.step_months >= 12 || month == 1 {
                            format!("{year}")
                        } else {
                            day.format("%b %Y").to_string()
                        };
                        out.push(Tick { x, label });
                    }
                }
                m += step;
            }
        }
        out
    }
}

/// The tick step, in months, for a scale of `per_day` pixels a day: the smallest of 1, 3 and
/// 6 months, or 1, 2, 5, 10, 20, 25, 50, 100 … years, that leaves room for a label.
fn step_for(per_day: f64) -> u32 {
    const STEPS: [u32; 14] = [1, 3, 6, 12, 24, 60, 120, 240, 300, 600, 1200, 2400, 6000, 12000];
    let per_month = per_day * 30.44;
    STEPS.iter().copied().find(|s| f64::from(*s) * per_month >= TICK_SPACING).unwrap_or(12000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_short_span_gets_month_ticks_and_a_long_one_decades() {
        let s = Scale::new(&[d(2020, 3, 1)], d(2021, 2, 1), 0.0, 800.0);
        assert!(s.ticks().iter().any(|t| t.label.contains(' ')), "{:?}", s.ticks());
        let s = Scale::new(&[d(1949, 4, 4), d(1982, 5, 30)], d(2026, 1, 1), 0.0, 800.0);
        let labels: Vec<String> = s.ticks().into_iter().map(|t| t.label).collect();
        assert!(labels.contains(&"1950".to_owned()) && labels.contains(&"2020".to_owned()), "{labels:?}");
        assert!(s.breaks().is_empty());
    }

    #[test]
    fn centuries_without_an_act_are_cut_short_and_order_is_kept() {
        let days = [d(1386, 5, 9), d(1387, 2, 24), d(1707, 5, 1), d(1801, 1, 1)];
        let s = Scale::new(&days, d(2026, 1, 1), 100.0, 900.0);
        // 1387 to 1707 is cut; 1801 to today is not (the spans still open run through it).
        assert_eq!(s.breaks().len(), 1, "{:?}", s.breaks());
        let xs: Vec<f64> = days.iter().map(|day| s.x(*day)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        // The 320 years cut short take less room than the 94 from 1707 to 1801.
        assert!(xs[2] - xs[1] < xs[3] - xs[2], "{xs:?}");
        assert!(s.x(d(2026, 1, 1)) - xs[3] > 2.0 * (xs[3] - xs[2]), "{xs:?}");
        assert!((s.range().1 - 900.0).abs() < 1e-9 && (s.range().0 - 100.0).abs() < 1e-9);
        let ticks = s.ticks();
        assert!(ticks.windows(2).all(|w| w[1].x - w[0].x >= TICK_SPACING - 1e-9));
        assert!(ticks.iter().any(|t| t.label == "1400"), "{ticks:?}");
    }

    #[test]
    fn no_day_at_all_still_gives_an_axis() {
        let s = Scale::new(&[], d(2026, 1, 1), 0.0, 500.0);
        assert!(!s.ticks().is_empty());
        assert!(s.x(d(1000, 1, 1)) >= 0.0 && s.x(d(3000, 1, 1)) <= 500.0);
    }
}
