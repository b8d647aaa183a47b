//! Microsoft Teams: an Adaptive Card in a `message` envelope, which both the legacy incoming
//! webhooks and the Workflows (Power Automate) webhooks that replace them accept.

use serde_json::{Value, json};

use super::{Delivered, DeliveryError, Message, Severity, checked_url, execute, truncate};
use crate::state::AppState;

/// The JSON Teams is sent.
pub(super) fn payload(message: &Message) -> Value {
    let color = match message.severity {
        Severity::Info => "Accent",
        Severity::Success => "Good",
        Severity::Warning => "Warning",
        Severity::Critical => "Attention",
    };
    let mut body = vec![json!({
        "type": "TextBlock",
        "text": truncate(&message.title, 250),
        "weight": "Bolder",
        "size": "Medium",
        "color": color,
        "wrap": true,
    })];
    if !message.body.trim().is_empty() {
        body.push(json!({
            "type": "TextBlock",
            "text": truncate(&message.body, 3000),
            "wrap": true,
        }));
    }
    if !message.fields.is_empty() {
        body.push(json!({
            "type": "FactSet",
            "facts": message
                .fields
                .iter()
                .take(20)
                .map(|(name, value)| json!({ "title": truncate(name, 100), "value": truncate(value, 500) }))
                .collect::<Vec<_>>(),
        }));
    }
    body.push(json!({
        "type": "TextBlock",
        "text": format!("Vigil · {}", message.event),
        "isSubtle": true,
        "size": "Small",
        "wrap": true,
    }));
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "msteams": { "width": "Full" },
        "body": body,
    });
    if let Some(link) = &message.link {
        card["actions"] =
            json!([{ "type": "Action.OpenUrl", "title": "Open in Vigil", "url": link }]);
    }
    json!({
        "type": "message",
        "summary": truncate(&message.title, 250),
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    })
}

pub(super) async fn send(
    state: &AppState,
    webhook_url: &str,
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    let url = checked_url(state, "Teams webhook", webhook_url)?;
    execute("teams", state.http.post(url).json(&payload(message))).await
}
