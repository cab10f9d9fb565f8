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
