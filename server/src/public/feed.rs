//! The incident history as RSS 2.0 and Atom 1.0, written through an XML writer so that every
//! name and message is escaped; characters XML 1.0 cannot carry are dropped first.

use chrono::{DateTime, Utc};
use entity::{incident_updates, incidents};
use maud::html;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::read;
use super::view::{self, Clock};

/// What both feeds list.
pub struct Feed<'a> {
    pub name: &'a str,
    /// The absolute URL of the page.
    pub url: &'a str,
    pub entries: Vec<Entry<'a>>,
    pub clock: Clock,
}

/// An incident or maintenance.
pub struct Entry<'a> {
    pub incident: &'a incidents::Model,
    pub updates: &'a [incident_updates::Model],
}

/// Text XML 1.0 can carry: control characters other than tab and newlines are dropped.
pub fn xml_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

type W = Writer<Vec<u8>>;

fn start(w: &mut W, name: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    let mut element = BytesStart::new(name);
    for (key, value) in attributes {
        element.push_attribute((*key, xml_text(value).as_str()));
    }
    w.write_event(Event::Start(element))
}

fn end(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn empty(w: &mut W, name: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    let mut element = BytesStart::new(name);
    for (key, value) in attributes {
        element.push_attribute((*key, xml_text(value).as_str()));
    }
    w.write_event(Event::Empty(element))
}

fn leaf(w: &mut W, name: &str, attributes: &[(&str, &str)], text: &str) -> std::io::Result<()> {
    start(w, name, attributes)?;
    w.write_event(Event::Text(BytesText::new(&xml_text(text))))?;
    end(w, name)
}

fn finish(w: W, result: std::io::Result<()>) -> String {
    // Writing to a Vec does not fail; an empty feed is the answer if it ever did.
    match result {
        Ok(()) => String::from_utf8(w.into_inner()).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// An entry's HTML: its updates, newest first, each with its status and time.
fn content(entry: &Entry<'_>, clock: &Clock) -> String {
    html! {
        @if entry.updates.is_empty() {
            @if let Some(body) = &entry.incident.body { p { (body) } }
        }
        @for update in entry.updates {
            p {
                small { (clock.time(update.display_at.unwrap_or(update.created_at))) }
                br;
                strong { (view::status_label(update.status)) } " - " (update.body)
            }
        }
    }
    .into_string()
}

fn link(feed: &Feed<'_>, incident: &incidents::Model) -> String {
    format!("{}/incidents/{}", feed.url, incident.id)
}

/// The newest change among the entries (the feed's own time).
fn updated(feed: &Feed<'_>) -> DateTime<Utc> {
    feed.entries
        .iter()
        .map(|e| e.incident.updated_at)
        .max()
        .unwrap_or(feed.clock.now)
}

/// RSS 2.0.
pub fn rss(feed: &Feed<'_>) -> String {
    let mut w = Writer::new(Vec::new());
    let result = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(
            &mut w,
            "rss",
            &[
                ("version", "2.0"),
                ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ],
        )?;
        start(&mut w, "channel", &[])?;
        leaf(
            &mut w,
            "title",
            &[],
            &format!("{} status - incident history", feed.name),
        )?;
        leaf(&mut w, "link", &[], feed.url)?;
        leaf(
            &mut w,
            "description",
            &[],
            &format!("Incidents and scheduled maintenance of {}", feed.name),
        )?;
        let this = format!("{}/history.rss", feed.url);
        empty(
            &mut w,
            "atom:link",
            &[
                ("href", &this),
                ("rel", "self"),
                ("type", "application/rss+xml"),
            ],
        )?;
        leaf(&mut w, "lastBuildDate", &[], &updated(feed).to_rfc2822())?;
        for entry in &feed.entries {
            let url = link(feed, entry.incident);
            start(&mut w, "item", &[])?;
            leaf(&mut w, "title", &[], &entry.incident.name)?;
            leaf(&mut w, "link", &[], &url)?;
            leaf(&mut w, "guid", &[("isPermaLink", "true")], &url)?;
            leaf(
                &mut w,
                "pubDate",
                &[],
                &read::started_at(entry.incident).to_rfc2822(),
            )?;
            leaf(&mut w, "description", &[], &content(entry, &feed.clock))?;
            end(&mut w, "item")?;
        }
        end(&mut w, "channel")?;
        end(&mut w, "rss")
    })();
    finish(w, result)
}

/// Atom 1.0.
pub fn atom(feed: &Feed<'_>) -> String {
    let mut w = Writer::new(Vec::new());
    let result = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(&mut w, "feed", &[("xmlns", "http://www.w3.org/2005/Atom")])?;
        leaf(&mut w, "id", &[], &format!("{}/history", feed.url))?;
        leaf(
            &mut w,
            "title",
            &[],
            &format!("{} status - incident history", feed.name),
        )?;
        leaf(&mut w, "updated", &[], &updated(feed).to_rfc3339())?;
        let this = format!("{}/history.atom", feed.url);
        empty(
            &mut w,
            "link",
            &[
                ("rel", "alternate"),
                ("type", "text/html"),
                ("href", feed.url),
            ],
        )?;
        empty(
            &mut w,
            "link",
            &[
                ("rel", "self"),
                ("type", "application/atom+xml"),
                ("href", &this),
            ],
        )?;
        start(&mut w, "author", &[])?;
        leaf(&mut w, "name", &[], feed.name)?;
        end(&mut w, "author")?;
        for entry in &feed.entries {
            let incident = entry.incident;
            start(&mut w, "entry", &[])?;
            leaf(&mut w, "id", &[], &format!("urn:uuid:{}", incident.id))?;
            leaf(&mut w, "title", &[], &incident.name)?;
            leaf(&mut w, "updated", &[], &incident.updated_at.to_rfc3339())?;
            leaf(
                &mut w,
                "published",
                &[],
                &read::started_at(incident).to_rfc3339(),
            )?;
            let url = link(feed, incident);
            empty(
                &mut w,
                "link",
                &[("rel", "alternate"), ("type", "text/html"), ("href", &url)],
            )?;
            leaf(
                &mut w,
                "content",
                &[("type", "html")],
                &content(entry, &feed.clock),
            )?;
            end(&mut w, "entry")?;
        }
        end(&mut w, "feed")
    })();
    finish(w, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_leave_xml_text() {
        assert_eq!(xml_text("a\u{1}b\tc\n\u{ffff}"), "ab\tc\n");
    }
}
