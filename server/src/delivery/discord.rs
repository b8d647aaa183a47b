//! Discord channel webhooks: one embed, no mentions.

use serde_json::{Value, json};

use super::{Delivered, DeliveryError, Message, checked_url, execute, truncate};
use crate::state::AppState;

/// The JSON Discord is sent. The limits are Discord's (title 256, description 4096, 25
/// fields of 256/1024, 6000 characters per embed); mentions are disabled so that a monitor
/// named `@everyone` pings nobody.
pub(super) fn payload(message: &Message) -> Value {
    let mut embed = json!({
        "title": truncate(&message.title, 256),
        "description": truncate(&message.body, 3000),
        "color": message.severity.color(),
        "fields": message
            .fields
            .iter()
            .take(25)
            .map(|(name, value)| json!({
                "name": truncate(name, 100),
                "value": if value.is_empty() { "-".to_owned() } else { truncate(value, 100) },
                "inline": value.chars().count() <= 40,
            }))
            .collect::<Vec<_>>(),
        "footer": { "text": truncate(&format!("Vigil · {}", message.event), 200) },
        "timestamp": chrono::Utc::now().to_rfc3339(),
    });
    // Discord refuses the whole message when the embed URL is not http(s).
    if let Some(link) = message
        .link
        .as_ref()
        .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
    {
        embed["url"] = json!(link);
    }
    json!({
        "username": "Vigil",
        "embeds": [embed],
        "allowed_mentions": { "parse": [] },
    })
}

pub(super) async fn send(
    state: &AppState,
    webhook_url: &str,
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    let url = checked_url(state, "Discord webhook", webhook_url)?;
    execute("discord", state.http.post(url).json(&payload(message))).await
}
