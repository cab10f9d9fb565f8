//! One dossier as one self-contained HTML page: its agreements (parties and their spells,
//! signers with their posts, obligations and cooperation, the timeline), troop presences,
//! disputes with their alternatives side by side, and the sources with every quote that cites
//! them. Styles and pictures are inline; the page loads nothing (no script, font or CDN).

use std::collections::HashMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::context::Context;
use super::lanes::actor_name;
use super::timeline;
use super::{RenderOptions, isolate};
use crate::succession::Successions;
use crate::{Agreement, Citation, Claim, Dossier, Person};

/// The page's styles. Text colours keep at least 7:1 against their background; wide tables
/// and the timeline scroll inside their own box, so the page never scrolls sideways.
const STYLE: &str = "
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#ffffff;color:#1a202c;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;margin:.2em 0}
h2{font-size:1.3rem;margin-top:2em;border-bottom:2px solid #cbd2dc;padding-bottom:.2em}
h3{font-size:1.05rem;margin-top:1.4em}
p.meta,.muted{color:#3f4756}
a{color:#1c4f8a}
code{font:.85em/1.4 ui-monospace,'DejaVu Sans Mono',monospace;color:#1a202c;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e2e6ec;overflow-wrap:break-word}
.day{white-space:nowrap}
@media (max-width:600px){main{padding:10px}table{font-size:.82rem}th,td{padding:3px 4px}}
th{background:#f1f4f8;color:#1a202c}
.timeline-box{overflow-x:auto;max-width:100%;border:1px solid #e2e6ec}
.timeline-box svg{display:block;min-width:640px;width:100%;height:auto}
.alternatives{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(240px,100%),1fr));gap:12px}
.alternative{border:1px solid #cbd2dc;border-left:4px solid #9b1c1c;padding:8px 12px;background:#fffafa;color:#1a202c;min-width:0}
blockquote{margin:.4em 0 .4em 0;padding:.2em .8em;border-left:3px solid #cbd2dc;color:#1a202c;overflow-wrap:anywhere}
ul{padding-left:1.3em}
li{overflow-wrap:anywhere}
.disputed{color:#9b1c1c;font-weight:600}
";

/// Everything the sections look up, indexed once.
struct Index<'a> {
    names: HashMap<&'a str, &'a str>,
    people: HashMap<&'a str, &'a Person>,
    sources: HashMap<&'a str, &'a crate::Source>,
}

impl<'a> Index<'a> {
    fn new(d: &'a Dossier, names: HashMap<&'a str, &'a str>) -> Self {
        let mut people = HashMap::new();
        for p in &d.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        let mut sources = HashMap::new();
        for s in &d.sources {
            sources.entry(s.id.as_str()).or_insert(s);
        }
        Self { names, people, sources }
    }

    fn name(&self, id: &str) -> String {
        actor_name(&self.names, id)
    }

    fn names_of<'x>(&self, ids: impl IntoIterator<Item = &'x crate::ids::ActorId>) -> String {
        let list: Vec<String> = ids.into_iter().map(|a| self.name(a.as_str())).collect();
        if list.is_empty() { "all parties".to_owned() } else { list.join(", ") }
    }
}

fn source_ref(citations: &[Citation]) -> Markup {
    html! {
        @for (i, c) in citations.iter().enumerate() {
            @if i > 0 { ", " }
            a href=(format!("#source-{}", c.source.as_str())) { (c.source.as_str()) }
        }
    }
}

fn parties(ix: &Index<'_>, agreement: &Agreement, successions: &Successions<'_>) -> Markup {
    let life = agreement.lifecycle_in(successions);
    html! {
        h3 { "Parties and their spells" }
        div.scroll { table {
            thead { tr { th { "Party" } th { "Role" } th { "Bound" } th { "Status at the end of the record" } } }
            tbody {
                @for p in &agreement.parties {
                    @let spells = life.binding_intervals(&p.actor);
                    @let last = life.timeline().last().map(|e| e.day);
                    tr data-actor=(p.actor.as_str()) {
                        td { (ix.name(p.actor.as_str())) }
                        td { (p.role.as_str()) }
                        td {
                            @if spells.is_empty() { span.muted { "never bound on record" } }
                            @for (i, s) in spells.iter().enumerate() {
                                @if i > 0 { br; }
                                "from " span.day { (s.start) }
                                @if let Some(end) = &s.end { " until " span.day { (end) } } @else { " on" }
                            }
                        }
                        td { (last.map_or("\u{2014}", |day| life.party_status_on(&p.actor, day).as_str()).replace('_', " ")) }
                    }
                }
            }
        } }
    }
}

fn signers(ix: &Index<'_>, agreement: &Agreement) -> Markup {
    html! {
        @if !agreement.signatures.is_empty() {
            h3 { "Signers" }
            div.scroll { table {
                thead { tr { th { "For" } th { "Signer" } th { "Posts" } th { "Date, place" } th { "Sources" } } }
                tbody {
                    @for s in &agreement.signatures {
                        @let person = ix.people.get(s.signer.as_str());
                        tr {
                            td { (ix.name(s.party.as_str())) }
                            td {
                                (isolate(person.map_or(s.signer.as_str(), |p| p.name.as_str())))
                                @if let Some(c) = &s.capacity { br; span.muted { (isolate(c)) } }
                                @if let Some(d) = &s.dispute { br; span.disputed { "disputed (" (d.as_str()) ")" } }
                            }
                            td {
                                @for post in person.map_or(&[][..], |p| p.posts.as_slice()) {
                                    (isolate(&post.title))
                                    @if let Some(r) = &post.rank { " (" (isolate(&r.title)) ")" }
                                    ", " (ix.name(post.organization.as_str()))
                                    @if post.start.is_some() || post.end.is_some() {
                                        " " span.muted { (post.start.map(|d| d.to_string()).unwrap_or_default()) "\u{2013}" (post.end.map(|d| d.to_string()).unwrap_or_default()) }
                                    }
                                    br;
                                }
                            }
                            td { (s.date.map(|d| d.to_string()).unwrap_or_default()) @if let Some(pl) = &s.place { " " (isolate(&pl.name)) } }
                            td { (source_ref(&s.citations)) }
                        }
                    }
                }
            } }
        }
    }
}

fn pledges(ix: &Index<'_>, agreement: &Agreement) -> Markup {
    html! {
        @if !agreement.obligations.is_empty() {
            h3 { "Obligations" }
            ul {
                @for o in &agreement.obligations {
                    li {
                        strong { (o.kind.as_str().replace('_', " ")) }
                        ": " (ix.names_of(&o.obligors)) " \u{2192} " (ix.names_of(&o.beneficiaries))
                        @if let Some(t) = &o.text { blockquote { (isolate(t)) } }
                        @if let Some(d) = &o.dispute { span.disputed { "disputed (" (d.as_str()) ") " } }
                        @if !o.citations.is_empty() { span.muted { "Sources: " } (source_ref(&o.citations)) }
                    }
                }
            }
        }
        @if !agreement.cooperation.is_empty() {
            h3 { "Cooperation" }
            ul {
                @for c in &agreement.cooperation {
                    li {
                        strong { (c.area.as_str().replace('_', " ")) }
                        @if !c.providers.is_empty() || !c.recipients.is_empty() {
                            ": " (ix.names_of(&c.providers)) " \u{2192} " (ix.names_of(&c.recipients))
                        }
                        @if let Some(t) = &c.text { blockquote { (isolate(t)) } }
                        @for l in &c.limits { div { "limit: " (l.amount) @if let Some(t) = &l.text { " \u{2014} " (isolate(t)) } } }
                        @if let Some(d) = &c.dispute { span.disputed { "disputed (" (d.as_str()) ") " } }
                        @if !c.citations.is_empty() { span.muted { "Sources: " } (source_ref(&c.citations)) }
                    }
                }
            }
        }
    }
}

fn agreement_section(ix: &Index<'_>, cx: &Context<'_>, a: &Agreement, o: &RenderOptions) -> Markup {
    // The facts the policy counts: the same agreement in the resolved dossier.
    let counted = cx.counted(a);
    let successions = &cx.successions;
    html! {
        section.agreement id=(format!("agreement-{}", a.id.as_str())) {
            h2 { (isolate(&a.title)) }
            p.meta {
                (a.kind.as_str().replace('_', " "))
                " \u{b7} status at the end of the record: " (counted.lifecycle_in(successions).status().as_str().replace('_', " "))
                " \u{b7} id " code { (a.id.as_str()) }
            }
            div.timeline-box { (timeline::svg(cx, a, o)) }
            (parties(ix, counted, successions))
            (signers(ix, a))
            (pledges(ix, a))
        }
    }
}

fn presences(ix: &Index<'_>, d: &Dossier) -> Markup {
    html! {
        @if !d.troop_presences.is_empty() {
            h2 { "Troop presences" }
            div.scroll { table {
                thead { tr { th { "Forces" } th { "In" } th { "Strength" } th { "Since, as of" } th { "Host consent" } th { "Sources" } } }
                tbody {
                    @for t in &d.troop_presences {
                        tr id=(format!("presence-{}", t.id.as_str())) {
                            td { (ix.names_of(&t.forces)) @if let Some(p) = &t.purpose { br; span.muted { (isolate(p)) } } }
                            td { (t.host_country.name()) @if let Some(l) = &t.location { ", " (isolate(&l.name)) } }
                            td { (t.strength) }
                            td {
                                @if let Some(x) = &t.since { "since " span.day { (x) } br; }
                                @if let Some(x) = &t.as_of { "as of " span.day { (x) } }
                            }
                            td {
                                (t.host_consent.as_str().replace('_', " "))
                                @for c in &t.consent_claims {
                                    br; span.muted { (ix.name(c.claimant.as_str())) ": " (c.consent.as_str().replace('_', " ")) }
                                    @if c.dispute.is_some() { " " span.disputed { "(disputed)" } }
                                }
                            }
                            td { (source_ref(&t.citations)) }
                        }
                    }
                }
            } }
        }
    }
}

/// A competing record in a few words.
fn claim_text(ix: &Index<'_>, claim: &Claim<'_>) -> String {
    let when = |d: Option<&crate::values::EdtfDate>| d.map(|d| format!(" ({d})")).unwrap_or_default();
    match claim {
        Claim::Signature { signature: s, .. } => format!(
            "{} signed for {}{}{}",
            isolate(ix.people.get(s.signer.as_str()).map_or(s.signer.as_str(), |p| p.name.as_str())),
            ix.name(s.party.as_str()),
            s.capacity.as_deref().map(|c| format!(", as {}", isolate(c))).unwrap_or_default(),
            when(s.date.as_ref())
        ),
        Claim::Action { action: a, .. } => format!(
            "{} {}{}",
            a.kind.as_str().replace('_', " "),
            a.effective_date(),
            a.party.as_ref().map(|p| format!(" by {}", ix.name(p.as_str()))).unwrap_or_default()
        ),
        Claim::Obligation { obligation: o, .. } => {
            format!("{}: {}", o.kind.as_str().replace('_', " "), isolate(o.text.as_deref().unwrap_or("")))
        }
        Claim::Cooperation { cooperation: c, .. } => {
            format!("{}: {}", c.area.as_str().replace('_', " "), isolate(c.text.as_deref().unwrap_or("")))
        }
        Claim::TroopPresence(t) => {
            format!("{} in {}: {}", ix.names_of(&t.forces), t.host_country.name(), t.strength)
        }
        Claim::Statement(s) => format!("{}{}", isolate(&s.text), when(s.date.as_ref())),
        Claim::Post { person, post } => {
            format!("{}: {}, {}", isolate(&person.name), isolate(&post.title), ix.name(post.organization.as_str()))
        }
        Claim::ConsentClaim { claim, .. } => {
            format!("{}: {}", ix.name(claim.claimant.as_str()), claim.consent.as_str().replace('_', " "))
        }
        other => serde_json::to_string(&other_json(other)).unwrap_or_default(),
    }
}

/// The record of a claim the page has no sentence for, as JSON.
fn other_json(claim: &Claim<'_>) -> serde_json::Value {
    let value = match claim {
        Claim::Related { related, .. } => serde_json::to_value(related),
        Claim::Limit { limit, .. } => serde_json::to_value(limit),
        Claim::Establishment { establishment, .. } => serde_json::to_value(establishment),
        Claim::Support(s) => serde_json::to_value(s),
        _ => Ok(serde_json::Value::Null),
    };
    value.unwrap_or(serde_json::Value::Null)
}

fn disputes(ix: &Index<'_>, cx: &Context<'_>) -> Markup {
    let competing = cx.dossier.competing_claims();
    let (resolved, policy) = (cx.resolved, cx.policy());
    html! {
        @if !competing.is_empty() {
            h2 { "Disputes" }
            p.muted { "Each dispute\u{2019}s alternatives side by side; at most one is true. Under the policy \u{201c}" (policy.as_str().replace('_', " ")) "\u{201d} the timeline counts those marked counted." }
            @for c in &competing {
                @let outcome = resolved.outcome(c.dispute.id.as_str());
                section.dispute id=(format!("dispute-{}", c.dispute.id.as_str())) {
                    h3 { (isolate(c.dispute.question.as_deref().unwrap_or(c.dispute.id.as_str()))) }
                    @if let Some(field) = &c.dispute.field { p.muted { "Field " code { (field) } } }
                    div.alternatives {
                        @for (i, claim) in c.claims.iter().enumerate() {
                            div.alternative {
                                p { (claim_text(ix, claim)) }
                                p.muted { "Sources: " (source_ref(claim.citations())) }
                                @if outcome.is_some_and(|x| x.counted.contains(&i)) { p { strong { "counted" } } }
                            }
                        }
                        @for (i, alt) in c.dispute.alternatives.iter().enumerate() {
                            div.alternative {
                                p { code { (alt.value.to_string()) } }
                                p.muted { "Sources: " (source_ref(&alt.citations)) }
                                @if outcome.is_some_and(|x| x.counted.contains(&i)) { p { strong { "counted" } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every quote of the dossier, by source id, with where it is cited (a JSON Pointer): any
/// object in a `citations` list, found by walking the document's JSON once.
fn quotes(d: &Dossier) -> HashMap<String, Vec<(String, String)>> {
    fn walk(v: &serde_json::Value, path: &mut String, out: &mut HashMap<String, Vec<(String, String)>>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map {
                    let len = path.len();
                    path.push('/');
                    path.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    if k == "citations" {
                        for (i, c) in child.as_array().into_iter().flatten().enumerate() {
                            let source = c.get("source").and_then(|s| s.as_str());
                            let quote = c.get("quote").and_then(|s| s.as_str());
                            if let (Some(s), Some(q)) = (source, quote) {
                                out.entry(s.to_owned()).or_default().push((format!("{path}/{i}"), q.to_owned()));
                            }
                        }
                    } else {
                        walk(child, path, out);
                    }
                    path.truncate(len);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let len = path.len();
                    path.push('/');
                    path.push_str(&i.to_string());
                    walk(child, path, out);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = HashMap::new();
    if let Ok(json) = serde_json::to_value(d) {
        walk(&json, &mut String::new(), &mut out);
    }
    out
}

fn sources(ix: &Index<'_>, d: &Dossier) -> Markup {
    let quotes = quotes(d);
    html! {
        @if !d.sources.is_empty() {
            h2 { "Sources" }
            ol.sources {
                @for s in &d.sources {
                    li.source id=(format!("source-{}", s.id.as_str())) data-source=(s.id.as_str()) {
                        strong { (isolate(&s.title)) }
                        @if let Some(p) = &s.publisher { ", " (isolate(p)) }
                        @if let Some(p) = &s.published { ", " (p) }
                        " " code { (s.id.as_str()) }
                        @if let Some(u) = &s.url { br; a href=(u.as_str()) rel="noreferrer" { (u.as_str()) } }
                        @for (path, q) in quotes.get(s.id.as_str()).map_or(&[][..], Vec::as_slice) {
                            blockquote { "\u{201c}" (isolate(q)) "\u{201d} " span.muted { "(" code { (path) } ")" } }
                        }
                    }
                }
            }
        }
        // Sources cited but not listed: named, so no quote goes unseen.
        @let unlisted: Vec<&String> = { let mut u: Vec<&String> = quotes.keys().filter(|k| !ix.sources.contains_key(k.as_str())).collect(); u.sort(); u };
        @if !unlisted.is_empty() {
            h3 { "Cited, not listed" }
            ul { @for k in unlisted { li { code { (k) } } } }
        }
    }
}

/// `n thing` or `n things`.
fn count(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// The page.
pub(crate) fn html(cx: &Context<'_>, o: &RenderOptions) -> Markup {
    let d = cx.dossier;
    let ix = Index::new(d, cx.names.clone());
    let title = d.title.clone().unwrap_or_else(|| d.id.to_string());
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (isolate(&title)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { (isolate(&title)) }
                    p.meta {
                        "Dossier " code { (d.id.as_str()) } " \u{b7} schema " (d.schema_version.to_string())
                        " \u{b7} as recorded up to " (o.as_of)
                        " \u{b7} " (count(d.agreements.len(), "agreement")) ", " (count(d.sources.len(), "source"))
                    }
                    @for a in &d.agreements { (agreement_section(&ix, cx, a, o)) }
                    (presences(&ix, d))
                    (disputes(&ix, cx))
                    (sources(&ix, d))
                }
            }
        }
    }
}
