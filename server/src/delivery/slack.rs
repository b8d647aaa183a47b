//! Slack incoming webhooks: a `text` for notifications and one coloured attachment.

use serde_json::{Value, json};

use super::{Delivered, DeliveryError, Message, checked_url, execute, truncate};
use crate::state::AppState;

/// Slack's mrkdwn treats `&`, `<` and `>` as markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The JSON Slack is sent.
pub(super) fn payload(message: &Message) -> Value {
    let title = escape(&truncate(&message.title, 250));
    let mut attachment = json!({
        "color": message.severity.hex(),
        "title": title,
        "text": escape(&truncate(&message.body, 3000)),
        "fields": message
            .fields
            .iter()
            .take(20)
            .map(|(name, value)| json!({
                "title": escape(&truncate(name, 100)),
                "value": escape(&truncate(value, 500)),
                "short": value.chars().count() <= 40,
            }))
            .collect::<Vec<_>>(),
        "footer": format!("Vigil · {}", message.event),
        "ts": chrono::Utc::now().timestamp(),
    });
    if let Some(link) = &message.link {
        attachment["title_link"] = json!(link);
    }
    json!({
        "text": format!("{}{title}", message.severity.prefix()),
        "attachments": [attachment],
    })
}

pub(super) async fn send(
    state: &AppState,
    webhook_url: &str,
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    let url = checked_url(state, "Slack webhook", webhook_url)?;
    execute("slack", state.http.post(url).json(&payload(message))).await
}
