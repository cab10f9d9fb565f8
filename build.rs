//! Prepares the guides of `docs/` for rustdoc (the `docs` module includes them from `OUT_DIR`).
//!
//! A page shows a picture as `![what it shows](img/NAME.svg)` on a line of its own, which GitHub
//! resolves next to the page. On docs.rs no such file sits next to the rendered page, and the
//! site's content security policy allows no `data:` image either, so here each such line becomes
//! the SVG itself, inline in the page (the pictures carry no style sheet or script, which the
//! policy would block). Nothing else of a page changes.

use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=docs");
    let (Some(out_dir), Some(manifest_dir)) = (env::var_os("OUT_DIR"), env::var_os("CARGO_MANIFEST_DIR")) else {
        panic!("cargo sets OUT_DIR and CARGO_MANIFEST_DIR for build scripts");
    };
    let docs = Path::new(&manifest_dir).join("docs");
    let out = Path::new(&out_dir).join("docs");
    if let Err(e) = prepare(&docs, &out) {
        panic!("preparing docs/ for rustdoc in {}: {e}", out.display());
    }
}

fn prepare(docs: &Path, out: &Path) -> std::io::Result<()> {
    fs::create_dir_all(out)?;
    for entry in fs::read_dir(docs)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let page = fs::read_to_string(&path)?;
            let inlined = page
                .split_inclusive('\n')
                .map(|line| inline_picture(docs, line).unwrap_or_else(|| line.to_owned()))
                .collect::<String>();
            fs::write(out.join(path.file_name().unwrap_or_default()), inlined)?;
        }
    }
    Ok(())
}

/// The SVG a picture line shows, as an HTML block; None for any other line (left as it is).
fn inline_picture(docs: &Path, line: &str) -> Option<String> {
    let target = line.trim_end().strip_prefix("![")?.rsplit_once("](")?.1.strip_suffix(')')?;
    if !target.starts_with("img/") || !target.ends_with(".svg") || target.contains("..") {
        return None;
    }
    let svg = match fs::read_to_string(docs.join(target)) {
        Ok(svg) => svg,
        Err(e) => {
            // The link stays as written; the docs' link check reports it.
            println!("cargo:warning=docs/{target}: {e}");
            return None;
        }
    };
    // An HTML block runs to the first blank line, and its text is not read as Markdown.
    let svg = svg.trim().replace(['\r', '\n'], " ");
    Some(format!("<div class=\"picture\">\n{}\n</div>\n", fit_width(&svg)))
}

/// The picture at the page's width: the root's fixed width and height give way to the viewBox
/// (an attribute, as the policy allows no inline style).
fn fit_width(svg: &str) -> String {
    let Some(end) = svg.find('>') else { return svg.to_owned() };
    let (root, rest) = svg.split_at(end);
    if !root.contains("viewBox=") {
        return svg.to_owned();
    }
    let mut root = root.to_owned();
    for attribute in [" width=\"", " height=\""] {
        if let Some(start) = root.find(attribute) {
            let value_start = start + attribute.len();
            if let Some(len) = root[value_start..].find('"') {
                root.replace_range(start..value_start + len + 1, "");
            }
        }
    }
    format!("{root} width=\"100%\"{rest}")
}
