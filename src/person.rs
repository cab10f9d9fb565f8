//! People: signers, speakers, officials, with their posts and ranks.

use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::extensions::Extensions;
use crate::ids::{ActorId, DisputeId, PersonId};
use crate::name::OtherName;
use crate::values::{EdtfDate, Identifier, Rank};

/// A person: an official who signs, speaks or commands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Person {
    /// Local id.
    pub id: PersonId,
    /// The usual English spelling of the name.
    pub name: String,
    /// Other spellings, transliterations and native-script names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    /// Outside identifiers (Wikidata QID …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Positions held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// Sources for what is said of the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// Tool-specific data.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Person {
    /// A person with a name and nothing else.
    pub fn new(id: PersonId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            other_names: Vec::new(),
            identifiers: Vec::new(),
            posts: Vec::new(),
            citations: Vec::new(),
            extensions: Extensions::new(),
        }
    }
}

/// A position a person holds in an organization (Popolo's Post and Membership in one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub struct Post {
    /// The position: "Chief of Staff of the Armed Forces".
    pub title: String,
    /// The holder's military rank while in the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<Rank>,
    /// The organization the post belongs to.
    pub organization: ActorId,
    /// When the person took the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<EdtfDate>,
    /// When the person left it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EdtfDate>,
    /// Sources for the post.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The dispute this record is one alternative of: records sharing a dispute compete, and at
    /// most one of them is true (see [`Dispute`](crate::Dispute)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeId>,
}

impl Post {
    /// A post in an organization, with no dates.
    pub fn new(title: impl Into<String>, organization: ActorId) -> Self {
        Self {
            title: title.into(),
            rank: None,
            organization,
            start: None,
            end: None,
            citations: Vec::new(),
            dispute: None,
        }
    }

    /// Whether the post may have been held on the days `date` denotes: its start is not
    /// definitely after, and its end not definitely before.
    pub fn may_be_held_during(&self, date: &EdtfDate) -> bool {
        let started = self.start.as_ref().is_none_or(|s| !date.is_definitely_before(s));
        let not_ended = self.end.as_ref().is_none_or(|e| !e.is_definitely_before(date));
        started && not_ended
    }
}

use crate::validate::{Checker, Path};

impl Person {
    pub(crate) fn check(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        c.text(&path.key("name"), &self.name);
        c.other_names(&path.key("other_names"), &self.other_names);
        c.identifiers(&path.key("identifiers"), &self.identifiers);
        let posts = path.key("posts");
        for (i, post) in self.posts.iter().enumerate() {
            let at = posts.index(i);
            c.text(&at.key("title"), &post.title);
            if let Some(rank) = &post.rank {
                let r = at.key("rank");
                c.text(&r.key("title"), &rank.title);
                c.language(&r.key("language"), rank.language.as_ref());
            }
            c.opt_date(&at.key("start"), post.start.as_ref());
            c.opt_date(&at.key("end"), post.end.as_ref());
            c.date_pair(&at.key("end"), post.start.as_ref(), post.end.as_ref(), "end");
            c.citations(&at, &post.citations, false);
        }
        c.citations(path, &self.citations, false);
    }
}

crate::with::with!(Person {
    with_other_names: other_names list OtherName;
    with_identifiers: identifiers list Identifier;
    with_posts: posts list Post;
    with_citations: citations list Citation;
    with_extensions: extensions val Extensions;
});

crate::with::with!(Post {
    with_rank: rank opt Rank;
    with_start: start opt EdtfDate;
    with_end: end opt EdtfDate;
    with_citations: citations list Citation;
    with_dispute: dispute opt DisputeId;
});

crate::objects_only::objects_only!(Person, Post);
