//! The plan: for every object of the file and of the project, create, update (with the
//! fields that differ), delete (`--prune`) or keep.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::remote::Held;

/// What apply does to one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Create,
    /// The fields of the file that differ from what Vigil holds.
    Update(Vec<String>),
    Delete,
    /// In Vigil, not in the file, and no `--prune`.
    Keep,
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `tag`, `notificationProvider`, `test`, `job`, `monitor`, `callback`.
    pub kind: &'static str,
    pub name: String,
    pub op: Op,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, name) = (self.kind, &self.name);
        match &self.op {
            Op::Create => write!(f, "create {kind} \"{name}\""),
            Op::Update(fields) => write!(f, "update {kind} \"{name}\": {}", fields.join(", ")),
            Op::Delete => write!(f, "delete {kind} \"{name}\""),
            Op::Keep => write!(f, "keep   {kind} \"{name}\" (not in file, kept)"),
        }
    }
}

/// Whether a plan changes anything.
pub fn changes_anything(plan: &[Change]) -> bool {
    plan.iter().any(|c| c.op != Op::Keep)
}

/// Compares the file's objects of one kind (by `key`) with the project's.
pub fn diff<T: Serialize>(
    kind: &'static str,
    desired: &[&T],
    held: &[Held<T>],
    key: impl Fn(&T) -> &str,
    prune: bool,
) -> Vec<Change> {
    let mut out = Vec::new();
    for want in desired {
        let name = key(want).trim().to_owned();
        let op = match held.iter().find(|h| key(&h.spec).trim() == name) {
            None => Op::Create,
            Some(have) => {
                let fields = differing(&json(want), &json(&have.spec));
                match fields.is_empty() {
                    true => continue,
                    false => Op::Update(fields),
                }
            }
        };
        out.push(Change { kind, name, op });
    }
    for have in held {
        let name = key(&have.spec).trim();
        if !desired.iter().any(|w| key(w).trim() == name) {
            let op = if prune { Op::Delete } else { Op::Keep };
            out.push(Change {
                kind,
                name: name.to_owned(),
                op,
            });
        }
    }
    out
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The top-level fields of `want` whose value `have` does not match.
fn differing(want: &Value, have: &Value) -> Vec<String> {
    let Value::Object(want) = want else {
        return Vec::new();
    };
    want.iter()
        .filter(|(k, v)| !matches(v, &have[k.as_str()], false))
        .map(|(k, _)| k.clone())
        .collect()
}

/// Whether Vigil's `have` already is what the file wants. Settings maps are compared by the
/// keys the file gives (the rest are Vigil's defaults); inside them enum values may differ in
/// case (stored `get`, written `GET`); a secret Vigil shows masked (`ht****ab`) matches a
/// value with the same mask, and one masked whole (`********`) matches any value, since its
/// clear text is never read back.
pub fn matches(want: &Value, have: &Value, nested: bool) -> bool {
    match (want, have) {
        (Value::Null, Value::Null) => true,
        (Value::Object(w), Value::Object(h)) => w
            .iter()
            .all(|(k, v)| matches(v, h.get(k).unwrap_or(&Value::Null), true)),
        (Value::Object(w), Value::Null) => w.is_empty(),
        (Value::Array(w), Value::Array(h)) => {
            w.len() == h.len() && w.iter().zip(h).all(|(w, h)| matches(w, h, nested))
        }
        (Value::Number(w), Value::Number(h)) => w.as_f64() == h.as_f64(),
        (Value::String(w), Value::String(h)) => {
            w == h
                || (h.contains("****")
                    && (h.chars().all(|c| c == '*') || crate::credential::mask_str(w) == *h))
                || (nested && w.eq_ignore_ascii_case(h))
        }
        (w, h) => w == h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_match_by_the_keys_given_enums_in_any_case_and_secrets_by_mask() {
        let have = json!({"http": {"method": "get", "timeoutSeconds": 30, "expectedStatusCodes": ["200-299"]},
                          "config": {"webhookUrl": "ht****ab"}});
        assert!(matches(&json!({"method": "GET"}), &have["http"], false));
        assert!(!matches(&json!({"method": "POST"}), &have["http"], false));
        assert!(matches(
            &json!({"webhookUrl": "https://hooks.example.com/ab"}),
            &have["config"],
            false
        ));
        assert!(!matches(
            &json!({"webhookUrl": "https://hooks.example.com/xy"}),
            &have["config"],
            false
        ));
        assert!(
            !matches(&json!("GET"), &json!("get"), false),
            "top-level values compare exactly"
        );
        assert_eq!(
            differing(
                &json!({"name": "a", "interval": "5m"}),
                &json!({"name": "a", "interval": "1m"})
            ),
            vec!["interval"]
        );
    }
}
