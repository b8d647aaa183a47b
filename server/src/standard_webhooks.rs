//! [Standard Webhooks](https://www.standardwebhooks.com/) signatures, both ways: the one
//! implementation Vigil has, for what it receives (Polar's webhooks, callbacks that require the
//! scheme) and for what it sends (notification webhooks, HTTP_POST actions and status page
//! webhook subscribers carry `webhook-id`, `webhook-timestamp` and `webhook-signature`).
//!
//! The signed content is `"{webhook-id}.{webhook-timestamp}.{raw body}"`, the MAC is
//! HMAC-SHA256 with the secret's key, and the header holds space-separated `v1,<base64 MAC>`
//! entries (several while a secret rotates; any one matching is enough). The secret is
//! `whsec_<base64 of the key>`. Written here over the `hmac`, `sha2` and `base64` crates the
//! server already has: the `standardwebhooks` crate would bring second copies of `base64` and
//! `http`, and compares signatures by hand.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The prefix of a Standard Webhooks secret.
pub const SECRET_PREFIX: &str = "whsec_";

/// A signing key. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct Key(Vec<u8>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// The key of `secret`: the bytes a `whsec_<base64>` secret encodes, or, for a secret
    /// without the prefix, its own bytes (what Polar's SDKs do with the secret its dashboard
    /// shows: they base64-encode it before handing it to a Standard Webhooks library, which
    /// decodes it again). `None` for a `whsec_` secret that is not base64, or an empty one.
    pub fn parse(secret: &str) -> Option<Key> {
        let secret = secret.trim();
        let key = match secret.strip_prefix(SECRET_PREFIX) {
            Some(encoded) => STANDARD.decode(encoded).ok()?,
            None => secret.as_bytes().to_vec(),
        };
        (!key.is_empty()).then_some(Key(key))
    }

    fn mac(&self, id: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
        // HMAC takes a key of any length, so this never fails.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }

    /// The `webhook-signature` value for a message (`v1,<base64>`).
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let tag = self.mac(id, timestamp, body).finalize().into_bytes();
        format!("v1,{}", STANDARD.encode(tag))
    }
}

/// Why a delivery is refused. None of them carries the secret or the expected signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A header is missing, or not what the specification says (`webhook-timestamp` is not an
    /// integer, `webhook-id` is empty or too long).
    BadHeaders,
    /// The signed time is further from now than the tolerance (a replay, or a wrong clock).
    Stale,
    /// No `v1` signature in the header matches.
    BadSignature,
}

/// The three headers of a delivery.
#[derive(Debug, Clone, Copy)]
pub struct Headers<'a> {
    pub id: Option<&'a str>,
    pub timestamp: Option<&'a str>,
    pub signature: Option<&'a str>,
}

/// Checks a delivery at `now` (unix seconds) and returns its `webhook-id`. The signature is
/// checked before the time, so that an unsigned request learns nothing about the clock.
pub fn verify<'a>(
    key: &Key,
    headers: Headers<'a>,
    body: &[u8],
    now: i64,
    tolerance_seconds: i64,
) -> Result<&'a str, Refused> {
    let (Some(id), Some(timestamp), Some(signatures)) =
        (headers.id, headers.timestamp, headers.signature)
    else {
        return Err(Refused::BadHeaders);
    };
    if id.is_empty() || id.len() > 255 {
        return Err(Refused::BadHeaders);
    }
    let timestamp: i64 = timestamp.trim().parse().map_err(|_| Refused::BadHeaders)?;
    let expected = key.mac(id, timestamp, body);
    let matches = signatures
        .split(' ')
        .filter_map(|entry| entry.split_once(','))
        .filter(|(version, _)| *version == "v1")
        .filter_map(|(_, encoded)| STANDARD.decode(encoded).ok())
        // `verify_slice` compares in constant time.
        .any(|tag| expected.clone().verify_slice(&tag).is_ok());
    if !matches {
        return Err(Refused::BadSignature);
    }
    if (now - timestamp).abs() > tolerance_seconds {
        return Err(Refused::Stale);
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The test vector of the specification's reference libraries
    // (standard-webhooks/standard-webhooks, libraries/*/ tests).
    const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const TIMESTAMP: i64 = 1_649_367_553;
    const BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const SIGNATURE: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    fn key() -> Key {
        Key::parse(SECRET).expect("the test secret")
    }

    fn headers<'a>(signature: &'a str, timestamp: &'a str) -> Headers<'a> {
        Headers {
            id: Some(ID),
            timestamp: Some(timestamp),
            signature: Some(signature),
        }
    }

    #[test]
    fn signs_the_specifications_test_vector() {
        assert_eq!(key().sign(ID, TIMESTAMP, BODY), SIGNATURE);
    }

    #[test]
    fn verifies_the_test_vector_within_the_tolerance_only() {
        let ts = TIMESTAMP.to_string();
        assert_eq!(
            verify(&key(), headers(SIGNATURE, &ts), BODY, TIMESTAMP + 300, 300),
            Ok(ID)
        );
        assert_eq!(
            verify(&key(), headers(SIGNATURE, &ts), BODY, TIMESTAMP + 301, 300),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(&key(), headers(SIGNATURE, &ts), BODY, TIMESTAMP - 301, 300),
            Err(Refused::Stale)
        );
    }

    #[test]
    fn any_of_several_signatures_may_match() {
        let ts = TIMESTAMP.to_string();
        let several = format!(
            "v1,tFtCZ5RDCPxzWQRWXWPgrCgE2frDBe9gjpbWQxnVfsQ= v2,abc {SIGNATURE} v1,9DfC1c3eeOrXB6w/5dIDydLNQaEyww5KalE5jLBZucE="
        );
        assert_eq!(
            verify(&key(), headers(&several, &ts), BODY, TIMESTAMP, 300),
            Ok(ID)
        );
        let none = "v1,tFtCZ5RDCPxzWQRWXWPgrCgE2frDBe9gjpbWQxnVfsQ= v1,Mm7xgUVICxZfQ3bgf0h0Dof65L/IFx+PnZvnDWPCX6Q=";
        assert_eq!(
            verify(&key(), headers(none, &ts), BODY, TIMESTAMP, 300),
            Err(Refused::BadSignature)
        );
    }

    #[test]
    fn a_changed_body_id_time_or_secret_does_not_verify() {
        let ts = TIMESTAMP.to_string();
        let tampered = br#"{"email":"test@example.com","username":"test_userX"}"#;
        assert_eq!(
            verify(&key(), headers(SIGNATURE, &ts), tampered, TIMESTAMP, 300),
            Err(Refused::BadSignature)
        );
        let later = (TIMESTAMP + 1).to_string();
        assert_eq!(
            verify(&key(), headers(SIGNATURE, &later), BODY, TIMESTAMP, 300),
            Err(Refused::BadSignature)
        );
        let other_id = Headers {
            id: Some("msg_other"),
            ..headers(SIGNATURE, &ts)
        };
        assert_eq!(
            verify(&key(), other_id, BODY, TIMESTAMP, 300),
            Err(Refused::BadSignature)
        );
        let wrong = Key::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("a key");
        assert_eq!(
            verify(&wrong, headers(SIGNATURE, &ts), BODY, TIMESTAMP, 300),
            Err(Refused::BadSignature)
        );
    }

    #[test]
    fn missing_or_malformed_headers_are_refused() {
        let ts = TIMESTAMP.to_string();
        for broken in [
            Headers {
                id: None,
                ..headers(SIGNATURE, &ts)
            },
            Headers {
                timestamp: None,
                ..headers(SIGNATURE, &ts)
            },
            Headers {
                signature: None,
                ..headers(SIGNATURE, &ts)
            },
            headers(SIGNATURE, "yesterday"),
            Headers {
                id: Some(""),
                ..headers(SIGNATURE, &ts)
            },
        ] {
            assert_eq!(
                verify(&key(), broken, BODY, TIMESTAMP, 300),
                Err(Refused::BadHeaders)
            );
        }
    }

    #[test]
    fn secrets_parse_as_polar_and_the_specification_give_them() {
        assert!(Key::parse("whsec_not base64!").is_none());
        assert!(Key::parse("").is_none());
        assert!(Key::parse("whsec_").is_none());
        // A raw secret signs with its own bytes, as Polar's SDKs verify it.
        let raw = Key::parse("polar_whs_abc").expect("a raw secret");
        let encoded = Key::parse(&format!("whsec_{}", STANDARD.encode("polar_whs_abc")))
            .expect("the same secret, encoded");
        assert_eq!(
            raw.sign(ID, TIMESTAMP, BODY),
            encoded.sign(ID, TIMESTAMP, BODY)
        );
        assert_eq!(format!("{raw:?}"), "Key(..)");
    }
}
