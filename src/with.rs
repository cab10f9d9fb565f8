//! Chainable setters for optional fields, the one pattern for building records in code.
//!
//! `new(...)` takes a record's required fields; every optional field `x` then has a method
//! `with_x(value)` that sets it and returns the record, so a record is one expression:
//! `Clause::new(id, text).with_number("Art. 5").with_language(en)`. An `Option` field takes
//! anything that converts into its type; a list field takes any iterable and replaces the list.
//! The fields stay public, so assigning them is equally fine.

/// Implements `with_*` setters: `with!(Type { with_x: x opt T; with_ys: ys list T; with_z: z val T; })`.
macro_rules! with {
    ($ty:ty { $($method:ident: $field:ident $kind:ident $t:ty;)* }) => {
        impl $ty {
            $($crate::with::with!(@one $method $field $kind $t);)*

            /// The fields with a setter, for the test that every optional field has one (types
            /// outside the JSON contract, such as `answers::Questions`, are not in it).
            #[cfg(test)]
            #[allow(dead_code)]
            pub(crate) const WITH_FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
    (@one $method:ident $field:ident opt $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "` and returns `self`.")]
        #[must_use]
        pub fn $method(mut self, value: impl Into<$t>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@one $method:ident $field:ident list $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "` (replacing what it held) and returns `self`.")]
        #[must_use]
        pub fn $method(mut self, values: impl IntoIterator<Item = $t>) -> Self {
            self.$field = values.into_iter().collect();
            self
        }
    };
    (@one $method:ident $field:ident val $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "` and returns `self`.")]
        #[must_use]
        pub fn $method(mut self, value: $t) -> Self {
            self.$field = value;
            self
        }
    };
}

pub(crate) use with;

#[cfg(all(test, feature = "schema"))]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use serde_json::Value;

    use crate::values::{Estimate, Place, Rank};
    use crate::*;

    /// Every object of the dossier schema with the fields that have a setter. A new record type
    /// fails the test until it is listed here.
    fn setters() -> BTreeMap<&'static str, &'static [&'static str]> {
        BTreeMap::from([
            ("Dossier", Dossier::WITH_FIELDS),
            ("Action", Action::WITH_FIELDS),
            ("Actor", Actor::WITH_FIELDS),
            ("Agreement", Agreement::WITH_FIELDS),
            ("Citation", Citation::WITH_FIELDS),
            ("Clause", Clause::WITH_FIELDS),
            ("Condition", Condition::WITH_FIELDS),
            ("ConsentClaim", ConsentClaim::WITH_FIELDS),
            ("Cooperation", Cooperation::WITH_FIELDS),
            // Two numbers checked together by `Coordinates::new`, both required.
            ("Coordinates", &[]),
            ("Dispute", Dispute::WITH_FIELDS),
            // A tagged union: `Duration::with_withdrawal` and `with_renewal_years` by hand.
            ("Duration", &["withdrawal", "renewal_years"]),
            ("Establishment", Establishment::WITH_FIELDS),
            ("Estimate", Estimate::WITH_FIELDS),
            ("ExternalRef", ExternalRef::WITH_FIELDS),
            ("Identifier", &[]),
            ("Limit", Limit::WITH_FIELDS),
            ("Obligation", Obligation::WITH_FIELDS),
            ("OtherName", OtherName::WITH_FIELDS),
            ("Party", Party::WITH_FIELDS),
            ("Person", Person::WITH_FIELDS),
            ("Place", Place::WITH_FIELDS),
            ("Post", Post::WITH_FIELDS),
            ("Rank", Rank::WITH_FIELDS),
            // A tagged union of ids, every field required.
            ("RecordRef", &[]),
            ("Related", Related::WITH_FIELDS),
            ("Signature", Signature::WITH_FIELDS),
            ("Source", Source::WITH_FIELDS),
            ("Statement", Statement::WITH_FIELDS),
            ("Succession", Succession::WITH_FIELDS),
            ("Support", Support::WITH_FIELDS),
            ("TroopPresence", TroopPresence::WITH_FIELDS),
            // `ValueAlternative::with_citations` by hand.
            ("ValueAlternative", &["citations"]),
            ("WithdrawalTerms", WithdrawalTerms::WITH_FIELDS),
        ])
    }

    /// The optional fields of an object schema, and of each variant of a tagged union.
    fn optional_fields(schema: &Value) -> BTreeSet<String> {
        let variants = schema.get("oneOf").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        std::iter::once(schema)
            .chain(variants)
            .filter_map(|s| {
                let properties = s.get("properties")?.as_object()?;
                let required: BTreeSet<&str> = s
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                Some(properties.keys().filter(move |k| !required.contains(k.as_str())).cloned())
            })
            .flatten()
            .collect()
    }

    #[test]
    fn every_optional_field_has_a_setter() {
        let schema = Value::from(crate::schema::dossier_schema());
        let mut objects: BTreeMap<String, &Value> = BTreeMap::from([("Dossier".to_owned(), &schema)]);
        let defs = schema.get("$defs").and_then(Value::as_object);
        for (name, def) in defs.into_iter().flatten() {
            let variants = def.get("oneOf").and_then(Value::as_array).into_iter().flatten();
            if def.get("properties").is_some() || variants.clone().any(|v| v.get("properties").is_some()) {
                objects.insert(name.clone(), def);
            }
        }
        let setters = setters();
        let listed: BTreeSet<&str> = setters.keys().copied().collect();
        let in_schema: BTreeSet<&str> = objects.keys().map(String::as_str).collect();
        assert_eq!(listed, in_schema, "the list of objects above is the schema's");
        let mut missing = Vec::new();
        for (name, def) in &objects {
            let have: BTreeSet<&str> =
                setters.get(name.as_str()).copied().unwrap_or_default().iter().copied().collect();
            for field in optional_fields(def) {
                if !have.contains(field.as_str()) {
                    missing.push(format!("{name}::with_{field}"));
                }
            }
        }
        assert!(missing.is_empty(), "optional fields without a setter: {missing:?}");
    }

    #[test]
    fn setters_set_their_field() -> Result<(), crate::Error> {
        let act = Action::new(ActionType::Signature, "1954-09-08".parse()?)
            .with_place(Place::new("Manila").with_country(crate::values::CountryCode::new("PHL")?))
            .with_toward([crate::ids::ActorId::new("pakistan")?]);
        assert_eq!(act.place.as_ref().map(|p| p.name.as_str()), Some("Manila"));
        assert_eq!(act.toward.len(), 1);
        let years = std::num::NonZeroU32::MIN.saturating_add(4);
        let term = Duration::fixed_term(years, Renewal::Automatic).with_renewal_years(years);
        assert!(matches!(term, Duration::FixedTerm { renewal_years: Some(y), .. } if y == years));
        Ok(())
    }
}
