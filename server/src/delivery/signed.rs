//! One signed JSON POST, the request every outgoing webhook is: notification webhooks, status
//! page webhook subscribers and HTTP_POST callback actions. The URL goes through the outbound
//! policy, the headers in the order given, then the signature headers, one timeout, through
//! the shared client.
//!
//! Every request carries `webhook-id` (the message's id, the same on every attempt, so that a
//! receiver can drop duplicates) and `webhook-timestamp` (unix seconds), and, when there is a
//! secret, the two signatures of the same body:
//! - `webhook-signature: v1,<base64>`, as the [Standard Webhooks](https://www.standardwebhooks.com/)
//!   specification defines it (HMAC-SHA256 of `"{id}.{timestamp}.{body}"`), signed by
//!   [`crate::standard_webhooks::Key`], the one implementation Vigil has. The key is
//!   the bytes a `whsec_<base64>` secret encodes; a secret without the prefix (set before
//!   Vigil generated `whsec_` secrets) signs with its own bytes, so a receiver hands a
//!   Standard Webhooks library `whsec_` + the base64 of it.
//! - `X-Vigil-Signature: t=<timestamp>,v1=<hex>`, kept for receivers written before
//!   (HMAC-SHA256 of `"{timestamp}.{body}"` with the secret's text as the key).
//!
//! What to make of the answer is the caller's: a webhook delivery reads it as a
//! [`super::Delivered`] or a [`super::DeliveryError`], an action keeps the status and body.

use std::time::Duration;

use super::webhook::{SIGNATURE_HEADER, signature};
use crate::standard_webhooks::{Key, SECRET_PREFIX};
use crate::state::AppState;

/// The Standard Webhooks header that names the message.
pub const ID_HEADER: &str = "webhook-id";
/// The Standard Webhooks header that holds the signed time.
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
/// The Standard Webhooks header that holds the signatures.
pub const STANDARD_SIGNATURE_HEADER: &str = "webhook-signature";

/// Bytes of a generated signing key (the specification asks for 24 to 64).
const GENERATED_KEY_BYTES: usize = 32;

/// A new signing secret in the Standard Webhooks form, `whsec_<base64 of 32 random bytes>`.
pub fn generate_secret() -> String {
    use base64::Engine;
    let bytes: [u8; GENERATED_KEY_BYTES] = rand::random();
    format!(
        "{SECRET_PREFIX}{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Whether `secret` can sign: a `whsec_` secret must hold 24 to 64 bytes of base64, any
/// other secret signs with its own bytes. The message names no part of the secret.
pub fn check_secret(secret: &str) -> Result<(), &'static str> {
    use base64::Engine;
    let Some(encoded) = secret.trim().strip_prefix(SECRET_PREFIX) else {
        return Ok(());
    };
    match base64::engine::general_purpose::STANDARD.decode(encoded) {
        Ok(key) if (24..=64).contains(&key.len()) => Ok(()),
        _ => Err("must be whsec_ followed by the base64 of 24 to 64 bytes"),
    }
}

/// The id of a message, as `webhook-id` carries it: `msg_` and the row that is the message
/// (an alert delivery, an action execution, a subscriber delivery).
pub fn message_id(id: uuid::Uuid) -> String {
    format!("msg_{}", id.simple())
}

/// A POST to send.
#[derive(Debug)]
pub struct SignedPost<'a> {
    /// Checked with the outbound policy before anything is sent (the shared client checks the
    /// addresses it connects to again).
    pub url: &'a str,
    /// Sent in this order, before the signature headers.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Signs the body when set.
    pub secret: Option<&'a str>,
    /// `webhook-id`: the same on every attempt of one message.
    pub id: String,
    /// The signature's time (unix seconds).
    pub timestamp: i64,
    /// The longest the request may take, answer included.
    pub timeout: Duration,
}

/// Why nothing came back.
#[derive(Debug)]
pub enum PostError {
    /// The outbound policy refuses the URL; the reason names no part of it ("is not a valid
    /// URL", "points to a private address").
    Refused(String),
    /// The request failed before an answer (connection, timeout, a header that is not valid).
    Transport(reqwest::Error),
}

impl SignedPost<'_> {
    /// The value of `X-Vigil-Signature` (`t=<unix seconds>,v1=<hex>`), when there is a
    /// secret.
    pub fn signature(&self) -> Option<String> {
        Some(signature(self.secret?, self.timestamp, &self.body))
    }

    /// The value of `webhook-signature` (`v1,<base64>`), when there is a secret that reads.
    pub fn standard_signature(&self) -> Option<String> {
        let key = Key::parse(self.secret?)?;
        Some(key.sign(&self.id, self.timestamp, &self.body))
    }

    /// The headers the signing adds, in the order sent.
    pub fn signature_headers(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            (ID_HEADER, self.id.clone()),
            (TIMESTAMP_HEADER, self.timestamp.to_string()),
        ];
        out.extend(
            self.standard_signature()
                .map(|s| (STANDARD_SIGNATURE_HEADER, s)),
        );
        out.extend(self.signature().map(|s| (SIGNATURE_HEADER, s)));
        out
    }

    /// Sends it once.
    pub async fn send(self, state: &AppState) -> Result<reqwest::Response, PostError> {
        let url = state
            .settings
            .outbound()
            .check_url("url", self.url)
            .map_err(|err| {
                PostError::Refused(match err {
                    crate::error::AppError::Validation { message, .. } => message,
                    _ => "is refused".into(),
                })
            })?;
        let mut request = state.http.post(url).timeout(self.timeout);
        for (name, value) in &self.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        for (name, value) in self.signature_headers() {
            request = request.header(name, value);
        }
        request
            .body(self.body)
            .send()
            .await
            .map_err(PostError::Transport)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard_webhooks::{Headers, verify};

    fn post(secret: Option<&str>) -> SignedPost<'_> {
        SignedPost {
            url: "https://example.com/",
            headers: vec![],
            body: b"{\"a\":1}".to_vec(),
            secret,
            id: "msg_1".into(),
            timestamp: 1_700_000_000,
            timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn the_signature_is_the_webhook_signature_of_the_body() {
        let header = post(Some("signing-secret-1"))
            .signature()
            .unwrap_or_default();
        assert_eq!(
            header,
            signature("signing-secret-1", 1_700_000_000, b"{\"a\":1}")
        );
        let (t, v1) = header.split_once(",v1=").unwrap_or_default();
        assert_eq!(t, "t=1700000000");
        assert_eq!(v1.len(), 64, "{header}");
        assert!(v1.chars().all(|c| c.is_ascii_hexdigit()), "{header}");
        assert_eq!(post(None).signature(), None);
    }

    #[test]
    fn standard_webhooks_headers_verify_with_the_secret_and_no_other() {
        let secret = generate_secret();
        let signed = post(Some(&secret));
        let headers = signed.signature_headers();
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get(ID_HEADER), Some("msg_1"));
        assert_eq!(get(TIMESTAMP_HEADER), Some("1700000000"));
        let received = Headers {
            id: get(ID_HEADER),
            timestamp: get(TIMESTAMP_HEADER),
            signature: get(STANDARD_SIGNATURE_HEADER),
        };
        let key = Key::parse(&secret).expect("a generated secret parses");
        assert_eq!(
            verify(&key, received, &signed.body, 1_700_000_000, 300),
            Ok("msg_1")
        );
        let other = Key::parse(&generate_secret()).expect("another secret");
        assert!(verify(&other, received, &signed.body, 1_700_000_000, 300).is_err());
        assert!(get(SIGNATURE_HEADER).is_some(), "X-Vigil-Signature is kept");
    }

    #[test]
    fn unsigned_posts_carry_the_id_and_time_only() {
        let names: Vec<&str> = post(None)
            .signature_headers()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, [ID_HEADER, TIMESTAMP_HEADER]);
    }

    #[test]
    fn generated_and_given_secrets() {
        let secret = generate_secret();
        assert!(secret.starts_with("whsec_"));
        assert_eq!(check_secret(&secret), Ok(()));
        assert_ne!(secret, generate_secret());
        assert_eq!(check_secret("an old plain secret"), Ok(()));
        assert!(check_secret("whsec_not base64!").is_err());
        assert!(
            check_secret("whsec_c2hvcnQ=").is_err(),
            "5 bytes is too short"
        );
    }
}
