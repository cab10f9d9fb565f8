//! The timeline of one agreement as SVG: a row for the agreement's own status, one lane per
//! listed party with its spans by state, the acts as marks with their details in `<title>`
//! tooltips, directed suspensions as strips under the lanes, disputed acts ringed in red.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::context::Context;
use super::directed::{self, Directed};
use super::lanes::{self, Lane, Span, actor_name};
use super::marks::{self, Mark, Shape};
use super::palette;
use super::scale::Scale;
use super::{RenderOptions, isolate};
use crate::agreement::PartyStatus;
use crate::{Agreement, AgreementStatus, PartyRole};

const LABEL_WIDTH: f64 = 190.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 94.0;
const LANE: f64 = 28.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

/// `v` with one decimal: the same text on every run and platform.
fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// Everything one picture needs, gathered once.
struct Picture<'a> {
    agreement: &'a Agreement,
    names: &'a HashMap<&'a str, &'a str>,
    /// The lane of each listed party (the agreement's row is lane 0).
    lane_index: HashMap<String, usize>,
    lanes: Vec<Lane>,
    status: Vec<Span<AgreementStatus>>,
    marks: Vec<Mark<'a>>,
    directed: Vec<Directed>,
    scale: Scale,
    options: RenderOptions,
    /// Whether the lanes rest on a disputed act.
    contested: bool,
}

impl<'a> Picture<'a> {
    fn new(context: &'a Context<'a>, agreement: &'a Agreement, options: &RenderOptions) -> Self {
        let counted = context.counted(agreement);
        let life = counted.lifecycle_in(&context.successions);
        let lanes = lanes::lanes(&context.names, counted, &life, &context.successions);
        let mut lane_index = HashMap::with_capacity(lanes.len());
        for (i, l) in lanes.iter().enumerate() {
            lane_index.entry(l.actor.to_string()).or_insert(i + 1);
        }
        let status = lanes::status_spans(&life);
        let directed = directed::directed(counted);
        let marks = marks::marks(context.dossier, agreement, Some(counted), options.policy);
        let contested = context.resolved.contested().lifecycle(agreement.id.as_str());
        // Every day the picture must show: the acts, the spans' ends, the directed strips.
        let mut days: Vec<NaiveDate> = marks.iter().filter_map(|m| m.day).collect();
        for lane in &lanes {
            for s in &lane.spans {
                days.push(s.from);
                days.extend(s.until);
            }
        }
        days.extend(directed.iter().map(|d| d.from));
        let end = days.iter().copied().max().map_or(options.as_of, |last| last.max(options.as_of));
        let width = f64::from(options.width.max(480));
        let scale = Scale::new(&days, end, LABEL_WIDTH, width - RIGHT);
        let names = &context.names;
        Self { agreement, names, lane_index, lanes, status, marks, directed, scale, options: *options, contested }
    }

    fn name(&self, id: &str) -> String {
        actor_name(self.names, id)
    }

    /// The x range of a span, at least two pixels wide so that a one-day span shows.
    fn extent(&self, from: NaiveDate, until: Option<NaiveDate>) -> (f64, f64) {
        let end = until.unwrap_or(self.options.as_of).max(from);
        let (a, b) = (self.scale.x(from), self.scale.x(end));
        (a, (b - a).max(2.0))
    }

    /// The lane index of an actor (the agreement's row is lane 0, the parties follow).
    fn lane_of(&self, actor: &str) -> Option<usize> {
        self.lane_index.get(actor).copied()
    }

    fn lane_y(lane: usize) -> f64 {
        TOP + LANE * lane as f64
    }

    fn describe(&self, mark: &Mark<'_>) -> String {
        let a = mark.action;
        let mut t = format!("{}: {}", a.effective_date(), a.kind.as_str().replace('_', " "));
        if let Some(p) = &a.party {
            let _ = write!(t, " by {}", self.name(p.as_str()));
        }
        if !a.toward.is_empty() {
            let toward: Vec<String> = a.toward.iter().map(|x| self.name(x.as_str())).collect();
            let _ = write!(t, " toward {}{}", toward.join(", "), if a.is_mutual() { " (mutual)" } else { "" });
        }
        if a.effective.is_some() {
            let _ = write!(t, " (dated {})", a.date);
        } else if mark.day.is_some_and(|d| a.date.latest() != Some(d)) {
            let _ = write!(t, " (notice {})", a.date);
        }
        if let Some(place) = &a.place {
            let _ = write!(t, ", {}", isolate(&place.name));
        }
        if let Some(text) = &a.text {
            let _ = write!(t, ". {}", isolate(text));
        }
        if let Some(d) = &mark.disputed {
            let what = d.field.as_deref().map_or_else(|| "disputed".to_owned(), |f| format!("its {f} is disputed"));
            let verdict = if d.counted { "counted" } else { "set aside" };
            let _ = write!(t, " [{what}: {}", d.dispute);
            if let Some(q) = &d.question {
                let _ = write!(t, ", \u{201c}{}\u{201d}", isolate(q));
            }
            let _ = write!(t, "; {verdict} under the policy {}]", self.options.policy.as_str());
        }
        t
    }

    fn height(&self) -> f64 {
        let undated = self.marks.iter().filter(|m| m.day.is_none()).count();
        Self::lane_y(self.lanes.len() + 1) + 34.0 + if undated > 0 { 18.0 } else { 0.0 }
    }
}

fn shape(kind: Shape, x: f64, y: f64, fill: &str, stroke: &str, dashed: bool) -> Markup {
    let dash = if dashed { "2 1.5" } else { "none" };
    match kind {
        Shape::Consent => html! {
            circle cx=(n(x)) cy=(n(y)) r="4.5" fill=(fill) stroke=(stroke) stroke-width="1.5" stroke-dasharray=(dash) {}
        },
        Shape::Step => html! {
            path d=(format!("M{} {}l5 5-5 5-5-5z", n(x), n(y - 5.0))) fill=(fill) stroke=(stroke) stroke-width="1.5" stroke-dasharray=(dash) {}
        },
        Shape::Change => html! {
            rect x=(n(x - 4.0)) y=(n(y - 4.0)) width="8" height="8" fill=(fill) stroke=(stroke) stroke-width="1.5" stroke-dasharray=(dash) {}
        },
        Shape::Exit => html! {
            path d=(format!("M{} {}h10l-5 9z", n(x - 5.0), n(y - 4.5))) fill=(fill) stroke=(stroke) stroke-width="1.5" stroke-dasharray=(dash) {}
        },
    }
}

fn legend(p: &Picture<'_>) -> Markup {
    let mut x = 8.0;
    let y = 52.0;
    let mut items: Vec<Markup> = Vec::new();
    for status in palette::PARTY_STATES {
        let (fill, label) = palette::party(status);
        items.push(html! {
            rect x=(n(x)) y=(n(y)) width="14" height="10" fill=(fill) stroke=(palette::MUTED) stroke-width="0.5" {}
            text x=(n(x + 18.0)) y=(n(y + 9.0)) { (label) }
        });
        x += 30.0 + 6.2 * label.len() as f64;
    }
    items.push(html! {
        rect x=(n(x)) y=(n(y + 3.0)) width="14" height="4" fill=(palette::DIRECTED) {}
        text x=(n(x + 18.0)) y=(n(y + 9.0)) { "suspended toward some parties" }
    });
    // The marks' shapes, on a second row.
    let (mut x, y) = (8.0, y + 18.0);
    for (kind, label) in [
        (Shape::Step, "signature"),
        (Shape::Consent, "consent takes effect, entry into force"),
        (Shape::Change, "suspension, resumption, amendment \u{2026}"),
        (Shape::Exit, "withdrawal, termination"),
    ] {
        items.push(html! {
            (shape(kind, x + 6.0, y + 5.0, palette::INK, "#ffffff", false))
            text x=(n(x + 16.0)) y=(n(y + 9.0)) { (label) }
        });
        x += 34.0 + 6.1 * label.chars().count() as f64;
    }
    if p.marks.iter().any(|m| m.disputed.is_some()) {
        items.push(html! {
            circle cx=(n(x + 6.0)) cy=(n(y + 5.0)) r="4.5" fill="#ffffff" stroke=(palette::DISPUTED) stroke-width="1.5" stroke-dasharray="2 1.5" {}
            text x=(n(x + 16.0)) y=(n(y + 9.0)) fill=(palette::DISPUTED) { "disputed act" }
        });
    }
    html! { g class="legend" font-size="11" fill=(palette::INK) { @for item in items { (item) } } }
}

fn status_row(p: &Picture<'_>) -> Markup {
    let y = Picture::lane_y(0);
    html! {
        g class="lane agreement-lane" data-agreement=(p.agreement.id.as_str()) {
            text x="8" y=(n(y + 18.0)) font-weight="600" { "Agreement" }
            @if p.marks.iter().all(|m| m.day.is_none()) {
                text x=(n(LABEL_WIDTH + 8.0)) y=(n(y + 18.0)) fill=(palette::MUTED) { "No dated act recorded." }
            }
            @for s in &p.status {
                @let (x, w) = p.extent(s.from, s.until);
                @let (fill, label) = palette::agreement(s.state);
                rect x=(n(x)) y=(n(y + 10.0)) width=(n(w)) height="8" fill=(fill) stroke=(palette::MUTED) stroke-width="0.5" {
                    title { (format!("{label}: {} to {}", s.from, s.until.map_or_else(|| "the end of the record".to_owned(), |u| u.to_string()))) }
                }
            }
        }
    }
}

fn lane(p: &Picture<'_>, index: usize, lane: &Lane) -> Markup {
    let y = Picture::lane_y(index + 1);
    let short: String = if lane.name.chars().count() > 26 {
        // An isolated name (see `isolate`) keeps its closing PDI when cut.
        let close = lane.name.starts_with('\u{2068}').then_some('\u{2069}');
        lane.name.chars().take(25).chain(std::iter::once('\u{2026}')).chain(close).collect()
    } else {
        lane.name.clone()
    };
    let role = (lane.role != PartyRole::Party).then(|| format!(" ({})", lane.role.as_str()));
    // The states that held the party's place after it, in turn (England, Great Britain, the
    // United Kingdom): named in the lane's title, and a white rule where each takes over.
    let mut holders: Vec<(NaiveDate, &str)> = Vec::new();
    for s in &lane.spans {
        if holders.last().map_or(s.holder != lane.actor.as_str(), |(_, h)| *h != s.holder) {
            holders.push((s.from, s.holder.as_str()));
        }
    }
    let chain: String = holders.iter().map(|(d, h)| format!("; from {d}: {}", p.name(h))).collect();
    html! {
        g class="lane party-lane" data-actor=(lane.actor.as_str()) {
            title { (lane.name) (role.clone().unwrap_or_default()) (chain) }
            line x1="0" x2=(n(f64::from(p.options.width))) y1=(n(y)) y2=(n(y)) stroke=(palette::RULE) stroke-width="0.5" {}
            text x="8" y=(n(y + 18.0)) { (short) @if let Some(r) = &role { tspan fill=(palette::MUTED) { (r) } } }
            @for s in &lane.spans {
                @let (x, w) = p.extent(s.from, s.until);
                @let (fill, label) = palette::party(s.state);
                @let thin = s.state == PartyStatus::Withdrawn;
                @let holder = (s.holder != lane.actor.as_str()).then(|| format!(", holding the place: {}", p.name(&s.holder)));
                rect class=(format!("span {}", s.state.as_str())) x=(n(x)) y=(n(y + if thin { 11.0 } else { 7.0 })) width=(n(w)) height=(if thin { "6" } else { "14" }) fill=(fill) {
                    title { (format!("{}: {label} from {} to {}{}", lane.name, s.from, s.until.map_or_else(|| "the end of the record".to_owned(), |u| u.to_string()), holder.unwrap_or_default())) }
                }
            }
            @for (day, h) in &holders {
                @let x = p.scale.x(*day);
                g class="succession" {
                    title { (format!("From {day}, {} holds the place of {}", p.name(h), lane.name)) }
                    line x1=(n(x)) x2=(n(x)) y1=(n(y + 4.0)) y2=(n(y + 24.0)) stroke="#ffffff" stroke-width="2" {}
                    line x1=(n(x)) x2=(n(x)) y1=(n(y + 4.0)) y2=(n(y + 24.0)) stroke=(palette::INK) stroke-width="1" stroke-dasharray="2 2" {}
                }
            }
        }
    }
}

fn directed_strips(p: &Picture<'_>) -> Markup {
    html! {
        @for d in &p.directed {
            @let text = format!("{} suspends the agreement toward {}{} from {} to {}", p.name(&d.by), p.name(&d.toward), if d.mutual { " (mutual)" } else { "" }, d.from, d.until.map_or_else(|| "the end of the record".to_owned(), |u| u.to_string()));
            @let (x, w) = p.extent(d.from, d.until);
            @if let Some(l) = p.lane_of(&d.by) {
                rect class="directed" x=(n(x)) y=(n(Picture::lane_y(l) + 22.0)) width=(n(w)) height="4" fill=(palette::DIRECTED) { title { (text) } }
            }
            @if let Some(l) = p.lane_of(&d.toward) {
                rect class="directed" x=(n(x)) y=(n(Picture::lane_y(l) + 22.0)) width=(n(w)) height="4" fill="#ffffff" stroke=(palette::DIRECTED) stroke-width="1" stroke-dasharray=(if d.mutual { "none" } else { "3 2" }) { title { (text) } }
            }
        }
    }
}

fn mark_layer(p: &Picture<'_>) -> Markup {
    html! {
        @for (i, m) in p.marks.iter().enumerate() {
            @if let Some(day) = m.day {
                @let lane = m.action.party.as_ref().and_then(|a| p.lane_of(a.as_str())).unwrap_or(0);
                @let (x, y) = (p.scale.x(day), Picture::lane_y(lane) + 14.0);
                @let (fill, stroke, dashed) = match &m.disputed {
                    Some(d) if d.counted => (palette::INK, palette::DISPUTED, false),
                    Some(_) => ("#ffffff", palette::DISPUTED, true),
                    None => (palette::INK, "#ffffff", false),
                };
                g class=(if m.disputed.is_some() { "mark disputed" } else { "mark" }) data-act=(i) {
                    title { (p.describe(m)) }
                    @if m.disputed.is_some() {
                        circle cx=(n(x)) cy=(n(y)) r="8" fill="none" stroke=(palette::DISPUTED) stroke-width="1" {}
                    }
                    (shape(m.shape, x, y, fill, stroke, dashed))
                }
            }
        }
    }
}

fn axis(p: &Picture<'_>) -> Markup {
    let top = Picture::lane_y(0);
    let y = Picture::lane_y(p.lanes.len() + 1) + 4.0;
    let (x0, x1) = p.scale.range();
    html! {
        g class="axis" font-size="11" fill=(palette::MUTED) {
            @for t in p.scale.ticks() {
                line x1=(n(t.x)) x2=(n(t.x)) y1=(n(top)) y2=(n(y + 4.0)) stroke=(palette::RULE) stroke-width="0.5" {}
                text x=(n(t.x)) y=(n(y + 17.0)) text-anchor="middle" { (t.label) }
            }
            line x1=(n(x0)) x2=(n(x1)) y1=(n(y)) y2=(n(y)) stroke=(palette::MUTED) stroke-width="1" {}
            @for (a, b) in p.scale.breaks() {
                rect class="cut" x=(n(a + 2.0)) y=(n(top)) width=(n(b - a - 4.0)) height=(n(y - top + 6.0)) fill="#ffffff" fill-opacity="0.85" {
                    title { "a long stretch with no recorded act, drawn shorter" }
                }
                path d=(format!("M{} {}l4 -8M{} {}l4 -8", n(a + 4.0), n(y + 4.0), n(b - 8.0), n(y + 4.0))) stroke=(palette::MUTED) stroke-width="1.5" {}
            }
        }
    }
}

fn undated_note(p: &Picture<'_>) -> Markup {
    // The acts themselves are in the marks' list of the report; the note names the first few.
    let all: Vec<&Mark<'_>> = p.marks.iter().filter(|m| m.day.is_none()).collect();
    let mut undated: Vec<String> =
        all.iter().take(3).map(|m| format!("{} {}", m.action.kind.as_str().replace('_', " "), m.action.date)).collect();
    if all.len() > 3 {
        undated.push(format!("and {} more", all.len() - 3));
    }
    let y = Picture::lane_y(p.lanes.len() + 1) + 40.0;
    html! {
        @if !undated.is_empty() {
            text class="undated" x="8" y=(n(y)) font-size="11" fill=(palette::MUTED) {
                (format!("Not drawn, no sure date: {}", undated.join("; ")))
            }
        }
    }
}

/// The picture's accessible summary: what a screen reader says for the whole image.
fn summary(p: &Picture<'_>) -> String {
    let bound: Vec<&str> = p
        .lanes
        .iter()
        .filter(|l| l.spans.iter().any(|s| s.state == PartyStatus::Bound && s.until.is_none()))
        .map(|l| l.name.as_str())
        .collect();
    let disputed = p.marks.iter().filter(|m| m.disputed.is_some()).count();
    let mut s = format!(
        "{} parties listed, {} acts recorded; bound at the end of the record: {}.",
        p.lanes.len(),
        p.marks.len(),
        if bound.is_empty() { "none".to_owned() } else { bound.join(", ") }
    );
    if disputed > 0 {
        let _ = write!(s, " {disputed} disputed acts, ringed in red.");
    }
    if !p.directed.is_empty() {
        let _ = write!(s, " {} directed suspensions.", p.directed.len());
    }
    s
}

/// The SVG of `agreement`, standalone (an `.svg` file) or inline in HTML alike.
pub(crate) fn svg(context: &Context<'_>, agreement: &Agreement, options: &RenderOptions) -> Markup {
    let p = Picture::new(context, agreement, options);
    let (width, height) = (f64::from(options.width.max(480)), p.height());
    let id = format!("timeline-{}", agreement.id.as_str());
    let subtitle = format!(
        "As recorded up to {}; disputed acts under the policy \u{201c}{}\u{201d}{}",
        options.as_of,
        options.policy.as_str().replace('_', " "),
        if p.contested { " (the lanes rest on disputed acts)" } else { "" }
    );
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="timeline" id=(id) viewBox=(format!("0 0 {} {}", n(width), n(height)))
            width=(n(width)) height=(n(height)) role="img" aria-labelledby=(format!("{id}-title {id}-desc"))
            font-family=(FONT) font-size="12" fill=(palette::INK) {
            title id=(format!("{id}-title")) { "Timeline of " (isolate(&agreement.title)) }
            desc id=(format!("{id}-desc")) { (summary(&p)) }
            rect width="100%" height="100%" fill="#ffffff" {}
            text x="8" y="20" font-size="15" font-weight="600" { (isolate(&agreement.title)) }
            text x="8" y="38" font-size="11" fill=(palette::MUTED) { (subtitle) }
            (legend(&p))
            (status_row(&p))
            @for (i, l) in p.lanes.iter().enumerate() { (lane(&p, i, l)) }
            (directed_strips(&p))
            (axis(&p))
            (mark_layer(&p))
            (undated_note(&p))
        }
    }
}
