//! The JSON API in Atlassian Statuspage's public shapes (`/api/v2/…`), so that the tools that
//! read Statuspage pages (dashboards, Slack apps, aggregators) read Vigil's. Component groups
//! are components with `group: true` and the ids of their members, as there.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::incidents;
use entity::status_page_components;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Site;
use super::read::{self, Incidents};
use super::view::{self, Item, Level};

/// `page`: who this is.
pub fn page(site: &Site<'_>, updated_at: DateTime<Utc>) -> Value {
    json!({
        "id": site.page.id,
        "name": site.page.name,
        "url": site.canonical,
        "time_zone": site.clock.tz.name(),
        "updated_at": updated_at.max(site.page.updated_at),
    })
}

/// `status`: the indicator and its sentence.
pub fn status(level: Level) -> Value {
    json!({ "indicator": level.indicator(), "description": level.description() })
}

fn component(site: &Site<'_>, c: &status_page_components::Model, group_id: Option<Uuid>) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "status": view::snake(&c.status),
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "position": c.position,
        "description": c.description,
        "showcase": c.showcase,
        "start_date": c.start_date.map(|d| d.date_naive().to_string()),
        "group_id": group_id,
        "page_id": site.page.id,
        "group": false,
        "only_show_if_degraded": c.only_show_if_degraded,
    })
}

/// Every component in position order, each group before its members.
pub fn components(site: &Site<'_>, rows: &[status_page_components::Model]) -> Vec<Value> {
    let mut out = Vec::new();
    for item in view::layout(site.page.id, rows, false) {
        match &item {
            Item::Single(c) => out.push(component(site, c, None)),
            Item::Group { id, name, members } => {
                let first = members.first();
                out.push(json!({
                    "id": id,
                    "name": name,
                    "status": group_status(item.level()),
                    "created_at": members.iter().map(|c| c.created_at).min(),
                    "updated_at": members.iter().map(|c| c.updated_at).max(),
                    "position": first.map(|c| c.position),
                    "description": null,
                    "showcase": false,
                    "start_date": null,
                    "group_id": null,
                    "page_id": site.page.id,
                    "group": true,
                    "only_show_if_degraded": false,
                    "components": members.iter().map(|c| c.id).collect::<Vec<_>>(),
                }));
                out.extend(members.iter().map(|c| component(site, c, Some(*id))));
            }
        }
    }
    out
}

fn group_status(level: Level) -> &'static str {
    match level {
        Level::Operational => "operational",
        Level::Maintenance => "under_maintenance",
        Level::Degraded => "degraded_performance",
        Level::Partial => "partial_outage",
        Level::Major => "major_outage",
    }
}

/// An incident or maintenance with its updates (newest first) and affected components.
pub fn incident(
    site: &Site<'_>,
    incident: &incidents::Model,
    incidents: &Incidents,
    components: &HashMap<Uuid, &status_page_components::Model>,
) -> Value {
    let affected: Vec<Value> = incidents
        .affected
        .get(&incident.id)
        .into_iter()
        .flatten()
        .filter_map(|a| components.get(&a.component_id))
        .map(|c| component(site, c, None))
        .collect();
    let updates: Vec<Value> = incidents
        .updates
        .get(&incident.id)
        .into_iter()
        .flatten()
        .map(|u| {
            json!({
                "id": u.id,
                "status": view::snake(&u.status),
                "body": u.body,
                "incident_id": incident.id,
                "created_at": u.created_at,
                "updated_at": u.updated_at,
                "display_at": u.display_at.unwrap_or(u.created_at),
                "affected_components": null,
                "deliver_notifications": u.deliver_notifications,
            })
        })
        .collect();
    let impact = if view::is_maintenance(incident) {
        "maintenance".to_owned()
    } else {
        view::snake(&view::impact(incident))
    };
    let mut value = json!({
        "id": incident.id,
        "name": incident.name,
        "status": view::snake(&incident.status),
        "created_at": incident.created_at,
        "updated_at": incident.updated_at,
        "monitoring_at": incident.monitoring_at,
        "resolved_at": incident.resolved_at,
        "impact": impact,
        "shortlink": incident.shortlink.as_ref().map(|code| site.absolute(&format!("/i/{code}"))),
        "started_at": read::started_at(incident),
        "page_id": site.page.id,
        "incident_updates": updates,
        "components": affected,
    });
    if view::is_maintenance(incident) {
        value["scheduled_for"] = json!(incident.scheduled_for);
        value["scheduled_until"] = json!(incident.scheduled_until);
    }
    value
}

/// `incidents` of a list.
pub fn incidents<'a>(
    site: &Site<'_>,
    list: impl Iterator<Item = &'a incidents::Model>,
    incidents: &Incidents,
    rows: &[status_page_components::Model],
) -> Vec<Value> {
    let by_id: HashMap<Uuid, &status_page_components::Model> =
        rows.iter().map(|c| (c.id, c)).collect();
    list.map(|i| incident(site, i, incidents, &by_id)).collect()
}
