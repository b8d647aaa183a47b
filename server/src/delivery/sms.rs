//! SMS through Twilio's Messages API: one form POST per recipient, with basic auth.

use url::form_urlencoded;

use super::{Delivered, DeliveryError, Message, checked_url, execute, truncate};
use crate::state::AppState;

/// Twilio's longest message body.
pub const MAX_BODY: usize = 1600;

/// The text sent: prefix and title, body, link; at most [`MAX_BODY`] characters.
pub(super) fn text(message: &Message) -> String {
    let mut text = format!("{}{}", message.severity.prefix(), message.title.trim());
    let body = message.body.trim();
    if !body.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(body);
    }
    if let Some(link) = &message.link {
        text.push('\n');
        text.push_str(link);
    }
    truncate(&text, MAX_BODY)
}

pub(super) async fn send(
    state: &AppState,
    account_sid: &str,
    auth_token: &str,
    from: &str,
    to: &[String],
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    if to.is_empty() {
        return Err(DeliveryError::permanent("sms: no recipient"));
    }
    // The SID is a path segment.
    if account_sid.is_empty() || !account_sid.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(DeliveryError::permanent(
            "sms: the Twilio account SID is not valid",
        ));
    }
    let base = state
        .settings
        .integrations
        .twilio_api_base
        .trim_end_matches('/');
    let url = checked_url(
        state,
        "Twilio API",
        &format!("{base}/2010-04-01/Accounts/{account_sid}/Messages.json"),
    )?;
    let text = text(message);
    let mut last = Delivered { status: None };
    for (i, number) in to.iter().enumerate() {
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("To", number)
            .append_pair("From", from)
            .append_pair("Body", &text)
            .finish();
        let request = state
            .http
            .post(url.clone())
            .basic_auth(account_sid, Some(auth_token))
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(form);
        last = execute("twilio", request).await.map_err(|err| {
            if to.len() > 1 {
                DeliveryError {
                    message: format!(
                        "{} (to {number}, after {i} of {} numbers were sent)",
                        err.message,
                        to.len()
                    ),
                    ..err
                }
            } else {
                err
            }
        })?;
    }
    Ok(last)
}
