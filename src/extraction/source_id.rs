//! The id of an article's source record, derived from the article itself, so that answers about
//! different articles never share a source id and a merge renames nothing.

use super::Article;
use crate::ids::is_valid_id;

/// Ids are at most this long (`ids::ID_PATTERN`).
const MAX_ID: usize = 128;

/// `upi.com:papua-new-guinea-us-defense-agreement` from the URL (host without `www.`, then the
/// article's slug: the longest segment of the path, cut to about 48 characters at a word; the
/// whole path when that segment is short; the query, tracking parameters left out, when the
/// path is empty or that short; a hash of the path when it has letters outside ASCII, which a
/// slug cannot keep); without a URL, the publisher and publication date
/// (`al-jazeera:2020-07-08`), the publisher and title, or the title alone. `None` when the
/// article has none of these. An id that would be too long keeps its head and ends in a hash
/// of the whole, so two long URLs still differ.
pub(crate) fn source_id(article: &Article) -> Option<String> {
    let from_url = article.url.as_deref().and_then(|url| {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
        let path = path.split('#').next().unwrap_or(path);
        // A query is mostly tracking (`utm_…`); it names the article only when the path is empty
        // or names no article by itself (`news.php?id=42`).
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let query = naming_query(query);
        let raw_path = path;
        let path = path.strip_suffix(".html").or_else(|| path.strip_suffix(".htm")).unwrap_or(path);
        let slugged = article_slug(path);
        let mut path = match (slugged.is_empty(), slugged.len() <= GENERIC_PATH && !query.is_empty()) {
            (true, _) => slug(&query, false),
            (false, true) => format!("{slugged}-{}", slug(&query, false)),
            (false, false) => slugged,
        };
        // Letters outside ASCII (`/новости/договор`) leave no trace in a slug: without a hash of
        // the path, two such articles of one site would share an id.
        if raw_path.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()) {
            let hash = format!("{:08x}", fnv1a(raw_path.as_bytes()) as u32);
            path = if path.is_empty() { hash } else { format!("{path}-{hash}") };
        }
        let host = slug(&host, true);
        (!host.is_empty()).then(|| if path.is_empty() { host } else { format!("{host}:{path}") })
    });
    let id = from_url.or_else(|| {
        let publisher = article.publisher.as_deref().map(|p| slug(p, false)).filter(|p| !p.is_empty());
        let date = article.published.as_deref().and_then(|d| d.get(..10)).map(|d| slug(d, false));
        let title = article.title.as_deref().map(|t| slug(t, false)).filter(|t| !t.is_empty());
        match (publisher, date, title) {
            (Some(p), Some(d), Some(t)) => Some(format!("{p}:{d}-{t}")),
            (Some(p), Some(d), None) => Some(format!("{p}:{d}")),
            (Some(p), None, Some(t)) => Some(format!("{p}:{t}")),
            (None, _, Some(t)) => Some(t),
            (Some(p), None, None) => Some(p),
            (None, Some(d), None) => Some(format!("article-{d}")),
            (None, None, None) => None,
        }
    })?;
    let id = fit(&id);
    is_valid_id(&id).then_some(id)
}

/// A path slug this short (`news-php`, `article`) names no article by itself.
const GENERIC_PATH: usize = 12;

/// The query's parameters that may name an article: the query without the tracking ones
/// (`utm_…`, `fbclid`, `gclid` …), which differ between links to one article.
fn naming_query(query: &str) -> String {
    const TRACKING: [&str; 9] = ["fbclid", "gclid", "ocid", "cmpid", "ref", "ref_src", "mc_cid", "mc_eid", "amp"];
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !key.is_empty() && !key.starts_with("utm") && !TRACKING.contains(&key.as_str())
        })
        .collect();
    kept.join("&")
}

/// Readable ids are short: about this many characters after the host.
const SLUG_CHARS: usize = 48;

/// The slug of an article's path: its longest segment with a letter in it (where news sites
/// put the headline), cut at a word; the whole path's slug when that is short or missing
/// (`/ukraine/2024/12/06/903820`).
fn article_slug(path: &str) -> String {
    let longest = path
        .split('/')
        .map(|segment| slug(segment, false))
        .filter(|s| s.chars().any(|c| c.is_ascii_alphabetic()))
        .max_by_key(String::len)
        .unwrap_or_default();
    let chosen = if longest.len() > 12 { longest } else { slug(path, false) };
    if chosen.len() <= SLUG_CHARS {
        return chosen;
    }
    // Slugs are ASCII: any byte is a boundary. Cut at the last `-` within the limit.
    let head = &chosen[..SLUG_CHARS];
    head.rsplit_once('-').map_or(head, |(words, _)| words).to_owned()
}

/// Lowercase ASCII letters and digits, every other run of characters one `-` (`.` kept in a
/// host name); no leading or trailing `-`.
fn slug(text: &str, host: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (host && c == '.') {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') || out.ends_with('.') {
        out.pop();
    }
    out
}

/// The id cut to the longest an id may be, with a hash of the whole at its end when cut.
fn fit(id: &str) -> String {
    if id.len() <= MAX_ID {
        return id.to_owned();
    }
    let hash = format!("{:016x}", fnv1a(id.as_bytes()));
    // Slugs are ASCII, so any byte is a character boundary.
    let head = id[..MAX_ID - hash.len() - 1].trim_end_matches(['-', '.', ':']);
    format!("{head}-{hash}")
}

/// 64-bit FNV-1a: stable across builds and platforms, which `std`'s hasher is not promised to be.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_url_or_the_outlet() {
        let a = Article::new("t").with_url("https://www.Reuters.com/world/iran-syria-deal-2020-07-08/?utm=x#top");
        assert_eq!(source_id(&a).as_deref(), Some("reuters.com:iran-syria-deal-2020-07-08"));
        let a = Article::new("t").with_url(
            "https://asiapacificreport.nz/2023/05/23/blinken-daki-sign-controversial-us-png-defence-pact-after-day-of-protests/",
        );
        assert_eq!(
            source_id(&a).as_deref(),
            Some("asiapacificreport.nz:blinken-daki-sign-controversial-us-png-defence")
        );
        let a = Article::new("t").with_url("https://news-pravda.com/ukraine/2024/12/06/903820.html");
        assert_eq!(source_id(&a).as_deref(), Some("news-pravda.com:ukraine-2024-12-06-903820"));
        let a = Article::new("t").with_url("http://example.org/?story=42");
        assert_eq!(source_id(&a).as_deref(), Some("example.org:story-42"));
        let a = Article::new("t").with_url("https://apnews.com/article/abc123.html");
        assert_eq!(source_id(&a).as_deref(), Some("apnews.com:article-abc123"));
        let a = Article::new("t").with_url("https://example.org/");
        assert_eq!(source_id(&a).as_deref(), Some("example.org"));
        let a = Article::new("t").with_publisher("Al Jazeera").with_published("2020-07-08T10:00:00Z");
        assert_eq!(source_id(&a).as_deref(), Some("al-jazeera:2020-07-08"));
        assert_eq!(source_id(&Article::new("t")), None);
        // A short path with a query that names the article keeps it; tracking is left out.
        let a = Article::new("t").with_url("https://www.example.gov/news.php?id=42&utm_source=x");
        assert_eq!(source_id(&a).as_deref(), Some("example.gov:news-php-id-42"));
        let a = Article::new("t").with_url("https://example.org/a/b?utm_source=feed&fbclid=1");
        assert_eq!(source_id(&a).as_deref(), Some("example.org:a-b"));
        let long = format!("https://{}.org/a/b", "host".repeat(40));
        let id = source_id(&Article::new("t").with_url(long.clone())).unwrap_or_default();
        assert!(id.len() <= MAX_ID && is_valid_id(&id), "{id}");
        let other = source_id(&Article::new("t").with_url(long + "/c")).unwrap_or_default();
        assert_ne!(id, other);
    }

    #[test]
    fn two_articles_of_one_site_get_two_ids() {
        // Before: both pairs below shared an id (`example.gov:news-php`, `ria.ru`), so their
        // dossiers and sources were taken for one in a merge.
        let id = |url: &str| source_id(&Article::new("t").with_url(url)).unwrap_or_default();
        assert_ne!(id("https://example.gov/news.php?id=1"), id("https://example.gov/news.php?id=2"));
        let (a, b) = (id("https://ria.ru/новости/договор-один"), id("https://ria.ru/новости/договор-два"));
        assert_ne!(a, b);
        assert!(a.starts_with("ria.ru:") && is_valid_id(&a) && is_valid_id(&b), "{a} {b}");
        // One article is one id, however it is linked.
        assert_eq!(id("https://ria.ru/новости/договор-один?utm_medium=x"), a);
    }
}
