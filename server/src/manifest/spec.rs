//! The file: what `vigil apply` reads and `vigil export` writes (`docs/manifest.md`).
//!
//! Every struct refuses unknown fields, so that a typo is an error rather than a setting
//! silently left out. Fields left out of the file are not managed: apply leaves them as they
//! are in Vigil. Settings maps (`config`, a monitor's `http`, …) are the GraphQL input objects
//! of `schema.graphql`, written in YAML.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use serde_saphyr::Spanned;

/// The one version of the format so far.
pub const VERSION: u32 = 1;

/// A whole file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    /// Format version: 1.
    pub version: u32,
    /// The project's id; `--project` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<TagSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notification_providers: Vec<Spanned<ProviderSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<Spanned<TestSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jobs: Vec<Spanned<JobSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitors: Vec<Spanned<MonitorSpec>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callbacks: Vec<Spanned<CallbackSpec>>,
}

/// A tag, matched by `name`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TagSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A notification provider, matched by `name`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `CreateNotificationProviderInput.config`; secrets as `${ENV_VAR}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
}

/// A test script, matched by `title`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TestSpec {
    pub title: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub script: String,
    /// Tag names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

/// A job, matched by `name`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobSpec {
    pub name: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Cron expression; an empty string for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Test titles, in the order they run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    /// `JobAlertInput`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<Value>,
    /// Notification provider names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<Vec<String>>,
}

/// A monitor, matched by `name`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonitorSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Whole minutes (`frequencyMinutes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<String>>,
    /// Tag names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Notification provider names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<Vec<String>>,
    /// The test a `SYNTHETIC_TEST` monitor runs (its title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<String>,
    /// `downIntervalSeconds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down_interval: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ping: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heartbeat: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Value>,
    /// `AlertSettingsInput`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<Value>,
}

/// A webhook callback, matched by `name`, with its actions.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CallbackSpec {
    pub name: String,
    /// Where triggers are forwarded (`callbackUrl`).
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    /// `cachePeriod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<Duration>,
    /// Matched by position: the first action of the list is the callback's first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<ActionSpec>>,
}

/// An action of a callback.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionSpec {
    #[serde(rename = "type")]
    pub kind: String,
    pub config: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<bool>,
}

/// A duration written `250ms`, `60s`, `5m`, `2h` or `1d`; whole milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// Milliseconds.
    pub ms: u64,
}

impl Duration {
    /// From whole seconds.
    pub fn secs(secs: u64) -> Self {
        Duration {
            ms: secs.saturating_mul(1000),
        }
    }

    /// Parses `60s`; `None` when it is not a duration.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let split = text.find(|c: char| !c.is_ascii_digit())?;
        let (number, unit) = text.split_at(split);
        let number: u64 = number.parse().ok()?;
        let factor = match unit {
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => return None,
        };
        number.checked_mul(factor).map(|ms| Duration { ms })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.ms;
        for (unit, factor) in [
            ("d", 86_400_000),
            ("h", 3_600_000),
            ("m", 60_000),
            ("s", 1000),
        ] {
            if ms > 0 && ms.is_multiple_of(factor) {
                return write!(f, "{}{unit}", ms / factor);
            }
        }
        if ms == 0 {
            write!(f, "0s")
        } else {
            write!(f, "{ms}ms")
        }
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DurationVisitor)
    }
}

/// Reads text (`60s`) or a bare number of seconds (YAML reads `60` as a number).
struct DurationVisitor;

impl serde::de::Visitor<'_> for DurationVisitor {
    type Value = Duration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration like 60s")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Duration, E> {
        Duration::parse(text).ok_or_else(|| E::custom("expected a duration like 60s"))
    }

    fn visit_u64<E: serde::de::Error>(self, secs: u64) -> Result<Duration, E> {
        Ok(Duration::secs(secs))
    }

    fn visit_i64<E: serde::de::Error>(self, secs: i64) -> Result<Duration, E> {
        u64::try_from(secs)
            .map(Duration::secs)
            .map_err(|_| E::custom("expected a duration like 60s"))
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Duration, E> {
        Err(E::custom("expected a duration like 60s"))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Duration, E> {
        Err(E::custom("expected a duration like 60s"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_and_print_in_their_largest_whole_unit() {
        for (text, ms, printed) in [
            ("250ms", 250, "250ms"),
            ("60s", 60_000, "1m"),
            ("90s", 90_000, "90s"),
            ("5m", 300_000, "5m"),
            ("2h", 7_200_000, "2h"),
            ("1d", 86_400_000, "1d"),
            ("0s", 0, "0s"),
        ] {
            let d = Duration::parse(text).expect(text);
            assert_eq!(d.ms, ms);
            assert_eq!(d.to_string(), printed);
        }
        for bad in [
            "",
            "s",
            "5",
            "5 minutes",
            "-5s",
            "5w",
            "99999999999999999999h",
        ] {
            assert_eq!(Duration::parse(bad), None, "{bad}");
        }
    }
}
