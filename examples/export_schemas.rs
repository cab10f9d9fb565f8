//! Writes the JSON Schemas of the contract to `schemas/`:
//! `cargo run --example export_schemas` (from the crate root).
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::path::Path;

use defense_agreements::schema::{exported_schemas, to_file_text};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    std::fs::create_dir_all(&dir)?;
    for (file, schema) in exported_schemas() {
        let path = dir.join(file);
        std::fs::write(&path, to_file_text(&schema))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
