//! Reading a JSON config into its typed struct, with errors that name the field.
//!
//! Every setting is read through a small type of this module ([`Str`], [`Strings`],
//! [`ChatId`], [`Whole`], [`Object`]) whose refusal is the sentence a client sees
//! ("must be a string"); [`parse`] adds the field's path (`config.webhookUrl`,
//! `config.channel.to`) and refuses keys the struct does not have before serde does, with the
//! list of those it takes.

use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{AppError, AppResult};

/// Reads `value` (a JSON object) as `T`. Errors are `BAD_USER_INPUT` on `{prefix}.{key}`:
/// an unknown key is "not a setting of {owner} (they take …)", a value of the wrong type gets
/// its type's sentence. A value that is no object is refused on `prefix` itself.
pub fn parse<T: DeserializeOwned>(prefix: &str, owner: &str, value: &Value) -> AppResult<T> {
    let Some(map) = value.as_object() else {
        return Err(AppError::field(prefix, "must be a JSON object"));
    };
    let keys = fields_of::<T>();
    if let Some(key) = map.keys().find(|k| !keys.contains(&k.as_str())) {
        return Err(AppError::field(
            &format!("{prefix}.{key}"),
            format!(
                "is not a setting of {owner} (they take {})",
                keys.join(", ")
            ),
        ));
    }
    serde_path_to_error::deserialize(value.clone().into_deserializer()).map_err(|err| {
        let path = err.path().to_string();
        let field = if path == "." || path.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{path}")
        };
        AppError::field(&field, err.into_inner().to_string())
    })
}

/// Writes a typed config back as the JSON object it is stored as.
pub fn to_json<T: Serialize>(config: &T) -> AppResult<Value> {
    serde_json::to_value(config).map_err(|e| AppError::Internal(e.into()))
}

/// The keys a struct deserialized by derive takes (its `FIELDS`, which serde keeps private).
fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// A deserializer that only records the field names a struct asks for.
struct Probe<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("probed"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A string setting (a missing or null one is `None` through `Option`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Str(pub String);

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(Str(s)),
            _ => Err(de::Error::custom("must be a string")),
        }
    }
}

impl Str {
    /// The value trimmed, `None` when nothing is left.
    pub fn trimmed(value: &Option<Str>) -> Option<String> {
        value
            .as_ref()
            .map(|s| s.0.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// The value as it is.
    pub fn get(value: &Option<Str>) -> Option<&str> {
        value.as_ref().map(|s| s.0.as_str())
    }

    pub fn new(value: impl Into<String>) -> Option<Str> {
        Some(Str(value.into()))
    }
}

/// A list of strings; a single string is a list of one. Stored as a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Strings(pub Vec<String>);

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(one) => Ok(Strings(vec![one])),
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(s) => Ok(s),
                    _ => Err(de::Error::custom(format!(
                        "entry {} is not a string",
                        i + 1
                    ))),
                })
                .collect::<Result<_, _>>()
                .map(Strings),
            _ => Err(de::Error::custom("must be a list of strings")),
        }
    }
}

/// A Telegram chat: a string, or a whole number taken as its digits. Stored as a string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ChatId(pub String);

impl<'de> Deserialize<'de> for ChatId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(ChatId(s)),
            Value::Number(n) if n.is_i64() => Ok(ChatId(n.to_string())),
            _ => Err(de::Error::custom("must be a string")),
        }
    }
}

/// A whole number from `MIN` to `MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Whole<const MIN: i64, const MAX: i64>(pub i64);

impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Whole<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)?.as_i64() {
            Some(n) if (MIN..=MAX).contains(&n) => Ok(Whole(n)),
            _ => Err(de::Error::custom(format!(
                "must be a whole number from {MIN} to {MAX}"
            ))),
        }
    }
}

/// A JSON object (header names to values); its values are checked by the config that holds
/// it, which names each one's field. `ACTION` picks the sentence for anything else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Object<const ACTION: bool>(pub Map<String, Value>);

impl<const ACTION: bool> Serialize for Object<ACTION> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, const ACTION: bool> Deserialize<'de> for Object<ACTION> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(map) => Ok(Object(map)),
            _ if ACTION => Err(de::Error::custom(
                "must be an object of at most 50 header names to strings",
            )),
            _ => Err(de::Error::custom(
                "must be an object of header names and values",
            )),
        }
    }
}

/// A webhook provider's headers.
pub type Headers = Object<false>;
/// An HTTP_POST action's headers.
pub type ActionHeaders = Object<true>;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Sample {
        #[serde(default)]
        web_url: Option<Str>,
        #[serde(default)]
        to: Option<Strings>,
        #[serde(default)]
        tries: Option<Whole<1, 10>>,
    }

    fn field_of(value: Value) -> (Option<String>, String) {
        match parse::<Sample>("config", "SAMPLE providers", &value) {
            Err(AppError::Validation { field, message }) => (field, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field_with_the_types_sentence() {
        assert_eq!(
            field_of(json!({ "webUrl": 1 })),
            (Some("config.webUrl".into()), "must be a string".into())
        );
        assert_eq!(
            field_of(json!({ "to": ["a", 2] })),
            (Some("config.to".into()), "entry 2 is not a string".into())
        );
        assert_eq!(
            field_of(json!({ "tries": 11 })),
            (
                Some("config.tries".into()),
                "must be a whole number from 1 to 10".into()
            )
        );
        assert_eq!(
            field_of(json!({ "extra": true })),
            (
                Some("config.extra".into()),
                "is not a setting of SAMPLE providers (they take webUrl, to, tries)".into()
            )
        );
        assert_eq!(
            field_of(json!("text")),
            (Some("config".into()), "must be a JSON object".into())
        );
    }

    #[test]
    fn a_valid_config_reads() -> AppResult<()> {
        let read: Sample = parse("config", "x", &json!({ "webUrl": null, "to": "one" }))?;
        assert_eq!(read.web_url, None);
        assert_eq!(read.to, Some(Strings(vec!["one".into()])));
        assert_eq!(read.tries, None);
        Ok(())
    }
}
