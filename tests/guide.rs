//! The code in `docs/guide.md` is excerpted from `examples/iran_syria_2020.rs`: every line of
//! every `rust` block must appear in the example, in the same order, so the tour cannot drift
//! from the program it describes. `// …` marks an omission.

use std::path::PathBuf;

fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `rust` code blocks of a Markdown document, as lists of lines.
fn rust_blocks(markdown: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, fence) if fence.starts_with("```rust") => current = Some(Vec::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), _) => block.push(line),
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "an unterminated code block");
    blocks
}

#[test]
fn every_guide_excerpt_is_in_the_example_in_order() {
    let guide = read("docs/guide.md");
    let example = read("examples/iran_syria_2020.rs");
    let source: Vec<&str> = example.lines().map(str::trim_end).collect();
    let blocks = rust_blocks(&guide);
    assert!(blocks.len() >= 8, "the guide walks through the example in at least eight excerpts");
    for (b, block) in blocks.iter().enumerate() {
        let mut at = 0;
        for line in block.iter().map(|l| l.trim_end()).filter(|l| !l.trim().is_empty() && l.trim() != "// …") {
            let Some(found) = source[at..].iter().position(|s| *s == line) else {
                panic!("guide excerpt {} line not found (in order) in examples/iran_syria_2020.rs:\n{line}", b + 1);
            };
            at += found + 1;
        }
    }
}

#[test]
fn the_excerpt_check_rejects_a_line_that_is_not_in_the_example() {
    // The check above is only as good as its matcher: a changed line must not be found.
    let example = read("examples/iran_syria_2020.rs");
    assert!(example.lines().any(|l| l.trim_end() == "    let ap = SourceId::new(\"ap-2020-07-10\")?;"));
    assert!(!example.lines().any(|l| l.trim_end() == "    let ap = SourceId::new(\"ap-2020-07-11\")?;"));
    let blocks = rust_blocks("text\n```rust\na\n\nb\n```\n```sh\nc\n```\n");
    assert_eq!(blocks, vec![vec!["a", "", "b"]]);
}
