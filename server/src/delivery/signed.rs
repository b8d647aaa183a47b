//! One signed JSON POST, the request generic webhooks and HTTP_POST callback actions both send:
//! the URL through the outbound policy, the headers in the order given, the body signed with
//! `X-Vigil-Signature` when there is a secret, one timeout, through the shared client.
//!
//! What to make of the answer is the caller's: a webhook delivery reads it as a
//! [`super::Delivered`] or a [`super::DeliveryError`], an action keeps the status and body.

use std::time::Duration;

use super::webhook::{SIGNATURE_HEADER, signature};
use crate::state::AppState;

/// A POST to send.
#[derive(Debug)]
pub struct SignedPost<'a> {
    /// Checked with the outbound policy before anything is sent (the shared client checks the
    /// addresses it connects to again).
    pub url: &'a str,
    /// Sent in this order, before the signature.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Signs the body when set.
    pub secret: Option<&'a str>,
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
    /// The value of the signature header (`t=<unix seconds>,v1=<hex>`), when there is a
    /// secret.
    pub fn signature(&self) -> Option<String> {
        Some(signature(self.secret?, self.timestamp, &self.body))
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
        let signature = self.signature();
        let mut request = state.http.post(url).timeout(self.timeout);
        for (name, value) in &self.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        if let Some(signature) = signature {
            request = request.header(SIGNATURE_HEADER, signature);
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

    #[test]
    fn the_signature_is_the_webhook_signature_of_the_body() {
        let mut post = SignedPost {
            url: "https://example.com/",
            headers: vec![],
            body: b"{\"a\":1}".to_vec(),
            secret: Some("signing-secret-1"),
            timestamp: 1_700_000_000,
            timeout: Duration::from_secs(1),
        };
        let header = post.signature().unwrap_or_default();
        assert_eq!(
            header,
            signature("signing-secret-1", 1_700_000_000, b"{\"a\":1}")
        );
        let (t, v1) = header.split_once(",v1=").unwrap_or_default();
        assert_eq!(t, "t=1700000000");
        assert_eq!(v1.len(), 64, "{header}");
        assert!(v1.chars().all(|c| c.is_ascii_hexdigit()), "{header}");
        post.secret = None;
        assert_eq!(post.signature(), None);
    }
}
