//! The article an extraction was made from: its words, and what the pipeline knows about it
//! (address, outlet, publication date, headline), which a model's answer does not carry.

use serde::{Deserialize, Serialize};

/// One news article (or any source text) given to a model, with the facts about it that the
/// pipeline already holds.
///
/// As JSON (an article file, or one line of a JSON Lines manifest) it is
/// `{"url", "published", "publisher", "title", "text"}`; only `text` is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Article {
    /// The article's full text, as the model was given it: quotes are checked against it.
    pub text: String,
    /// Where the article was read (its canonical URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet that published it (`Reuters`, `Al Jazeera`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The publication date or date-time, ISO 8601 (`2020-07-08`, `2020-07-08T14:05:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Article {
    /// An article with its text and nothing else known about it.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), url: None, publisher: None, published: None, title: None }
    }

    /// The article's URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The outlet that published it.
    #[must_use]
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Its publication date (ISO 8601).
    #[must_use]
    pub fn with_published(mut self, published: impl Into<String>) -> Self {
        self.published = Some(published.into());
        self
    }

    /// Its headline.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}
