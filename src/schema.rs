//! JSON Schema (draft 2020-12) of the JSON contract, for consumers in other languages.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

/// The base of every exported schema's `$id`.
pub const SCHEMA_BASE_URI: &str = "https://defense-agreements.github.io/schemas/v1/";

fn generate<T: JsonSchema>(file: &str) -> Schema {
    let settings = SchemaSettings::draft2020_12().for_deserialize();
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    schema.insert("$id".into(), format!("{SCHEMA_BASE_URI}{file}").into());
    schema
}

/// The schema of a [`Dossier`](crate::Dossier) document.
pub fn dossier_schema() -> Schema {
    generate::<crate::Dossier>("dossier.schema.json")
}
