//! The HTML of the public page, written with `maud` (compiled into the binary, every
//! interpolation escaped). No script: groups fold with `<details>`, the days of an uptime bar
//! are focusable list items whose text shows on hover and focus.

use std::collections::HashMap;

use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use entity::status_page_components::{self, ComponentStatus};
use entity::{incident_updates, incidents};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::read::{self, Incidents};
use super::render::has_image;
use super::route::ImageKind;
use super::style::{self, Mode};
use super::view::{self, Bar, Clock, Item, Level};
use super::{Site, image_path};

/// A whole document and the CSP that lets its one stylesheet in.
pub struct Document {
    pub html: String,
    pub csp: String,
}

/// The document around `main` with the page's header, footer and branding.
pub fn layout(site: &Site<'_>, title: &str, main: Markup) -> Document {
    let page = site.page;
    let css = style::css(page);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()));
    let csp = format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self' https:; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    let description = page
        .headline
        .as_deref()
        .or(page.page_description.as_deref())
        .unwrap_or("Current status, incidents and scheduled maintenance");
    let html = html! {
        (DOCTYPE)
        html lang="en" data-theme=(Mode::of(page).name()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                meta name="description" content=(description);
                @if page.hidden_from_search { meta name="robots" content="noindex"; }
                meta property="og:title" content=(title);
                meta property="og:description" content=(description);
                meta property="og:url" content=(site.canonical);
                meta name="twitter:card" content="summary";
                @if has_image(site, ImageKind::TwitterLogo) {
                    meta name="twitter:image" content=(format!("{}{}", site.canonical, image_path("twitter-logo")));
                }
                @if has_image(site, ImageKind::Favicon) {
                    link rel="icon" href=(site.link(&image_path("favicon")));
                }
                link rel="alternate" type="application/rss+xml" title=(format!("{} incident history (RSS)", page.name)) href=(site.link("/history.rss"));
                link rel="alternate" type="application/atom+xml" title=(format!("{} incident history (Atom)", page.name)) href=(site.link("/history.atom"));
                style { (PreEscaped(&css)) }
            }
            body {
                a.skip href="#main" { "Skip to content" }
                (header(site))
                main #main { div.wrap { (main) } }
                (footer(site))
            }
        }
    };
    Document {
        html: html.into_string(),
        csp,
    }
}

/// Only web links leave the page: a support URL of another scheme is not shown.
fn web_url(url: Option<&str>) -> Option<&str> {
    url.filter(|u| {
        let lower = u.trim().to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://"))
            && !u.contains(char::is_whitespace)
    })
}

fn header(site: &Site<'_>) -> Markup {
    let page = site.page;
    html! {
        header.top { div.wrap {
            a.brand href=(site.link("")) {
                @if has_image(site, ImageKind::Logo) {
                    img src=(site.link(&image_path("logo"))) alt=(format!("{} home", page.name));
                } @else {
                    (page.name)
                }
            }
            nav aria-label="Status page" { ul {
                li { a href=(site.link("/history")) { "Incident history" } }
                @if takes_subscribers(page) && page.allow_page_subscribers {
                    li { a href=(site.link("/subscribe")) { "Subscribe to updates" } }
                }
                @if let Some(url) = web_url(page.support_url.as_deref()) {
                    li { a href=(url) rel="noopener noreferrer" { "Get support" } }
                }
            } }
        } }
    }
}

/// Whether the page takes subscribers of any kind.
fn takes_subscribers(page: &entity::status_pages::Model) -> bool {
    page.allow_email_subscribers || page.allow_sms_subscribers || page.allow_webhook_subscribers
}

fn footer(site: &Site<'_>) -> Markup {
    html! {
        footer { div.wrap {
            p { "Times are shown in " (site.clock.tz.name()) "." }
            ul aria-label="Subscribe and integrate" {
                li { a href=(site.link("/history.rss")) { "RSS feed" } }
                li { a href=(site.link("/history.atom")) { "Atom feed" } }
                li { a href=(site.link("/maintenance.ics")) { "Maintenance calendar" } }
                li { a href=(site.link("/api/v2/summary.json")) { "JSON API" } }
            }
            p { "Powered by Vigil" }
        } }
    }
}

fn time(clock: &Clock, t: DateTime<Utc>) -> Markup {
    html! { time datetime=(t.to_rfc3339()) { (clock.time(t)) } }
}

fn state(level: Level, label: &str) -> Markup {
    html! {
        span.state { span class=(format!("dot {}", level.class())) aria-hidden="true" {} (label) }
    }
}

/// An incident's updates, newest first.
fn updates(clock: &Clock, updates: &[incident_updates::Model]) -> Markup {
    html! {
        ol.updates {
            @for update in updates {
                li {
                    strong { (view::status_label(update.status)) }
                    p.body { (update.body) }
                    small.muted { (time(clock, update.display_at.unwrap_or(update.created_at))) }
                }
            }
        }
    }
}

/// An incident or maintenance as a card: title, impact, updates.
fn card(site: &Site<'_>, incidents: &Incidents, incident: &incidents::Model) -> Markup {
    let level = if view::is_maintenance(incident) {
        Level::Maintenance
    } else {
        Level::of_impact(view::impact(incident))
    };
    let heading = format!("incident-{}", incident.id);
    let empty = Vec::new();
    let list = incidents.updates.get(&incident.id).unwrap_or(&empty);
    html! {
        article class=(format!("card incident {}", level.class())) aria-labelledby=(heading) {
            h3 #(heading) { a href=(site.link(&format!("/incidents/{}", incident.id))) { (incident.name) } }
            p.muted {
                span.tag { (view::status_label(incident.status)) }
                @if !view::is_maintenance(incident) {
                    " " span.tag { "Impact: " (view::impact_label(view::impact(incident))) }
                }
                @if let (Some(from), Some(to)) = (incident.scheduled_for, incident.scheduled_until) {
                    " " (time(&site.clock, from)) " – " (time(&site.clock, to))
                } @else if let Some(from) = incident.scheduled_for {
                    " From " (time(&site.clock, from))
                }
            }
            @if list.is_empty() {
                @if let Some(body) = &incident.body { p.body { (body) } }
            }
            (updates(&site.clock, list))
        }
    }
}

/// A component's line: name, state, description and, when showcased, its bar.
fn component(component: &status_page_components::Model, bar: Option<&Bar>) -> Markup {
    html! {
        div.row {
            h3 { (component.name) }
            (state(Level::of_component(component.status), view::component_label(component.status)))
        }
        @if let Some(description) = &component.description { p.desc { (description) } }
        @if let Some(bar) = bar.filter(|_| component.showcase) { (uptime_bar(&component.name, bar)) }
    }
}

fn uptime_bar(name: &str, bar: &Bar) -> Markup {
    html! {
        ol.bar aria-label=(format!("{name}: uptime over the last {} days", view::BAR_DAYS)) {
            @for day in &bar.days {
                li class=(day.level.class()) tabindex="0" {
                    span.tip {
                        b { (Clock::date(day.date)) }
                        @match day.uptime {
                            Some(uptime) => { (view::percent(uptime)) " uptime" }
                            None => { "No data" }
                        }
                        @if day.incidents.is_empty() {
                            br; "No incidents"
                        }
                        @for incident in &day.incidents { br; "Incident: " (incident.name) }
                    }
                }
            }
        }
        p.axis {
            span { span.long { (view::BAR_DAYS) " days ago" } span.short { "30 days ago" } }
            span { @match bar.uptime { Some(u) => { (view::percent(u)) " uptime" } None => { "No data yet" } } }
            span { "Today" }
        }
    }
}

fn components(items: &[Item<'_>], bars: &HashMap<Uuid, Bar>) -> Markup {
    html! {
        ul.components {
            @for item in items {
                li {
                    @match item {
                        Item::Single(c) => { (component(c, bars.get(&c.id))) }
                        Item::Group { name, members, .. } => {
                            details.group open {
                                summary { span.row { strong { (name) } (state(item.level(), group_label(item.level()))) } }
                                ul { @for c in members { li { (component(c, bars.get(&c.id))) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn group_label(level: Level) -> &'static str {
    match level {
        Level::Operational => view::component_label(ComponentStatus::Operational),
        Level::Maintenance => view::component_label(ComponentStatus::UnderMaintenance),
        Level::Degraded => view::component_label(ComponentStatus::DegradedPerformance),
        Level::Partial => view::component_label(ComponentStatus::PartialOutage),
        Level::Major => view::component_label(ComponentStatus::MajorOutage),
    }
}

/// What the front page shows.
pub struct Index<'a> {
    pub level: Level,
    pub items: Vec<Item<'a>>,
    pub bars: HashMap<Uuid, Bar>,
    pub incidents: &'a Incidents,
}

/// Days of past incidents on the front page.
const PAST_DAYS: i64 = 7;

/// The front page.
pub fn index(site: &Site<'_>, index: &Index<'_>) -> Document {
    let page = site.page;
    let rows = &index.incidents.rows;
    let active: Vec<_> = rows
        .iter()
        .filter(|i| !view::is_maintenance(i) && view::is_open(i))
        .collect();
    let running: Vec<_> = rows
        .iter()
        .filter(|i| view::is_active_maintenance(i))
        .collect();
    let mut upcoming: Vec<_> = rows
        .iter()
        .filter(|i| view::is_upcoming_maintenance(i))
        .collect();
    upcoming.sort_by_key(|i| i.scheduled_for);
    let main = html! {
        @if has_image(site, ImageKind::Hero) { img.hero src=(site.link(&image_path("hero"))) alt=""; }
        h1 { (page.name) }
        @if let Some(headline) = &page.headline { p.lede { (headline) } }
        @if let Some(description) = &page.page_description { p.muted { (description) } }
        section class=(format!("banner {}", index.level.class())) aria-labelledby="overall" {
            span class=(format!("dot {}", index.level.class())) aria-hidden="true" {}
            h2 #overall { (index.level.description()) }
        }
        @if !active.is_empty() {
            section aria-labelledby="active" {
                h2 #active { "Active incidents" }
                @for incident in &active { (card(site, index.incidents, incident)) }
            }
        }
        @if !running.is_empty() {
            section aria-labelledby="maintenance" {
                h2 #maintenance { "Maintenance in progress" }
                @for incident in &running { (card(site, index.incidents, incident)) }
            }
        }
        @if !index.items.is_empty() {
            section aria-labelledby="components" {
                h2 #components { "Components" }
                (components(&index.items, &index.bars))
            }
        }
        @if !upcoming.is_empty() {
            section aria-labelledby="scheduled" {
                h2 #scheduled { "Scheduled maintenance" }
                @for incident in &upcoming { (card(site, index.incidents, incident)) }
            }
        }
        (past(site, index.incidents))
    };
    layout(site, &format!("{} status", page.name), main)
}

/// The last days' closed incidents, day by day in the page's time zone.
fn past(site: &Site<'_>, incidents: &Incidents) -> Markup {
    let today = site.clock.local_date(site.clock.now);
    let days: Vec<NaiveDate> = (0..PAST_DAYS)
        .filter_map(|n| today.checked_sub_days(chrono::Days::new(n as u64)))
        .collect();
    let on = |day: NaiveDate| -> Vec<&incidents::Model> {
        incidents
            .rows
            .iter()
            .filter(|i| !view::is_open(i) && site.clock.local_date(read::started_at(i)) == day)
            .collect()
    };
    html! {
        section aria-labelledby="past" {
            h2 #past { "Past incidents" }
            @for day in days {
                div.day {
                    h3 { (Clock::date(day)) }
                    @let list = on(day);
                    @if list.is_empty() { p.muted { "No incidents reported." } }
                    @for incident in list {
                        p {
                            a href=(site.link(&format!("/incidents/{}", incident.id))) { (incident.name) }
                            " " span.tag { (view::status_label(incident.status)) }
                        }
                    }
                }
            }
            p { a href=(site.link("/history")) { "Incident history" } }
        }
    }
}

/// A month of the history: its title and incidents, newest first.
pub struct Month<'a> {
    pub title: String,
    pub incidents: Vec<&'a incidents::Model>,
}

/// The history page `number` (1 is the newest).
pub fn history(site: &Site<'_>, months: &[Month<'_>], number: u32, older: bool) -> Document {
    let main = html! {
        p { a href=(site.link("")) { "Current status" } }
        h1 { "Incident history" }
        @for (n, month) in months.iter().enumerate() {
            section aria-labelledby=(format!("month-{n}")) {
                h2 id=(format!("month-{n}")) { (month.title) }
                @if month.incidents.is_empty() { p.muted { "No incidents reported this month." } }
                @for incident in &month.incidents {
                    div.card {
                        h3 { a href=(site.link(&format!("/incidents/{}", incident.id))) { (incident.name) } }
                        p.muted {
                            span.tag { (view::status_label(incident.status)) }
                            " " (time(&site.clock, read::started_at(incident)))
                            @if let Some(end) = incident.resolved_at { " – " (time(&site.clock, end)) }
                        }
                    }
                }
            }
        }
        nav.pages aria-label="History pages" { ul {
            li { @if number > 1 { a href=(site.link(&format!("/history?page={}", number - 1))) { "Newer incidents" } } }
            li { @if older { a href=(site.link(&format!("/history?page={}", number + 1))) { "Older incidents" } } }
        } }
    };
    layout(
        site,
        &format!("Incident history - {}", site.page.name),
        main,
    )
}

/// One incident with its updates, affected components and published postmortem.
pub fn incident(
    site: &Site<'_>,
    incidents: &Incidents,
    components: &[status_page_components::Model],
    postmortem: Option<(String, DateTime<Utc>)>,
) -> Option<Document> {
    let incident = incidents.rows.first()?;
    let names: HashMap<Uuid, &str> = components.iter().map(|c| (c.id, c.name.as_str())).collect();
    let affected: Vec<&str> = incidents
        .affected
        .get(&incident.id)
        .into_iter()
        .flatten()
        .filter_map(|a| names.get(&a.component_id).copied())
        .collect();
    let empty = Vec::new();
    let list = incidents.updates.get(&incident.id).unwrap_or(&empty);
    let main = html! {
        p { a href=(site.link("")) { "Current status" } }
        h1 { (incident.name) }
        p.muted {
            span.tag { (view::status_label(incident.status)) }
            @if !view::is_maintenance(incident) {
                " " span.tag { "Impact: " (view::impact_label(view::impact(incident))) }
            }
        }
        @if let Some(from) = incident.scheduled_for {
            p { "Scheduled for " (time(&site.clock, from))
                @if let Some(to) = incident.scheduled_until { " until " (time(&site.clock, to)) } "." }
        }
        @if incident.status == incidents::IncidentStatus::Resolved {
            p { "This incident has been resolved." }
        }
        @if takes_subscribers(site.page) && site.page.allow_incident_subscribers
            && !crate::status_page::incident::is_closed(incident.status) {
            p { a href=(site.link(&format!("/subscribe?incident={}", incident.id))) { "Subscribe to updates of this incident" } }
        }
        @if !affected.is_empty() {
            p { "Affected components: " (affected.join(", ")) }
        }
        @if list.is_empty() {
            @if let Some(body) = &incident.body { p.body { (body) } }
        } @else {
            section aria-labelledby="updates" {
                h2 #updates { "Updates" }
                (updates(&site.clock, list))
            }
        }
        @if let Some((body, published)) = &postmortem {
            section.postmortem aria-labelledby="postmortem" {
                h2 #postmortem { "Postmortem" }
                p.muted { "Published " (time(&site.clock, *published)) }
                div { (PreEscaped(body)) }
            }
        }
    };
    Some(layout(
        site,
        &format!("{} - {}", incident.name, site.page.name),
        main,
    ))
}

/// The one answer for anything not served: unknown, unpublished and archived pages, domains
/// not verified, incidents and components of other pages. It names nothing.
pub const NOT_FOUND: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Page not found</title></head><body><main><h1>Page not found</h1>\
<p>There is no status page here.</p></main></body></html>";
