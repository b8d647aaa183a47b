//! The signature a callback may require of its triggers, checked over the raw body before
//! anything else happens to a trigger (no rate-limit slot, no usage, no forward, no action).
//!
//! | mode | header | signed content | key |
//! |---|---|---|---|
//! | `GITHUB` | `X-Hub-Signature-256: sha256=<hex>` | the body | the secret's bytes |
//! | `STRIPE` | `Stripe-Signature: t=<unix>,v1=<hex>` | `"{t}.{body}"` | the secret's bytes |
//! | `STANDARD_WEBHOOKS` | `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>` | `"{id}.{timestamp}.{body}"` | a `whsec_` secret's base64, else its bytes |
//! | `HMAC` | the chosen header, `[prefix]<hex or base64>` | the body | the secret's bytes |
//!
//! All are HMAC-SHA256 compared in constant time. `STRIPE` and `STANDARD_WEBHOOKS` refuse a
//! signed time more than [`TOLERANCE_SECONDS`] from the server's clock (replays). The
//! timestamped schemes are implemented once, where Vigil also signs with them:
//! [`crate::delivery::webhook::verify_timestamped`] (Stripe's, which `X-Vigil-Signature` uses)
//! and [`crate::standard_webhooks`] (which also verifies Polar's webhooks).
//!
//! The secret is sealed in `callbacks.signature` ([`Binding::callback_signature`]) and never
//! leaves the server: the API shows the mode and whether a secret is set.

use axum::http::HeaderMap;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;
use uuid::Uuid;

use crate::crypto::{Binding, MasterKey};
use crate::delivery::webhook;
use crate::error::{AppError, AppResult};
use crate::standard_webhooks;

/// How far a signed time may be from the server's clock, in seconds (Stripe's and the
/// Standard Webhooks libraries' default).
pub const TOLERANCE_SECONDS: i64 = 300;
/// GitHub's signature header.
pub const GITHUB_HEADER: &str = "x-hub-signature-256";
/// Stripe's signature header.
pub const STRIPE_HEADER: &str = "stripe-signature";
/// Headers an HMAC signature may not be read from: the transport's, which a proxy may set.
const TRANSPORT_HEADERS: [&str; 8] = [
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "cookie",
    "forwarded",
    "x-forwarded-for",
];

/// Which scheme a callback's triggers are signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mode {
    Github,
    Stripe,
    StandardWebhooks,
    Hmac,
}

/// How an HMAC signature is written in its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Encoding {
    #[default]
    Hex,
    Base64,
}

/// The scheme with what only HMAC chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Scheme {
    Github,
    Stripe,
    StandardWebhooks,
    Hmac {
        /// Lower case.
        header: String,
        encoding: Encoding,
        /// What comes before the signature in the header (`sha256=`), if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
    },
}

impl Scheme {
    /// Its mode.
    pub fn mode(&self) -> Mode {
        match self {
            Scheme::Github => Mode::Github,
            Scheme::Stripe => Mode::Stripe,
            Scheme::StandardWebhooks => Mode::StandardWebhooks,
            Scheme::Hmac { .. } => Mode::Hmac,
        }
    }
}

/// `callbacks.signature`: the scheme and its sealed secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    #[serde(flatten)]
    pub scheme: Scheme,
    /// Sealed for the callback.
    pub secret: String,
}

impl Requirement {
    /// The requirement a stored column holds; `None` for none (or one that no longer reads,
    /// which [`refusal`] treats as unverifiable).
    pub fn of(stored: Option<&Value>) -> Option<Requirement> {
        serde_json::from_value(stored?.clone()).ok()
    }
}

/// A signature requirement as a member sets it, the secret in clear (`None`: keep the stored
/// one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementInput {
    pub mode: Mode,
    pub secret: Option<String>,
    pub header: Option<String>,
    pub encoding: Option<Encoding>,
    pub prefix: Option<String>,
}

/// Checks `input` and returns the column to store for callback `id`: its secret sealed, or
/// the stored secret kept when none is given. Errors name `signature.{field}`.
pub fn check(
    key: &MasterKey,
    id: Uuid,
    input: RequirementInput,
    stored: Option<&Value>,
) -> AppResult<Value> {
    let scheme = scheme(&input)?;
    let secret = match input.secret {
        Some(secret) => {
            check_secret(input.mode, &secret)?;
            key.seal(secret.trim(), &Binding::callback_signature(id))?
        }
        None => Requirement::of(stored)
            .map(|r| r.secret)
            .ok_or_else(|| AppError::field("signature.secret", "is required"))?,
    };
    Ok(serde_json::to_value(Requirement { scheme, secret }).map_err(anyhow::Error::from)?)
}

fn scheme(input: &RequirementInput) -> AppResult<Scheme> {
    let hmac_only = |name: &str, set: bool| {
        if set && input.mode != Mode::Hmac {
            Err(AppError::field(
                &format!("signature.{name}"),
                "is only for the HMAC mode",
            ))
        } else {
            Ok(())
        }
    };
    hmac_only("header", input.header.is_some())?;
    hmac_only("encoding", input.encoding.is_some())?;
    hmac_only("prefix", input.prefix.is_some())?;
    Ok(match input.mode {
        Mode::Github => Scheme::Github,
        Mode::Stripe => Scheme::Stripe,
        Mode::StandardWebhooks => Scheme::StandardWebhooks,
        Mode::Hmac => Scheme::Hmac {
            header: check_header(input.header.as_deref())?,
            encoding: input.encoding.unwrap_or_default(),
            prefix: check_prefix(input.prefix.as_deref())?,
        },
    })
}

fn check_header(header: Option<&str>) -> AppResult<String> {
    let at = "signature.header";
    let header = header
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .ok_or_else(|| AppError::field(at, "is required for the HMAC mode"))?;
    let token = header.len() <= 100
        && header
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !token {
        return Err(AppError::field(
            at,
            "must be a header name of at most 100 letters, digits, '-' and '_'",
        ));
    }
    if TRANSPORT_HEADERS.contains(&header.as_str()) {
        return Err(AppError::field(
            at,
            "is set by clients and proxies, not signers",
        ));
    }
    Ok(header)
}

fn check_prefix(prefix: Option<&str>) -> AppResult<Option<String>> {
    let Some(prefix) = prefix.filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    if prefix.len() > 32 || !prefix.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::field(
            "signature.prefix",
            "must be at most 32 visible ASCII characters",
        ));
    }
    Ok(Some(prefix.to_owned()))
}

fn check_secret(mode: Mode, secret: &str) -> AppResult<()> {
    let at = "signature.secret";
    let secret = secret.trim();
    if !(8..=1024).contains(&secret.len()) {
        return Err(AppError::field(at, "must be 8 to 1024 characters"));
    }
    if mode == Mode::StandardWebhooks
        && secret.starts_with(standard_webhooks::SECRET_PREFIX)
        && standard_webhooks::Key::parse(secret).is_none()
    {
        return Err(AppError::field(
            at,
            "must be whsec_ followed by base64, as the sender shows it",
        ));
    }
    Ok(())
}

/// Why a trigger is refused. The messages name no secret and no expected signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No signature header, or more than one.
    Missing,
    /// A signature header that does not read.
    Malformed,
    /// No signature matches the body.
    Mismatch,
    /// Signed too long ago (or ahead).
    Stale,
    /// The stored requirement or its secret does not open (the callback must be set again).
    Unverifiable,
}

impl Refusal {
    /// A short message for the caller and the log.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Missing => "a signature is required",
            Refusal::Malformed => "the signature header is malformed",
            Refusal::Mismatch => "the signature does not match",
            Refusal::Stale => "the signature's timestamp is outside the tolerance",
            Refusal::Unverifiable => "the callback's signature secret cannot be read",
        }
    }

    /// Its name in the log's details.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Missing => "missing",
            Refusal::Malformed => "malformed",
            Refusal::Mismatch => "mismatch",
            Refusal::Stale => "stale",
            Refusal::Unverifiable => "unverifiable",
        }
    }
}

/// Why a trigger of callback `id` must be refused, or `None` when it may pass (it requires no
/// signature, or carries a valid one). `now` is unix seconds.
pub fn refusal(
    key: &MasterKey,
    id: Uuid,
    stored: Option<&Value>,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Option<Refusal> {
    let stored = stored.filter(|v| !v.is_null())?;
    let Some(requirement) = Requirement::of(Some(stored)) else {
        return Some(Refusal::Unverifiable);
    };
    let Ok(secret) = key.open(&requirement.secret, &Binding::callback_signature(id)) else {
        return Some(Refusal::Unverifiable);
    };
    verify(&requirement.scheme, &secret, headers, body, now).err()
}

/// Checks a trigger's signature under `scheme` with `secret` in clear.
pub fn verify(
    scheme: &Scheme,
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<(), Refusal> {
    match scheme {
        Scheme::Github => hmac(
            secret,
            one(headers, GITHUB_HEADER)?,
            body,
            Encoding::Hex,
            Some("sha256="),
        ),
        Scheme::Hmac {
            header,
            encoding,
            prefix,
        } => hmac(
            secret,
            one(headers, header)?,
            body,
            *encoding,
            prefix.as_deref(),
        ),
        Scheme::Stripe => {
            let header = one(headers, STRIPE_HEADER)?;
            webhook::verify_timestamped(secret, header, body, now, TOLERANCE_SECONDS).map_err(
                |refused| match refused {
                    webhook::Refused::BadHeader => Refusal::Malformed,
                    webhook::Refused::BadSignature => Refusal::Mismatch,
                    webhook::Refused::Stale => Refusal::Stale,
                },
            )
        }
        Scheme::StandardWebhooks => standard(secret, headers, body, now),
    }
}

/// The only value of header `name`: none is missing, several are refused (a proxy may have
/// added one; which to trust is not knowable), one that is not text is malformed.
fn one<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, Refusal> {
    let mut values = headers.get_all(name).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return Err(Refusal::Missing);
    };
    value.to_str().map_err(|_| Refusal::Malformed)
}

/// An HMAC-SHA256 of the body, written `[prefix]<hex|base64>`.
fn hmac(
    secret: &str,
    value: &str,
    body: &[u8],
    encoding: Encoding,
    prefix: Option<&str>,
) -> Result<(), Refusal> {
    let value = value.trim();
    let encoded = match prefix {
        Some(prefix) => value.strip_prefix(prefix).ok_or(Refusal::Malformed)?,
        None => value,
    };
    let tag = match encoding {
        Encoding::Hex => hex::decode(encoded).map_err(|_| Refusal::Malformed)?,
        Encoding::Base64 => STANDARD.decode(encoded).map_err(|_| Refusal::Malformed)?,
    };
    // HMAC takes keys of any length, so this never fails.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(body);
    // `verify_slice` compares in constant time.
    mac.verify_slice(&tag).map_err(|_| Refusal::Mismatch)
}

/// The three Standard Webhooks headers, through the one implementation of the scheme.
fn standard(secret: &str, headers: &HeaderMap, body: &[u8], now: i64) -> Result<(), Refusal> {
    let key = standard_webhooks::Key::parse(secret).ok_or(Refusal::Unverifiable)?;
    let received = standard_webhooks::Headers {
        id: Some(one(headers, "webhook-id")?),
        timestamp: Some(one(headers, "webhook-timestamp")?),
        signature: Some(one(headers, "webhook-signature")?),
    };
    standard_webhooks::verify(&key, received, body, now, TOLERANCE_SECONDS)
        .map(|_| ())
        .map_err(|refused| match refused {
            standard_webhooks::Refused::BadHeaders => Refusal::Malformed,
            standard_webhooks::Refused::BadSignature => Refusal::Mismatch,
            standard_webhooks::Refused::Stale => Refusal::Stale,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const BODY: &[u8] = br#"{"action":"opened"}"#;
    const NOW: i64 = 1_700_000_000;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).expect("a header value"));
        }
        map
    }

    fn github_signature(secret: &str, body: &[u8]) -> String {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).expect("any key length");
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn github_signatures_match_the_body_and_secret_only() {
        let good = github_signature("It's a Secret to Everybody", BODY);
        let check = |h: HeaderMap, body: &[u8]| {
            verify(&Scheme::Github, "It's a Secret to Everybody", &h, body, NOW)
        };
        assert_eq!(check(headers(&[(GITHUB_HEADER, &good)]), BODY), Ok(()));
        assert_eq!(check(headers(&[]), BODY), Err(Refusal::Missing));
        assert_eq!(
            check(headers(&[(GITHUB_HEADER, &good)]), b"{}"),
            Err(Refusal::Mismatch)
        );
        let other = github_signature("another secret", BODY);
        assert_eq!(
            check(headers(&[(GITHUB_HEADER, &other)]), BODY),
            Err(Refusal::Mismatch)
        );
        // Two headers, one of them right: refused, whichever comes first.
        assert_eq!(
            check(
                headers(&[(GITHUB_HEADER, &other), (GITHUB_HEADER, &good)]),
                BODY
            ),
            Err(Refusal::Missing)
        );
        let bare = good.trim_start_matches("sha256=");
        assert_eq!(
            check(headers(&[(GITHUB_HEADER, bare)]), BODY),
            Err(Refusal::Malformed)
        );
    }

    #[test]
    fn the_specifications_test_vector_passes_standard_webhooks() {
        let body = br#"{"email":"test@example.com","username":"test_user"}"#;
        let h = headers(&[
            ("webhook-id", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk"),
            ("webhook-timestamp", "1649367553"),
            (
                "webhook-signature",
                "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
            ),
        ]);
        let secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
        let scheme = Scheme::StandardWebhooks;
        assert_eq!(verify(&scheme, secret, &h, body, 1_649_367_553), Ok(()));
        assert_eq!(
            verify(&scheme, secret, &h, body, 1_649_367_553 + 301),
            Err(Refusal::Stale)
        );
        assert_eq!(
            verify(&scheme, secret, &h, b"{}", 1_649_367_553),
            Err(Refusal::Mismatch)
        );
    }

    #[test]
    fn hmac_reads_its_header_encoding_and_prefix() {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(b"shopify-secret").expect("any key length");
        mac.update(BODY);
        let tag = mac.finalize().into_bytes();
        let scheme = Scheme::Hmac {
            header: "x-shopify-hmac-sha256".into(),
            encoding: Encoding::Base64,
            prefix: None,
        };
        let good = headers(&[("x-shopify-hmac-sha256", &STANDARD.encode(tag))]);
        assert_eq!(verify(&scheme, "shopify-secret", &good, BODY, NOW), Ok(()));
        let hexed = headers(&[("x-shopify-hmac-sha256", &hex::encode(tag))]);
        assert!(verify(&scheme, "shopify-secret", &hexed, BODY, NOW).is_err());
    }

    #[test]
    fn inputs_are_checked_and_secrets_sealed() -> anyhow::Result<()> {
        use base64::engine::general_purpose::STANDARD as B64;
        let key = MasterKey::from_base64(&B64.encode([9u8; 32]))?;
        let id = Uuid::now_v7();
        let input = |mode, secret: Option<&str>, header: Option<&str>| RequirementInput {
            mode,
            secret: secret.map(str::to_owned),
            header: header.map(str::to_owned),
            encoding: None,
            prefix: None,
        };
        let stored = check(
            &key,
            id,
            input(Mode::Github, Some("gh-secret-1"), None),
            None,
        )?;
        assert!(!stored.to_string().contains("gh-secret-1"), "{stored}");
        // Kept when not given again, under another mode too.
        let kept = check(&key, id, input(Mode::Stripe, None, None), Some(&stored))?;
        assert_eq!(kept["secret"], stored["secret"]);
        assert_eq!(kept["mode"], "STRIPE");
        for (bad, field) in [
            (input(Mode::Github, None, None), "signature.secret"),
            (input(Mode::Github, Some("short"), None), "signature.secret"),
            (
                input(Mode::Github, Some("gh-secret-1"), Some("x-sig")),
                "signature.header",
            ),
            (
                input(Mode::Hmac, Some("gh-secret-1"), None),
                "signature.header",
            ),
            (
                input(Mode::Hmac, Some("gh-secret-1"), Some("x-sig\r\nhost: evil")),
                "signature.header",
            ),
            (
                input(Mode::Hmac, Some("gh-secret-1"), Some("Host")),
                "signature.header",
            ),
            (
                input(Mode::StandardWebhooks, Some("whsec_not base64!"), None),
                "signature.secret",
            ),
        ] {
            match check(&key, id, bad.clone(), None) {
                Err(AppError::Validation { field: Some(f), .. }) => assert_eq!(f, field, "{bad:?}"),
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        let h = headers(&[(GITHUB_HEADER, &github_signature("gh-secret-1", BODY))]);
        assert_eq!(refusal(&key, id, Some(&stored), &h, BODY, NOW), None);
        // Sealed for another callback: refused, not opened.
        assert_eq!(
            refusal(&key, Uuid::now_v7(), Some(&stored), &h, BODY, NOW),
            Some(Refusal::Unverifiable)
        );
        assert_eq!(refusal(&key, id, None, &HeaderMap::new(), BODY, NOW), None);
        Ok(())
    }
}
