//! JSON values kept as they were read, for values whose type is not known yet (extension values,
//! fields buffered before a tagged union's `type`).

use std::fmt;

use serde::{Deserialize, Deserializer};

/// The key under which serde_json, with `arbitrary_precision`, passes a number as a map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json keeps numbers as their text (its `arbitrary_precision` feature, which
/// another crate of the build may turn on): then `1.50` stays `1.50`.
fn arbitrary_precision() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| "1.50".parse::<serde_json::Number>().is_ok_and(|n| n.to_string() == "1.50"))
}

/// A JSON value read like `serde_json::Value`, except that a key given twice in one object is an
/// error: `Value`'s map keeps the last silently, which would lose data without a word.
/// `IN_RECORD` words that error as serde does for a record's fields (`duplicate field `x``,
/// coded `duplicate_field`), for values buffered on their way into a record; otherwise as an
/// extension value's.
pub(crate) struct StrictValue<const IN_RECORD: bool>(pub(crate) serde_json::Value);

impl<'de, const IN_RECORD: bool> Deserialize<'de> for StrictValue<IN_RECORD> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde_json::{Map, Number, Value};
        struct Visitor<const R: bool>;
        impl<'de, const R: bool> serde::de::Visitor<'de> for Visitor<R> {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(v.into())
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(v.into())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
                // JSON text has no NaN or infinity (1e400 is already an error), so this always succeeds.
                Number::from_f64(v)
                    .map(Value::Number)
                    .ok_or_else(|| E::custom(format_args!("{v} is not a JSON number")))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                StrictValue::<R>::deserialize(d).map(|v| v.0)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(StrictValue::<R>(v)) = seq.next_element()? {
                    items.push(v);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    // With serde_json's `arbitrary_precision` on (in any crate of the build), the
                    // parser hands a number over as a one-entry map under a private key.
                    if out.is_empty() && key == NUMBER_TOKEN && arbitrary_precision() {
                        let text: String = map.next_value()?;
                        return text.parse::<Number>().map(Value::Number).map_err(serde::de::Error::custom);
                    }
                    if out.contains_key(&key) {
                        return Err(if R {
                            serde::de::Error::custom(format_args!("duplicate field `{key}`"))
                        } else {
                            serde::de::Error::custom(format_args!("duplicate key '{key}' in an extension value"))
                        });
                    }
                    let StrictValue::<R>(value) = map.next_value()?;
                    out.insert(key, value);
                }
                Ok(Value::Object(out))
            }
        }
        deserializer.deserialize_any(Visitor::<IN_RECORD>).map(StrictValue)
    }
}
