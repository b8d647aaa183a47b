//! The iCalendar feed of scheduled maintenance (RFC 5545): one `VEVENT` per maintenance,
//! times in UTC, text escaped (`\`, `;`, `,`, newlines) and lines folded at 75 octets
//! without splitting a character.

use chrono::{DateTime, Duration, Utc};
use entity::incidents;

use super::view;

/// A maintenance as a calendar reads it.
pub struct Event<'a> {
    pub incident: &'a incidents::Model,
    /// The newest update's message, if any.
    pub latest: Option<&'a str>,
    /// Where the maintenance's page is.
    pub url: String,
}

/// The calendar of `events`, named after the page.
pub fn calendar(name: &str, host: &str, events: &[Event<'_>], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Vigil//Status page//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push(&mut out, line);
    }
    push(
        &mut out,
        &format!("X-WR-CALNAME:{}", text(&format!("{name} maintenance"))),
    );
    for event in events {
        vevent(&mut out, host, event, now);
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, host: &str, event: &Event<'_>, now: DateTime<Utc>) {
    let incident = event.incident;
    let start = incident.scheduled_for.unwrap_or(incident.created_at);
    // A maintenance without an end is shown as an hour long.
    let end = incident
        .scheduled_until
        .filter(|end| *end > start)
        .unwrap_or(start + Duration::hours(1));
    let status = if incident.status == incidents::IncidentStatus::Scheduled {
        "TENTATIVE"
    } else {
        "CONFIRMED"
    };
    let mut description = format!("Status: {}", view::status_label(incident.status));
    if let Some(body) = event.latest.or(incident.body.as_deref()) {
        description.push_str("\n\n");
        description.push_str(body);
    }
    push(out, "BEGIN:VEVENT");
    push(out, &format!("UID:{}@{}", incident.id, text(host)));
    push(out, &format!("DTSTAMP:{}", stamp(now)));
    push(out, &format!("DTSTART:{}", stamp(start)));
    push(out, &format!("DTEND:{}", stamp(end)));
    push(
        out,
        &format!("LAST-MODIFIED:{}", stamp(incident.updated_at)),
    );
    push(out, &format!("SUMMARY:{}", text(&incident.name)));
    push(out, &format!("DESCRIPTION:{}", text(&description)));
    push(out, &format!("STATUS:{status}"));
    push(out, &format!("URL:{}", event.url));
    push(out, "TRANSP:OPAQUE");
    push(out, "END:VEVENT");
}

/// A UTC time in the basic format, `20260503T140000Z`.
fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 3.3.11); other control characters are dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into lines of at most 75 octets, each ended by CRLF; a continuation
/// starts with one space (RFC 5545 3.1).
fn push(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_on_characters() {
        assert_eq!(text("a;b,c\\d\r\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        push(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }
}
