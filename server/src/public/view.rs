//! What a page shows, derived from what `read` found: the overall status, components in their
//! groups, the 90-day uptime bars, and which incidents are open. Pure functions, shared by the
//! HTML, the JSON, the feeds and the badges.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use entity::incidents::{self, IncidentImpact, IncidentStatus};
use entity::status_page_components::{self, ComponentStatus};
use entity::status_pages;
use sea_orm::ActiveEnum;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::read::{self, Components, Daily, Incidents};
use crate::monitor::aggregate;

/// Days of history in an uptime bar.
pub const BAR_DAYS: i64 = 90;

/// The state of the whole page (the banner), or of a component or group, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Operational,
    Maintenance,
    Degraded,
    Partial,
    Major,
}

impl Level {
    pub fn of_component(status: ComponentStatus) -> Self {
        match status {
            ComponentStatus::Operational => Level::Operational,
            ComponentStatus::UnderMaintenance => Level::Maintenance,
            ComponentStatus::DegradedPerformance => Level::Degraded,
            ComponentStatus::PartialOutage => Level::Partial,
            ComponentStatus::MajorOutage => Level::Major,
        }
    }

    pub fn of_impact(impact: IncidentImpact) -> Self {
        match impact {
            IncidentImpact::None => Level::Operational,
            IncidentImpact::Minor => Level::Degraded,
            IncidentImpact::Major => Level::Partial,
            IncidentImpact::Critical => Level::Major,
        }
    }

    /// Statuspage's `status.indicator`.
    pub fn indicator(self) -> &'static str {
        match self {
            Level::Operational => "none",
            Level::Maintenance => "maintenance",
            Level::Degraded => "minor",
            Level::Partial => "major",
            Level::Major => "critical",
        }
    }

    /// Statuspage's `status.description`, also the banner.
    pub fn description(self) -> &'static str {
        match self {
            Level::Operational => "All Systems Operational",
            Level::Maintenance => "Service Under Maintenance",
            Level::Degraded => "Degraded Performance",
            Level::Partial => "Partial System Outage",
            Level::Major => "Major System Outage",
        }
    }

    /// The CSS class of the level's colour.
    pub fn class(self) -> &'static str {
        match self {
            Level::Operational => "op",
            Level::Maintenance => "mt",
            Level::Degraded => "dg",
            Level::Partial => "po",
            Level::Major => "mo",
        }
    }
}

/// A component status for people.
pub fn component_label(status: ComponentStatus) -> &'static str {
    match status {
        ComponentStatus::Operational => "Operational",
        ComponentStatus::DegradedPerformance => "Degraded performance",
        ComponentStatus::PartialOutage => "Partial outage",
        ComponentStatus::MajorOutage => "Major outage",
        ComponentStatus::UnderMaintenance => "Under maintenance",
    }
}

/// An incident or maintenance status for people.
pub fn status_label(status: IncidentStatus) -> &'static str {
    match status {
        IncidentStatus::Investigating => "Investigating",
        IncidentStatus::Identified => "Identified",
        IncidentStatus::Monitoring => "Monitoring",
        IncidentStatus::Resolved => "Resolved",
        IncidentStatus::Scheduled => "Scheduled",
        IncidentStatus::InProgress => "In progress",
        IncidentStatus::Verifying => "Verifying",
        IncidentStatus::Completed => "Completed",
    }
}

pub fn impact_label(impact: IncidentImpact) -> &'static str {
    match impact {
        IncidentImpact::None => "No impact",
        IncidentImpact::Minor => "Minor",
        IncidentImpact::Major => "Major",
        IncidentImpact::Critical => "Critical",
    }
}

/// The database spelling of an enum value (`major_outage`): what Statuspage's JSON uses.
pub fn snake<E: ActiveEnum<Value = String>>(value: &E) -> String {
    value.to_value()
}

/// The impact shown: the one set by hand, else the derived one.
pub fn impact(incident: &incidents::Model) -> IncidentImpact {
    incident.impact_override.unwrap_or(incident.impact)
}

pub fn is_maintenance(incident: &incidents::Model) -> bool {
    incident.scheduled_for.is_some()
}

pub fn is_open(incident: &incidents::Model) -> bool {
    !read::CLOSED.contains(&incident.status)
}

/// A maintenance under way.
pub fn is_active_maintenance(incident: &incidents::Model) -> bool {
    is_maintenance(incident)
        && matches!(
            incident.status,
            IncidentStatus::InProgress | IncidentStatus::Verifying
        )
}

pub fn is_upcoming_maintenance(incident: &incidents::Model) -> bool {
    is_maintenance(incident) && incident.status == IncidentStatus::Scheduled
}

/// The state of the page: its worst component, open incidents by impact, and maintenance
/// under way.
pub fn overall(components: &[status_page_components::Model], incidents: &Incidents) -> Level {
    let from_components = components.iter().map(|c| Level::of_component(c.status));
    let from_incidents = incidents.rows.iter().filter_map(|i| {
        if is_active_maintenance(i) {
            Some(Level::Maintenance)
        } else if !is_maintenance(i) && is_open(i) {
            Some(Level::of_impact(impact(i)))
        } else {
            None
        }
    });
    from_components
        .chain(from_incidents)
        .max()
        .unwrap_or(Level::Operational)
}

/// Whether a component is shown: one that only shows when degraded is hidden while it is
/// operational.
pub fn visible(component: &status_page_components::Model) -> bool {
    !(component.only_show_if_degraded && component.status == ComponentStatus::Operational)
}

/// A line of the components list: a component alone, or a group with its members.
#[derive(Debug)]
pub enum Item<'a> {
    Single(&'a status_page_components::Model),
    Group {
        id: Uuid,
        name: &'a str,
        members: Vec<&'a status_page_components::Model>,
    },
}

impl Item<'_> {
    /// The worst status of the line.
    pub fn level(&self) -> Level {
        match self {
            Item::Single(c) => Level::of_component(c.status),
            Item::Group { members, .. } => members
                .iter()
                .map(|c| Level::of_component(c.status))
                .max()
                .unwrap_or(Level::Operational),
        }
    }
}

/// A stable id for a group (groups are names, not rows): Statuspage's JSON gives groups ids.
pub fn group_id(page_id: Uuid, name: &str) -> Uuid {
    let digest = Sha256::new()
        .chain_update(page_id.as_bytes())
        .chain_update(name.as_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// Components in position order, a group at the place of its first member; `only_visible`
/// leaves out hidden components (and groups left empty).
pub fn layout(
    page_id: Uuid,
    components: &[status_page_components::Model],
    only_visible: bool,
) -> Vec<Item<'_>> {
    let mut items: Vec<Item<'_>> = Vec::new();
    let mut groups: HashMap<&str, usize> = HashMap::new();
    for component in components {
        if only_visible && !visible(component) {
            continue;
        }
        match component
            .group_name
            .as_deref()
            .filter(|g| !g.trim().is_empty())
        {
            None => items.push(Item::Single(component)),
            Some(name) => match groups.get(name) {
                Some(&at) => {
                    if let Some(Item::Group { members, .. }) = items.get_mut(at) {
                        members.push(component);
                    }
                }
                None => {
                    groups.insert(name, items.len());
                    items.push(Item::Group {
                        id: group_id(page_id, name),
                        name,
                        members: vec![component],
                    });
                }
            },
        }
    }
    items
}

/// How a day of an uptime bar looks, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DayLevel {
    NoData,
    Ok,
    Minor,
    Partial,
    Major,
}

impl DayLevel {
    fn of_uptime(uptime: f64) -> Self {
        if uptime >= 99.9 {
            DayLevel::Ok
        } else if uptime >= 99.0 {
            DayLevel::Minor
        } else if uptime >= 95.0 {
            DayLevel::Partial
        } else {
            DayLevel::Major
        }
    }

    fn of_impact(impact: IncidentImpact) -> Self {
        match impact {
            IncidentImpact::None => DayLevel::NoData,
            IncidentImpact::Minor => DayLevel::Minor,
            IncidentImpact::Major => DayLevel::Partial,
            IncidentImpact::Critical => DayLevel::Major,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            DayLevel::NoData => "d0",
            DayLevel::Ok => "d1",
            DayLevel::Minor => "d2",
            DayLevel::Partial => "d3",
            DayLevel::Major => "d4",
        }
    }
}

/// An incident on a day of a bar.
#[derive(Debug, Clone)]
pub struct DayIncident {
    pub id: Uuid,
    pub name: String,
}

/// One day of an uptime bar.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: NaiveDate,
    pub uptime: Option<f64>,
    pub level: DayLevel,
    pub incidents: Vec<DayIncident>,
}

/// A component's bar: a day per day of the last [`BAR_DAYS`], oldest first, and the uptime
/// over the days that have data.
#[derive(Debug, Clone)]
pub struct Bar {
    pub days: Vec<Day>,
    pub uptime: Option<f64>,
}

/// The bar of `component`: each day's uptime is the mean of its linked monitors' (by their
/// weights), coloured by the worse of that uptime and the impact of the incidents that
/// affected the component that day; days before the component's start date have no data.
pub fn bar(
    component: &status_page_components::Model,
    components: &Components,
    daily: &HashMap<Uuid, Vec<Daily>>,
    incidents: &Incidents,
    now: DateTime<Utc>,
) -> Bar {
    let first = aggregate::day_start(now) - Duration::days(BAR_DAYS - 1);
    let start = component.start_date.map(aggregate::day_start);
    let index = |t: DateTime<Utc>| ((aggregate::day_start(t) - first).num_days()) as usize;
    // (weighted sum of uptimes, sum of weights) per day.
    let mut sums = vec![(0.0_f64, 0.0_f64); BAR_DAYS as usize];
    for link in components.links.get(&component.id).into_iter().flatten() {
        let weight = f64::from(link.weight.max(1));
        for (day, checks, uptime) in daily.get(&link.monitor_id).into_iter().flatten() {
            let at = index(*day);
            if *checks > 0 && *day >= first && at < sums.len() {
                sums[at].0 += uptime * weight;
                sums[at].1 += weight;
            }
        }
    }
    let mut days: Vec<Day> = sums
        .iter()
        .enumerate()
        .map(|(i, (sum, weight))| {
            let day = first + Duration::days(i as i64);
            let uptime = (*weight > 0.0 && start.is_none_or(|s| day >= s)).then(|| sum / weight);
            Day {
                date: day.date_naive(),
                uptime,
                level: uptime.map_or(DayLevel::NoData, DayLevel::of_uptime),
                incidents: Vec::new(),
            }
        })
        .collect();
    for incident in &incidents.rows {
        let affects = incidents
            .affected
            .get(&incident.id)
            .is_some_and(|a| a.iter().any(|a| a.component_id == component.id));
        if !affects || is_maintenance(incident) {
            continue;
        }
        let from = read::started_at(incident).max(first);
        let to = incident.resolved_at.unwrap_or(now).min(now);
        if to < from {
            continue;
        }
        for at in index(from)..=index(to).min(days.len().saturating_sub(1)) {
            if let Some(day) = days.get_mut(at) {
                day.level = day.level.max(DayLevel::of_impact(impact(incident)));
                day.incidents.push(DayIncident {
                    id: incident.id,
                    name: incident.name.clone(),
                });
            }
        }
    }
    let known: Vec<f64> = days.iter().filter_map(|d| d.uptime).collect();
    let uptime = (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64);
    Bar { days, uptime }
}

/// An uptime for people: `99.95%`, `100%`.
pub fn percent(uptime: f64) -> String {
    let text = format!("{:.2}", (uptime * 100.0).floor() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

/// The page's time zone (UTC when unset or unknown) and the time of the render.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub tz: Tz,
    pub now: DateTime<Utc>,
}

impl Clock {
    pub fn of(page: &status_pages::Model, now: DateTime<Utc>) -> Self {
        let tz = page
            .timezone
            .as_deref()
            .and_then(|name| name.parse::<Tz>().ok())
            .unwrap_or(Tz::UTC);
        Self { tz, now }
    }

    /// `May 3, 2026, 14:05 CEST`.
    pub fn time(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.tz)
            .format("%b %-d, %Y, %H:%M %Z")
            .to_string()
    }

    /// `May 3, 2026` for a UTC day.
    pub fn date(date: NaiveDate) -> String {
        date.format("%b %-d, %Y").to_string()
    }

    /// The day `t` falls on in the page's time zone.
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entity::status_page_components::AggregationMethod;

    fn component(
        name: &str,
        group: Option<&str>,
        status: ComponentStatus,
    ) -> status_page_components::Model {
        let now = Utc::now();
        status_page_components::Model {
            id: Uuid::now_v7(),
            status_page_id: Uuid::nil(),
            name: name.into(),
            group_name: group.map(Into::into),
            description: None,
            status,
            showcase: true,
            only_show_if_degraded: false,
            automation_email: None,
            start_date: None,
            position: 0,
            aggregation_method: AggregationMethod::WorstCase,
            failure_threshold: 1,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn groups_sit_at_their_first_member_and_hidden_components_go() {
        let mut quiet = component("Quiet", None, ComponentStatus::Operational);
        quiet.only_show_if_degraded = true;
        let rows = vec![
            component("API", Some("Core"), ComponentStatus::Operational),
            component("Web", None, ComponentStatus::Operational),
            quiet,
            component("DB", Some("Core"), ComponentStatus::MajorOutage),
        ];
        let items = layout(Uuid::nil(), &rows, true);
        assert_eq!(items.len(), 2);
        match &items[0] {
            Item::Group { name, members, .. } => {
                assert_eq!(*name, "Core");
                assert_eq!(members.len(), 2);
            }
            Item::Single(_) => panic!("the group comes first"),
        }
        assert_eq!(items[0].level(), Level::Major);
        assert_eq!(layout(Uuid::nil(), &rows, false).len(), 3);
    }

    #[test]
    fn percentages_round_down_and_drop_zeros() {
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(99.999), "99.99%");
        assert_eq!(percent(99.5), "99.5%");
        assert_eq!(percent(0.0), "0%");
    }

    #[test]
    fn levels_order_and_speak_statuspage() {
        assert!(Level::Major > Level::Partial && Level::Degraded > Level::Maintenance);
        assert_eq!(
            Level::of_impact(IncidentImpact::Critical).indicator(),
            "critical"
        );
        assert_eq!(snake(&ComponentStatus::MajorOutage), "major_outage");
        assert_eq!(group_id(Uuid::nil(), "Core"), group_id(Uuid::nil(), "Core"));
        assert_ne!(group_id(Uuid::nil(), "Core"), group_id(Uuid::nil(), "Edge"));
    }
}
