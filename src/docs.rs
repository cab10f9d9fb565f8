//! The guides: each page of `docs/` in the repository, readable here. Their Rust examples are
//! compiled and run as doctests, so they stay true.
//!
//! Pages link to each other by reference-style Markdown links whose label is the file name
//! (`[the model][model.md]`, with `[model.md]: model.md` at the end of the page): on GitHub the
//! page's own definition applies, here the definitions this module puts first (the first
//! definition of a label wins), which lead to these modules.

// The pages name the model's types in brackets ([Actor]); rustdoc resolves them here.
#[allow(unused_imports)]
use crate::{values::*, *};

/// The pages, one row each. A new page in `docs/` is one line here.
macro_rules! doc_pages {
    ($($callback:tt)*) => {
        $($callback)*! {
            // The tour's blocks are excerpts of examples/iran_syria_2020.rs, which is compiled
            // and run; tests/guide.rs checks that each line is in it. Some are not whole
            // expressions, so they are shown but not parsed.
            #[allow(rustdoc::invalid_rust_codeblocks)]
            guide => "guide.md",
            model => "model.md",
            references => "references.md",
            validation => "validation.md",
            lifecycle => "lifecycle.md",
            schema => "schema.md",
            #[cfg(feature = "tables")]
            codings => "codings.md",
            python => "python.md",
            javascript => "javascript.md",
            #[cfg(feature = "extraction")]
            extraction => "extraction.md",
            #[cfg(feature = "tables")]
            tables => "tables.md",
            #[cfg(feature = "tables")]
            research => "research.md",
            #[cfg(feature = "merge")]
            merge => "merge.md",
            #[cfg(feature = "render")]
            pictures => "pictures.md",
            faq => "faq.md",
            limits => "limits.md",
            design => "design.md",
            performance => "performance.md",
        }
    };
}
pub(crate) use doc_pages;

/// Markdown link definitions sending `[…][guide.md]` (from a page) and `[…][docs/guide.md]`
/// (from the README) to the page's module.
macro_rules! link_definitions {
    ($($(#[$meta:meta])* $name:ident => $file:literal,)*) => {
        concat!(
            $(
                "[", $file, "]: crate::docs::", stringify!($name), "\n",
                "[docs/", $file, "]: crate::docs::", stringify!($name), "\n",
            )*
            // Links into a page, and out of docs/ to what is also shown here.
            "[model.md#building-records-in-code]: crate::docs::model#building-records-in-code\n",
            "[performance.md#python]: crate::docs::performance#python\n",
            "[performance.md#lifecycle]: crate::docs::performance#lifecycle\n",
            "[performance.md#merging]: crate::docs::performance#merging\n",
            "[performance.md#adversarial-shapes]: crate::docs::performance#adversarial-shapes\n",
            "[model.md#competing-claims-dispute]: crate::docs::model#competing-claims-dispute\n",
            "[../src/codings.rs]: crate::codings\n",
            "[CHANGELOG.md]: crate::docs::changelog\n",
        )
    };
}
pub(crate) use link_definitions;

/// Every link definition, for a page or the crate's front page.
macro_rules! page_links {
    () => {
        $crate::docs::doc_pages!($crate::docs::link_definitions)
    };
}
pub(crate) use page_links;

macro_rules! modules {
    ($($(#[$meta:meta])* $name:ident => $file:literal,)*) => {
        $(
            $(#[$meta])*
            #[doc = page_links!()]
            // build.rs copies the pages with their pictures inline (a relative image is no file
            // next to a page on docs.rs).
            #[doc = include_str!(concat!(env!("OUT_DIR"), "/docs/", $file))]
            pub mod $name {}
        )*
    };
}
doc_pages!(modules);

// The changelog's Keep a Changelog headings are links ([Unreleased]).
#[doc = page_links!()]
#[doc = "[Unreleased]: crate::docs::changelog\n[0.2.0]: crate::docs::changelog\n"]
#[doc = include_str!("../CHANGELOG.md")]
pub mod changelog {}
