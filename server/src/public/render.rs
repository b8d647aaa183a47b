//! One function per route: read what it shows (`read`), derive (`view`), write the body
//! (`html`, `json`, `feed`, `ical`, `badge`) with the headers of its kind. `None` is the
//! module's one 404.

use std::collections::HashMap;

use axum::http::{HeaderName, HeaderValue, header};
use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use serde_json::{Value, json};

use super::cache::Rendered;
use super::read::{self, Window};
use super::route::{Api, ComponentBadge, ImageKind, MAX_HISTORY_PAGE, Route};
use super::view::{self, Level};
use super::{Site, badge, feed, html, ical, markdown};
use crate::error::AppResult;
use crate::state::AppState;

/// The body of `route` on `site`.
pub async fn render(
    state: &AppState,
    site: &Site<'_>,
    route: &Route,
) -> AppResult<Option<Rendered>> {
    let rendered = match route {
        Route::Index => Some(index(state, site).await?),
        Route::History(n) => history(state, site, *n).await?,
        Route::Incident(id) => incident(state, site, *id).await?,
        Route::Image(kind) => image(state, site, *kind).await?,
        Route::Api(api) => Some(api_document(state, site, *api).await?),
        Route::Rss | Route::Atom => Some(feed(state, site, route == &Route::Rss).await?),
        Route::Calendar => Some(calendar(state, site).await?),
        Route::Badge => Some(page_badge(state, site).await?),
        Route::Component(id, kind) => component_badge(state, site, *id, *kind).await?,
        // Redirects are answered before the cache (see `Public::serve`).
        Route::Shortlink(_) => None,
    };
    Ok(rendered.map(|r| {
        if site.page.hidden_from_search {
            r.with(
                HeaderName::from_static("x-robots-tag"),
                HeaderValue::from_static("noindex"),
            )
        } else {
            r
        }
    }))
}

fn document(doc: html::Document) -> Rendered {
    let csp = HeaderValue::from_str(&doc.csp)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    Rendered::ok("text/html; charset=utf-8", doc.html)
        .with(header::CONTENT_SECURITY_POLICY, csp)
        .with(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))
        .with(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        )
}

/// Public, read-only data that any site may read (`Access-Control-Allow-Origin: *`).
fn shared(content_type: &'static str, body: String) -> Rendered {
    Rendered::ok(content_type, body)
        .with(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        )
        .with(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; sandbox"),
        )
}

/// Components, the daily figures of their monitors when `daily`, and current incidents.
struct Overview {
    components: read::Components,
    daily: HashMap<uuid::Uuid, Vec<read::Daily>>,
    incidents: read::Incidents,
}

async fn overview(state: &AppState, site: &Site<'_>, daily: bool) -> AppResult<Overview> {
    let now = site.clock.now;
    let components = read::components(&state.db, site.page.id).await?;
    let daily = if daily {
        read::daily(&state.db, &components, view::BAR_DAYS, now).await?
    } else {
        HashMap::new()
    };
    let since = now - Duration::days(view::BAR_DAYS);
    let incidents = read::incidents(&state.db, site.page.id, Window::Current { since }).await?;
    Ok(Overview {
        components,
        daily,
        incidents,
    })
}

async fn index(state: &AppState, site: &Site<'_>) -> AppResult<Rendered> {
    let data = overview(state, site, true).await?;
    let rows = &data.components.rows;
    let bars = rows
        .iter()
        .filter(|c| c.showcase && view::visible(c))
        .map(|c| {
            let bar = view::bar(
                c,
                &data.components,
                &data.daily,
                &data.incidents,
                site.clock.now,
            );
            (c.id, bar)
        })
        .collect();
    let index = html::Index {
        level: view::overall(rows, &data.incidents),
        items: view::layout(site.page.id, rows, true),
        bars,
        incidents: &data.incidents,
    };
    Ok(document(html::index(site, &index)))
}

/// History pages hold three months each, in the page's time zone.
const MONTHS_PER_PAGE: u32 = 3;

/// The first instant of month `month` (0-based from year 0) in the page's zone.
fn month_start(site: &Site<'_>, month: i32) -> Option<chrono::DateTime<chrono::Utc>> {
    let date = NaiveDate::from_ymd_opt(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1)?;
    let local = site
        .clock
        .tz
        .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
        .earliest()?;
    Some(local.with_timezone(&chrono::Utc))
}

async fn history(state: &AppState, site: &Site<'_>, number: u32) -> AppResult<Option<Rendered>> {
    let months_of = |t: chrono::DateTime<chrono::Utc>| {
        let local = t.with_timezone(&site.clock.tz);
        local.year() * 12 + local.month0() as i32
    };
    let newest = months_of(site.clock.now) - ((number - 1) * MONTHS_PER_PAGE) as i32;
    let oldest = newest - MONTHS_PER_PAGE as i32 + 1;
    let first_month = months_of(site.page.created_at);
    if number > 1 && newest < first_month {
        return Ok(None);
    }
    let (Some(from), Some(to)) = (month_start(site, oldest), month_start(site, newest + 1)) else {
        return Ok(None);
    };
    let found = read::incidents(&state.db, site.page.id, Window::Started { from, to }).await?;
    let months: Vec<html::Month<'_>> = (oldest.max(first_month)..=newest)
        .rev()
        .map(|m| html::Month {
            title: month_start(site, m)
                .map(|t| t.with_timezone(&site.clock.tz).format("%B %Y").to_string())
                .unwrap_or_default(),
            incidents: found
                .rows
                .iter()
                .filter(|i| months_of(read::started_at(i)) == m)
                .collect(),
        })
        .collect();
    let older = oldest > first_month && number < MAX_HISTORY_PAGE;
    Ok(Some(document(html::history(site, &months, number, older))))
}

async fn incident(
    state: &AppState,
    site: &Site<'_>,
    id: uuid::Uuid,
) -> AppResult<Option<Rendered>> {
    let Some((found, postmortem)) =
        read::incident(&state.db, site.page.id, id, site.clock.now).await?
    else {
        return Ok(None);
    };
    let components = read::components(&state.db, site.page.id).await?;
    let postmortem = postmortem.and_then(|p| Some((markdown::render(&p.body), p.published_at?)));
    Ok(html::incident(site, &found, &components.rows, postmortem).map(document))
}

/// Raster images only: an SVG may carry script. Content types by the key's extension.
pub fn image_type(key: &str) -> Option<&'static str> {
    let ext = key.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        _ => return None,
    })
}

/// The storage key of a page's image, if it lies under the page's own prefix: a key naming
/// anything else (another tenant's run artifacts) is not served.
pub fn image_key(site: &Site<'_>, kind: ImageKind) -> Option<String> {
    let page = site.page;
    let key = match kind {
        ImageKind::Favicon => &page.favicon_logo,
        ImageKind::Logo => &page.transactional_logo,
        ImageKind::Hero => &page.hero_cover,
        ImageKind::EmailLogo => &page.email_logo,
        ImageKind::TwitterLogo => &page.twitter_logo,
    }
    .as_deref()?;
    let key = crate::storage::check_key(key)?;
    key.starts_with(&super::image_prefix(page.id))
        .then(|| key.to_owned())
}

/// Whether the page has an image of `kind` that may be served (links to it are shown).
pub fn has_image(site: &Site<'_>, kind: ImageKind) -> bool {
    image_key(site, kind).is_some_and(|key| image_type(&key).is_some())
}

async fn image(state: &AppState, site: &Site<'_>, kind: ImageKind) -> AppResult<Option<Rendered>> {
    let Some(key) = image_key(site, kind) else {
        return Ok(None);
    };
    let Some(content_type) = image_type(&key) else {
        return Ok(None);
    };
    let Some(object) = state.storage.get(&key).await? else {
        return Ok(None);
    };
    Ok(Some(
        Rendered::ok(content_type, object.bytes).max_age(300).with(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; sandbox"),
        ),
    ))
}

/// The newest `updated_at` of what a document shows.
fn updated(data: &Overview) -> chrono::DateTime<chrono::Utc> {
    let components = data.components.rows.iter().map(|c| c.updated_at);
    let incidents = data.incidents.rows.iter().map(|i| i.updated_at);
    components.chain(incidents).max().unwrap_or_default()
}

async fn api_document(state: &AppState, site: &Site<'_>, api: Api) -> AppResult<Rendered> {
    let body = match api {
        Api::Incidents | Api::Maintenances => {
            let maintenance = (api == Api::Maintenances).then_some(true);
            let window = Window::Latest {
                limit: 50,
                maintenance,
            };
            let found = read::incidents(&state.db, site.page.id, window).await?;
            let components = read::components(&state.db, site.page.id).await?;
            let updated = found
                .rows
                .iter()
                .map(|i| i.updated_at)
                .max()
                .unwrap_or_default();
            let list = super::json::incidents(site, found.rows.iter(), &found, &components.rows);
            let name = if api == Api::Incidents {
                "incidents"
            } else {
                "scheduled_maintenances"
            };
            json!({ "page": super::json::page(site, updated), name: list })
        }
        _ => overview_document(site, api, &overview(state, site, false).await?),
    };
    Ok(shared("application/json", body.to_string()))
}

fn overview_document(site: &Site<'_>, api: Api, data: &Overview) -> Value {
    use super::json as j;
    let rows = &data.components.rows;
    let found = &data.incidents;
    let page = j::page(site, updated(data));
    let unresolved = || {
        found
            .rows
            .iter()
            .filter(|i| !view::is_maintenance(i) && view::is_open(i))
    };
    let active = || found.rows.iter().filter(|i| view::is_active_maintenance(i));
    let upcoming = || {
        found
            .rows
            .iter()
            .filter(|i| view::is_upcoming_maintenance(i))
    };
    let status = || j::status(view::overall(rows, found));
    match api {
        Api::Status => json!({ "page": page, "status": status() }),
        Api::Components => json!({ "page": page, "components": j::components(site, rows) }),
        Api::Unresolved => {
            json!({ "page": page, "incidents": j::incidents(site, unresolved(), found, rows) })
        }
        Api::UpcomingMaintenances => {
            json!({ "page": page, "scheduled_maintenances": j::incidents(site, upcoming(), found, rows) })
        }
        Api::ActiveMaintenances => {
            json!({ "page": page, "scheduled_maintenances": j::incidents(site, active(), found, rows) })
        }
        _ => json!({
            "page": page,
            "components": j::components(site, rows),
            "incidents": j::incidents(site, unresolved(), found, rows),
            "scheduled_maintenances": j::incidents(site, active().chain(upcoming()), found, rows),
            "status": status(),
        }),
    }
}

async fn feed(state: &AppState, site: &Site<'_>, rss: bool) -> AppResult<Rendered> {
    let window = Window::Latest {
        limit: 50,
        maintenance: None,
    };
    let found = read::incidents(&state.db, site.page.id, window).await?;
    let entries = found
        .rows
        .iter()
        .map(|incident| feed::Entry {
            incident,
            updates: found.updates.get(&incident.id).map_or(&[], Vec::as_slice),
        })
        .collect();
    let feed = feed::Feed {
        name: &site.page.name,
        url: &site.canonical,
        entries,
        clock: site.clock,
    };
    Ok(if rss {
        shared("application/rss+xml; charset=utf-8", feed::rss(&feed))
    } else {
        shared("application/atom+xml; charset=utf-8", feed::atom(&feed))
    })
}

async fn calendar(state: &AppState, site: &Site<'_>) -> AppResult<Rendered> {
    let window = Window::Latest {
        limit: 200,
        maintenance: Some(true),
    };
    let found = read::incidents(&state.db, site.page.id, window).await?;
    let events: Vec<ical::Event<'_>> = found
        .rows
        .iter()
        .map(|incident| ical::Event {
            incident,
            latest: found
                .updates
                .get(&incident.id)
                .and_then(|u| u.first())
                .map(|u| u.body.as_str()),
            url: site.absolute(&format!("/incidents/{}", incident.id)),
        })
        .collect();
    let host = site.host();
    let body = ical::calendar(&site.page.name, &host, &events, site.clock.now);
    Ok(shared("text/calendar; charset=utf-8", body))
}

fn svg(body: String) -> Rendered {
    Rendered::ok("image/svg+xml", body).with(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    )
}

fn level_colour(level: Level) -> &'static str {
    match level {
        Level::Operational => badge::colour::GREEN,
        Level::Maintenance => badge::colour::BLUE,
        Level::Degraded => badge::colour::YELLOW,
        Level::Partial => badge::colour::ORANGE,
        Level::Major => badge::colour::RED,
    }
}

async fn page_badge(state: &AppState, site: &Site<'_>) -> AppResult<Rendered> {
    let data = overview(state, site, false).await?;
    let level = view::overall(&data.components.rows, &data.incidents);
    let value = match level {
        Level::Operational => "operational",
        Level::Maintenance => "maintenance",
        Level::Degraded => "degraded",
        Level::Partial => "partial outage",
        Level::Major => "major outage",
    };
    Ok(svg(badge::svg(&site.page.name, value, level_colour(level))))
}

async fn component_badge(
    state: &AppState,
    site: &Site<'_>,
    id: uuid::Uuid,
    kind: ComponentBadge,
) -> AppResult<Option<Rendered>> {
    let data = overview(state, site, kind == ComponentBadge::Uptime).await?;
    // Only a component of this page: another page's id is the same 404 as none.
    let Some(component) = data.components.rows.iter().find(|c| c.id == id) else {
        return Ok(None);
    };
    let body = match kind {
        ComponentBadge::Status => {
            let level = Level::of_component(component.status);
            let label = view::component_label(component.status).to_lowercase();
            badge::svg(&component.name, &label, level_colour(level))
        }
        ComponentBadge::Uptime => {
            let bar = view::bar(
                component,
                &data.components,
                &data.daily,
                &data.incidents,
                site.clock.now,
            );
            let (value, colour) = match bar.uptime {
                Some(u) if u >= 99.9 => (view::percent(u), badge::colour::GREEN),
                Some(u) if u >= 99.0 => (view::percent(u), badge::colour::YELLOW),
                Some(u) if u >= 95.0 => (view::percent(u), badge::colour::ORANGE),
                Some(u) => (view::percent(u), badge::colour::RED),
                None => ("no data".to_owned(), badge::colour::GREY),
            };
            badge::svg(&format!("{} uptime", component.name), &value, colour)
        }
    };
    Ok(Some(svg(body)))
}
