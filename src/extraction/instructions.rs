//! What a model is told with the extraction profile: the rules of a good answer (the system
//! prompt) and the article with what the pipeline knows of it (the user's message).

use chrono::{Datelike, NaiveDate};

use super::Article;
use crate::schema_version::SchemaVersion;

/// The id the instructions ask the model to give the article's source record, and to cite.
pub const ARTICLE_SOURCE_ID: &str = "report";

/// The system prompt for one article: cite every fact with [`ARTICLE_SOURCE_ID`], quote the
/// article verbatim, resolve relative dates against its publication date, date an act the
/// article tells of without a date "on or before publication" (`../2025-09-18`, warned
/// `act_date_not_stated` by validation, as docs/merge.md describes).
///
/// The article's publication date is written out with its weekday, so that "on Wednesday"
/// can be resolved to a day; without a publication date the model is told to leave weekdays
/// and undated acts unresolved rather than guess.
pub fn instructions(article: &Article) -> String {
    let published = Published::of(article);
    let mut out = String::with_capacity(4096);
    out.push_str(
        "You read one news article and record what it reports about defense agreements as one \
dossier: a JSON document in the schema you are given (the extraction profile of the \
defense-agreements dossier format). Your answer is checked by a program: every quote against \
the article's text, every reference and date by validation.\n\n",
    );
    out.push_str(&format!(
        "1. Only what the article says. Record the agreements, their parties, signatures and \
lifecycle acts (negotiation, signature, ratification, entry into force, withdrawal ...), the \
officials involved and their posts, statements, troop presences and support relations that the \
article reports. Add nothing from memory: no dates, signers, places, identifiers or titles the \
article does not give. Country codes (ISO 3166-1 alpha-3) and language codes may be given for \
the places, actors and names the article mentions.\n\
2. Every property is present: null when the article does not say, [] for an empty list, and [] \
for every `extensions`. `schema_version` is \"{version}\". The dossier's `id` is a short slug \
of the event and `title` a short description of it.\n\
3. The article is the only source: one entry of `sources` with id \"{id}\", kind \
\"news_report\", its headline as `title`, and the url, publisher and publication date given \
with the article (null when not given).\n\
4. Cite every fact. Every record you write that has `citations` (agreements, parties, \
signatures, acts, actors, people, posts, statements, troop presences, supports) cites the \
article: {{\"source\": \"{id}\", \"quote\": ..., \"locator\": null, \"credibility\": null}}.\n\
5. Quotes are verbatim. A quote is one contiguous span of the article's text, copied character \
for character: the same quotation marks and apostrophes (’ is not '), dashes, spaces, \
capitals and spelling; no ellipsis, no brackets, nothing left out, added or translated, no \
white space at either end. Quote the shortest span that supports the fact: a clause or a \
sentence, never a lone word. Never quote the headline or the details given above the text.\n\
6. Dates are EDTF: YYYY, YYYY-MM or YYYY-MM-DD; add ? to a date the article gives as \
uncertain, ~ to one it gives as approximate.\n",
        version = SchemaVersion::CURRENT,
        id = ARTICLE_SOURCE_ID,
    ));
    match &published {
        Published::Day { date, weekday } => out.push_str(&format!(
            "7. The article was published on {weekday} {date}. Resolve relative dates against \
that day: \"on {example}\" is the last {example} on or before {date} ({example_day}), \
\"yesterday\" is the day before it, \"this month\" is {month}.\n\
8. Undated acts: when the article says an act happened (a signing, a ratification, an entry \
into force) but not when, still record the act, dated \"../{date}\" (on or before \
publication). Never invent a day. An agreement whose signatures you record also has a \
\"signature\" act.\n",
            example = example_weekday(*date).0,
            example_day = example_weekday(*date).1,
            month = format_args!("{:04}-{:02}", date.year(), date.month()),
        )),
        Published::Coarse(bound) => out.push_str(&format!(
            "7. The article was published in {bound}; its day is not known. Do not turn weekdays \
(\"on Wednesday\") or relative days (\"yesterday\") into days: give only the month or year they \
fall in when that is certain.\n\
8. Undated acts: when the article says an act happened (a signing, a ratification, an entry \
into force) but not when, still record the act, dated \"../{bound}\" (on or before \
publication). Never invent a day. An agreement whose signatures you record also has a \
\"signature\" act.\n"
        )),
        Published::Unknown => out.push_str(
            "7. The article's publication date is not known. Do not turn weekdays (\"on \
Wednesday\") or relative dates (\"yesterday\", \"last month\") into dates.\n\
8. Undated acts: give an act the date the article states, as precise as it states it (a year \
alone is a date). An act the article gives no date for at all is left out, and its \
signatures are kept. Never invent a date.\n",
        ),
    }
    out.push_str(
        "9. Ids are short lowercase slugs, unique within their list (\"iran\", \"syria-mod\", \
\"iran-syria-2020\"), and references use them: a party's actor and a signature's party are \
actor ids, a signer is a person id. A signer holds a post (in `posts`) in the party they sign \
for or in one of its organs (an actor whose `parent` is the party: its defense ministry, its armed \
forces); otherwise give the `capacity` they signed in. List an actor only when another record \
refers to it (a party, a post, a parent, a statement).\n\
10. When the article itself gives conflicting accounts of one fact (two dates of one signing, \
two signers for one party), keep both: one record each, each citing its own words, sharing \
one `dispute` listed in `disputes`. Otherwise leave `disputes` empty and every `dispute` \
null.\n",
    );
    out
}

/// The user's message: what the pipeline knows of the article (headline, outlet, address,
/// publication date with its weekday), then its text between `<article>` tags.
pub fn article_message(article: &Article) -> String {
    let mut out = String::with_capacity(article.text.len() + 512);
    out.push_str("Record what this article reports about defense agreements.\n\n");
    let line = |out: &mut String, label: &str, value: Option<&str>| {
        out.push_str(label);
        out.push_str(": ");
        out.push_str(value.unwrap_or("(not given)"));
        out.push('\n');
    };
    line(&mut out, "Headline", article.title.as_deref());
    line(&mut out, "Publisher", article.publisher.as_deref());
    line(&mut out, "URL", article.url.as_deref());
    let published = match (Published::of(article), article.published.as_deref()) {
        (Published::Day { weekday, .. }, Some(text)) => Some(format!("{text} ({weekday})")),
        (_, text) => text.map(str::to_owned),
    };
    line(&mut out, "Published", published.as_deref());
    out.push_str("\n<article>\n");
    out.push_str(&article.text);
    out.push_str("\n</article>\n");
    out
}

/// The article's publication date, as far as it is known.
enum Published {
    /// A day (from `2025-09-18` or `2025-09-18T14:05:00Z`).
    Day {
        date: NaiveDate,
        weekday: &'static str,
    },
    /// A month or year only (`2025-09`, `2025`), written as given.
    Coarse(String),
    Unknown,
}

impl Published {
    fn of(article: &Article) -> Self {
        let Some(text) = article.published.as_deref() else { return Published::Unknown };
        // The date part of an ISO 8601 date-time.
        let date = text.split(['T', ' ']).next().unwrap_or("").trim();
        if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            if (0..=9999).contains(&day.year()) {
                return Published::Day { date: day, weekday: weekday_name(day) };
            }
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let coarse = match date.split_once('-') {
            Some((year, month)) => digits(year, 4) && digits(month, 2) && matches!(month.parse::<u8>(), Ok(1..=12)),
            None => digits(date, 4),
        };
        if coarse { Published::Coarse(date.to_owned()) } else { Published::Unknown }
    }
}

fn weekday_name(day: NaiveDate) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [day.weekday().num_days_from_monday() as usize]
}

/// A weekday other than publication day's, and its date: the example the rule about weekdays
/// gives (the day before publication's weekday, so the example is never the day itself).
fn example_weekday(published: NaiveDate) -> (&'static str, NaiveDate) {
    let day = published.pred_opt().unwrap_or(published);
    (weekday_name(day), day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_day_gives_its_weekday_and_the_undated_form() {
        let article = Article::new("Text.").with_published("2025-09-18T09:30:00Z");
        let text = instructions(&article);
        assert!(text.contains("published on Thursday 2025-09-18"), "{text}");
        assert!(text.contains("\"on Wednesday\" is the last Wednesday on or before 2025-09-18 (2025-09-17)"), "{text}");
        assert!(text.contains("\"../2025-09-18\""), "{text}");
        assert!(text.contains("\"this month\" is 2025-09"), "{text}");
        assert!(article_message(&article).contains("Published: 2025-09-18T09:30:00Z (Thursday)"));
    }

    #[test]
    fn a_month_or_no_date_never_asks_for_a_day() {
        let month = instructions(&Article::new("x").with_published("2025-09"));
        assert!(month.contains("\"../2025-09\"") && !month.contains("published on"), "{month}");
        for published in [None, Some("last week"), Some("2025-13"), Some("2025-02-30")] {
            let mut article = Article::new("x");
            article.published = published.map(str::to_owned);
            let text = instructions(&article);
            assert!(text.contains("publication date is not known") && !text.contains("\"../"), "{published:?}");
        }
    }

    #[test]
    fn the_article_is_given_whole_with_what_is_known() {
        let article = Article::new("Iran and Syria signed …").with_title("A pact").with_url("https://example.org/a");
        let message = article_message(&article);
        assert!(message.contains("<article>\nIran and Syria signed …\n</article>"));
        assert!(message.contains("Headline: A pact\n") && message.contains("Publisher: (not given)\n"));
        let text = instructions(&article);
        assert!(text.contains("\"source\": \"report\"") && text.contains(&format!("\"{}\"", SchemaVersion::CURRENT)));
    }
}
