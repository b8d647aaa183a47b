//! Email through the instance's SMTP server, or through SendGrid's v3 `mail/send` API.

use lettre::message::Mailbox;
use serde_json::json;

use super::{Delivered, DeliveryError, Message, checked_url, execute};
use crate::state::AppState;

/// `[CRITICAL] title`: the subject line.
fn subject(message: &Message) -> String {
    let title: String = message
        .title
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    format!("{}{title}", message.severity.prefix())
}

pub(super) async fn send_smtp(
    state: &AppState,
    to: &[String],
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    if !state.mailer.is_smtp() {
        return Err(DeliveryError::permanent(
            "email: this instance has no SMTP server configured (smtp.host)",
        ));
    }
    if to.is_empty() {
        return Err(DeliveryError::permanent("email: no recipient"));
    }
    let mut body = message.plain_text();
    body.push_str("\n\n-- \nSent by Vigil");
    match state.mailer.send_to_all(to, &subject(message), body).await {
        Ok(()) => Ok(Delivered { status: None }),
        Err(err) => Err(smtp_error(err)),
    }
}

/// One mail to a list member through the instance's SMTP server (status page subscribers).
pub(super) async fn send_list(
    state: &AppState,
    mail: crate::mail::ListMail,
) -> Result<Delivered, DeliveryError> {
    if !state.mailer.is_smtp() {
        return Err(DeliveryError::permanent(
            "email: this instance has no SMTP server configured (smtp.host)",
        ));
    }
    match state.mailer.send_list(mail).await {
        Ok(()) => Ok(Delivered { status: None }),
        Err(err) => Err(smtp_error(err)),
    }
}

/// SMTP 5xx answers are permanent; 4xx answers, timeouts and connection failures may pass.
fn smtp_error(err: anyhow::Error) -> DeliveryError {
    let text = format!("email: {err:#}");
    match err.downcast_ref::<lettre::transport::smtp::Error>() {
        Some(smtp) if smtp.is_permanent() => DeliveryError::permanent(text),
        Some(_) => DeliveryError::transient(text),
        // Addresses that do not parse, a message that cannot be built.
        None => DeliveryError::permanent(text),
    }
}

pub(super) async fn send_sendgrid(
    state: &AppState,
    api_key: &str,
    from: &str,
    to: &[String],
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    if to.is_empty() {
        return Err(DeliveryError::permanent("sendgrid: no recipient"));
    }
    let from: Mailbox = from
        .parse()
        .map_err(|_| DeliveryError::permanent("sendgrid: the sender is not a mailbox"))?;
    let mut sender = json!({ "email": from.email.to_string() });
    if let Some(name) = &from.name {
        sender["name"] = json!(name);
    }
    let base = state
        .settings
        .integrations
        .sendgrid_api_base
        .trim_end_matches('/');
    let url = checked_url(state, "SendGrid API", &format!("{base}/v3/mail/send"))?;
    let payload = json!({
        "personalizations": [{
            "to": to.iter().map(|address| json!({ "email": address })).collect::<Vec<_>>(),
        }],
        "from": sender,
        "subject": subject(message),
        "content": [{ "type": "text/plain", "value": message.plain_text() }],
    });
    execute(
        "sendgrid",
        state.http.post(url).bearer_auth(api_key).json(&payload),
    )
    .await
}
