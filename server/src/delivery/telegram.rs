//! Telegram: the Bot API's `sendMessage`, in HTML parse mode.

use serde_json::{Value, json};

use super::{Delivered, DeliveryError, Message, checked_url, execute, truncate};
use crate::state::AppState;

/// Telegram's HTML mode needs `&`, `<` and `>` escaped (and `"` inside attributes).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The JSON Telegram is sent (at most 4096 characters of text).
pub(super) fn payload(chat_id: &str, message: &Message) -> Value {
    let mut text = format!(
        "<b>{}{}</b>",
        message.severity.prefix(),
        escape(&truncate(&message.title, 250))
    );
    let body = message.body.trim();
    if !body.is_empty() {
        text.push_str("\n\n");
        text.push_str(&escape(&truncate(body, 3000)));
    }
    if !message.fields.is_empty() {
        text.push('\n');
        for (name, value) in message.fields.iter().take(20) {
            text.push_str(&format!(
                "\n<b>{}:</b> {}",
                escape(&truncate(name, 100)),
                escape(&truncate(value, 200))
            ));
        }
    }
    if let Some(link) = &message.link {
        text.push_str(&format!(
            "\n\n<a href=\"{}\">Open in Vigil</a>",
            escape(link)
        ));
    }
    // Cutting HTML could break a tag; past the limit, send plain text instead.
    let (text, mode) = if text.chars().count() <= 4096 {
        (text, Some("HTML"))
    } else {
        let plain = format!(
            "{}{}\n\n{}",
            message.severity.prefix(),
            message.title,
            message.plain_text()
        );
        (truncate(&plain, 4096), None)
    };
    let mut payload = json!({
        "chat_id": chat_id,
        "text": text,
        "disable_web_page_preview": true,
    });
    if let Some(mode) = mode {
        payload["parse_mode"] = json!(mode);
    }
    payload
}

pub(super) async fn send(
    state: &AppState,
    bot_token: &str,
    chat_id: &str,
    message: &Message,
) -> Result<Delivered, DeliveryError> {
    let base = state
        .settings
        .integrations
        .telegram_api_base
        .trim_end_matches('/');
    let url = checked_url(
        state,
        "Telegram API",
        &format!("{base}/bot{bot_token}/sendMessage"),
    )?;
    execute(
        "telegram",
        state.http.post(url).json(&payload(chat_id, message)),
    )
    .await
}
