//! The live status of status page components: derived from the linked monitors, then
//! overridden by open incidents and maintenance in progress.
//!
//! [`derive`] is the rule, a pure function; [`refresh_page`] applies it to a page's
//! components and writes what changed, in the caller's transaction. The monitor engine calls
//! [`on_monitor_status_changed`] in the transaction that records a monitor's new status, and
//! incidents call [`refresh_page`] after they change, so a component's status is never older
//! than the rows it is derived from. `docs/status-pages.md` tells users the same rule.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use entity::incidents::{self, IncidentStatus};
use entity::monitors::{self, MonitorStatus};
use entity::status_page_components::{self, AggregationMethod, ComponentStatus};
use entity::{incident_components, status_page_component_monitors as links, status_pages};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, Iterable, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait, sea_query::Expr,
};
use uuid::Uuid;

use crate::db::Tx;
use crate::error::AppResult;
use crate::events::Event;

/// One linked monitor as the derivation sees it: its status and its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linked {
    pub status: MonitorStatus,
    /// 1-100; counts only under `WEIGHTED_AVERAGE`.
    pub weight: i32,
}

/// The severity scale statuses are combined on: operational 0, degraded performance 1,
/// partial outage 2, major outage 3.
fn level(level: i64) -> ComponentStatus {
    match level {
        i64::MIN..=0 => ComponentStatus::Operational,
        1 => ComponentStatus::DegradedPerformance,
        2 => ComponentStatus::PartialOutage,
        _ => ComponentStatus::MajorOutage,
    }
}

/// A component's status from its linked monitors.
///
/// Only monitors that are up or down have a say; paused, pending (not checked yet), errored
/// (Vigil could not check) and in-maintenance monitors are left out. With `n` monitors
/// counted, `f` of them down, and the threshold `t = min(failure_threshold, n)` (at least 1;
/// a component with fewer counted monitors than its threshold still leaves operational once
/// all of them are down):
///
/// - no monitor counted: `UNDER_MAINTENANCE` when a linked monitor is in maintenance, else
///   `OPERATIONAL` (nothing to judge by);
/// - `f < t`: `OPERATIONAL` (failures below the threshold are not shown);
/// - otherwise by `method`, on the scale operational 0, degraded performance 1, partial
///   outage 2, major outage 3, where an up monitor is 0 and a down one 3:
///   - `WORST_CASE`: the worst monitor decides: `MAJOR_OUTAGE`;
///   - `BEST_CASE`: the best monitor decides: `MAJOR_OUTAGE` when all are down, else
///     `OPERATIONAL`;
///   - `MAJORITY_VOTE`: the status most monitors share: `MAJOR_OUTAGE` when more than half
///     are down, `PARTIAL_OUTAGE` on a tie, else `OPERATIONAL`;
///   - `WEIGHTED_AVERAGE`: the weighted mean of the monitors' levels, rounded half up: with
///     `s` the down monitors' share of the counted weight, `OPERATIONAL` below 1/6,
///     `DEGRADED_PERFORMANCE` below 1/2, `PARTIAL_OUTAGE` below 5/6, else `MAJOR_OUTAGE`.
pub fn derive(
    method: AggregationMethod,
    failure_threshold: i32,
    monitors: &[Linked],
) -> ComponentStatus {
    let counted: Vec<&Linked> = monitors
        .iter()
        .filter(|m| matches!(m.status, MonitorStatus::Up | MonitorStatus::Down))
        .collect();
    let n = counted.len();
    if n == 0 {
        return if monitors
            .iter()
            .any(|m| m.status == MonitorStatus::Maintenance)
        {
            ComponentStatus::UnderMaintenance
        } else {
            ComponentStatus::Operational
        };
    }
    let down: Vec<&&Linked> = counted
        .iter()
        .filter(|m| m.status == MonitorStatus::Down)
        .collect();
    let f = down.len();
    let threshold = usize::try_from(failure_threshold.max(1))
        .unwrap_or(1)
        .min(n);
    if f < threshold {
        return ComponentStatus::Operational;
    }
    match method {
        AggregationMethod::WorstCase => ComponentStatus::MajorOutage,
        AggregationMethod::BestCase if f == n => ComponentStatus::MajorOutage,
        AggregationMethod::BestCase => ComponentStatus::Operational,
        AggregationMethod::MajorityVote if 2 * f > n => ComponentStatus::MajorOutage,
        AggregationMethod::MajorityVote if 2 * f == n => ComponentStatus::PartialOutage,
        AggregationMethod::MajorityVote => ComponentStatus::Operational,
        AggregationMethod::WeightedAverage => {
            let weight = |m: &&Linked| i64::from(m.weight.clamp(1, 100));
            let total: i64 = counted.iter().map(weight).sum();
            let down: i64 = down.iter().map(|m| weight(m)).sum();
            // round(3 · down / total), halves up, in integers.
            level((6 * down + total) / (2 * total))
        }
    }
}

/// What people said about a component, which wins over what its monitors say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The status the newest open incident naming the component set.
    pub incident: Option<ComponentStatus>,
    /// A maintenance naming the component is in progress.
    pub maintenance: bool,
}

/// The status a component shows: an open incident's word first (a person said so, and an
/// incident during maintenance is news), then maintenance in progress, then the monitors.
pub fn shown(derived: ComponentStatus, overrides: Overrides) -> ComponentStatus {
    match overrides {
        Overrides {
            incident: Some(status),
            ..
        } => status,
        Overrides {
            maintenance: true, ..
        } => ComponentStatus::UnderMaintenance,
        _ => derived,
    }
}

/// Recomputes the status of every component of page `status_page_id` and writes those that
/// changed; publishes `StatusPageUpdated` when one did. Incidents call it after they change
/// an incident or a maintenance. Returns whether a status changed.
pub async fn refresh_page(tx: &Tx, status_page_id: Uuid) -> AppResult<bool> {
    let Some(page) = status_pages::Entity::find_by_id(status_page_id)
        .one(tx.conn())
        .await?
    else {
        return Ok(false);
    };
    let changed = recompute(tx.conn(), status_page_id).await?;
    if changed {
        tx.publish(Event::StatusPageUpdated {
            status_page_id,
            project_id: page.project_id,
        })
        .await?;
    }
    Ok(changed)
}

/// After a change of an incident, a maintenance or a postmortem of page `status_page_id`:
/// recomputes its components and publishes `StatusPageUpdated` whether or not a component
/// changed, since the change itself shows on the public page.
pub async fn incident_changed(tx: &Tx, status_page_id: Uuid) -> AppResult<()> {
    let Some(page) = status_pages::Entity::find_by_id(status_page_id)
        .one(tx.conn())
        .await?
    else {
        return Ok(());
    };
    recompute(tx.conn(), status_page_id).await?;
    super::published_change(tx, &page).await
}

/// Recomputes the pages whose components watch `monitor_id`, after its status changed (the
/// monitor engine calls it in the transaction that records the change).
pub async fn on_monitor_status_changed(tx: &Tx, monitor_id: Uuid) -> AppResult<()> {
    // Pages, then components, in id order: replicas recording other monitors of the same
    // pages lock the rows in the same order and wait for each other instead of deadlocking.
    for page in pages_watching(tx.conn(), monitor_id).await? {
        refresh_page(tx, page).await?;
    }
    Ok(())
}

/// The pages with a component that watches `monitor_id`, in id order.
pub async fn pages_watching(db: &impl ConnectionTrait, monitor_id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(status_page_components::Entity::find()
        .select_only()
        .column(status_page_components::Column::StatusPageId)
        .distinct()
        .join(
            sea_orm::JoinType::InnerJoin,
            status_page_components::Relation::ComponentMonitors.def(),
        )
        .filter(links::Column::MonitorId.eq(monitor_id))
        .order_by_asc(status_page_components::Column::StatusPageId)
        .into_tuple()
        .all(db)
        .await?)
}

/// Recomputes and writes the components of a page whose status changed, without publishing
/// (the caller publishes once for all its changes). Returns whether one changed.
pub(crate) async fn recompute(db: &impl ConnectionTrait, status_page_id: Uuid) -> AppResult<bool> {
    let components = status_page_components::Entity::find()
        .filter(status_page_components::Column::StatusPageId.eq(status_page_id))
        .order_by_asc(status_page_components::Column::Id)
        .all(db)
        .await?;
    if components.is_empty() {
        return Ok(false);
    }
    let ids: Vec<Uuid> = components.iter().map(|c| c.id).collect();
    let links = super::component::links_of(db, &ids).await?;
    let statuses = monitor_statuses(db, links.values().flatten().map(|l| l.monitor_id)).await?;
    let overrides = overrides(db, &ids).await?;
    let mut changed = false;
    for component in components {
        let linked: Vec<Linked> = links
            .get(&component.id)
            .into_iter()
            .flatten()
            .filter_map(|l| {
                statuses.get(&l.monitor_id).map(|&status| Linked {
                    status,
                    weight: l.weight,
                })
            })
            .collect();
        let derived = derive(
            component.aggregation_method,
            component.failure_threshold,
            &linked,
        );
        let status = shown(
            derived,
            overrides.get(&component.id).copied().unwrap_or_default(),
        );
        if status != component.status {
            status_page_components::Entity::update_many()
                .col_expr(status_page_components::Column::Status, Expr::value(status))
                .col_expr(
                    status_page_components::Column::UpdatedAt,
                    Expr::value(Utc::now()),
                )
                .filter(status_page_components::Column::Id.eq(component.id))
                .exec(db)
                .await?;
            changed = true;
        }
    }
    Ok(changed)
}

/// The status of each monitor of `ids`.
async fn monitor_statuses(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = Uuid>,
) -> AppResult<HashMap<Uuid, MonitorStatus>> {
    let ids: Vec<Uuid> = ids.collect::<HashSet<_>>().into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, MonitorStatus)> = monitors::Entity::find()
        .select_only()
        .column(monitors::Column::Id)
        .column(monitors::Column::Status)
        .filter(monitors::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The overrides of each component of `ids` that has one: the newest `new_status` among the
/// open incidents naming it, and whether a maintenance naming it is under way (in progress or
/// verifying: `incident::is_active`).
async fn overrides(db: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<HashMap<Uuid, Overrides>> {
    let statuses: Vec<IncidentStatus> = IncidentStatus::iter()
        .filter(|s| super::incident::is_active(*s))
        .collect();
    let rows = incident_components::Entity::find()
        .find_also_related(incidents::Entity)
        .filter(incident_components::Column::ComponentId.is_in(ids.to_vec()))
        .filter(incidents::Column::Status.is_in(statuses))
        .order_by_asc(incident_components::Column::CreatedAt)
        .order_by_asc(incident_components::Column::Id)
        .all(db)
        .await?;
    let mut by_component: HashMap<Uuid, Overrides> = HashMap::new();
    // Oldest first: a newer row replaces what an older one said.
    for (row, incident) in rows {
        let Some(incident) = incident else { continue };
        let entry = by_component.entry(row.component_id).or_default();
        if super::incident::Kind::of(incident.status) == super::incident::Kind::Maintenance {
            entry.maintenance = true;
        } else {
            entry.incident = Some(row.new_status);
        }
    }
    Ok(by_component)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AggregationMethod::{BestCase, MajorityVote, WeightedAverage, WorstCase};
    use ComponentStatus::{
        DegradedPerformance as Degraded, MajorOutage as Major, Operational as Ok,
        PartialOutage as Partial, UnderMaintenance,
    };
    use MonitorStatus::{Down, Error, Maintenance, Paused, Pending, Up};

    const METHODS: [AggregationMethod; 4] = [WorstCase, BestCase, MajorityVote, WeightedAverage];

    fn monitors(statuses: &[MonitorStatus]) -> Vec<Linked> {
        statuses
            .iter()
            .map(|&status| Linked { status, weight: 1 })
            .collect()
    }

    fn weighted(pairs: &[(MonitorStatus, i32)]) -> Vec<Linked> {
        pairs
            .iter()
            .map(|&(status, weight)| Linked { status, weight })
            .collect()
    }

    #[test]
    fn no_monitor_or_none_counted_is_operational_or_maintenance() {
        for method in METHODS {
            for threshold in [1, 2, 5] {
                assert_eq!(derive(method, threshold, &[]), Ok);
                for silent in [
                    vec![Paused],
                    vec![Pending],
                    vec![Error],
                    vec![Paused, Pending, Error],
                ] {
                    assert_eq!(
                        derive(method, threshold, &monitors(&silent)),
                        Ok,
                        "{method:?} {silent:?}"
                    );
                }
                assert_eq!(
                    derive(method, threshold, &monitors(&[Maintenance, Paused])),
                    UnderMaintenance
                );
                // Monitors with a say win over one in maintenance.
                assert_eq!(derive(method, threshold, &monitors(&[Maintenance, Up])), Ok);
            }
        }
    }

    #[test]
    fn all_up_is_operational_and_all_down_is_a_major_outage() {
        for method in METHODS {
            for n in 1..=5 {
                for threshold in [1, 2, 3, 10] {
                    assert_eq!(derive(method, threshold, &monitors(&vec![Up; n])), Ok);
                    assert_eq!(
                        derive(method, threshold, &monitors(&vec![Down; n])),
                        Major,
                        "{method:?} n={n} t={threshold}: all down is an outage whatever the threshold"
                    );
                }
            }
        }
    }

    /// Every mix of up and down among up to six monitors, with silent ones beside them, for
    /// every method and threshold, against the rule written out again.
    #[test]
    fn the_matrix_of_methods_mixes_and_thresholds() {
        for n in 1..=6usize {
            for f in 0..=n {
                for silent in [vec![], vec![Paused], vec![Pending, Error, Maintenance]] {
                    let mut statuses = vec![Down; f];
                    statuses.extend(vec![Up; n - f]);
                    statuses.extend(silent.iter().copied());
                    for threshold in 1..=7 {
                        let t = usize::try_from(threshold).unwrap_or(1).min(n);
                        for method in METHODS {
                            let expected = if f == 0 || f < t {
                                Ok
                            } else {
                                match method {
                                    WorstCase => Major,
                                    BestCase if f == n => Major,
                                    BestCase => Ok,
                                    MajorityVote if 2 * f > n => Major,
                                    MajorityVote if 2 * f == n => Partial,
                                    MajorityVote => Ok,
                                    WeightedAverage => {
                                        let s = f as f64 / n as f64;
                                        if s < 1.0 / 6.0 - 1e-9 {
                                            Ok
                                        } else if s < 0.5 - 1e-9 {
                                            Degraded
                                        } else if s < 5.0 / 6.0 - 1e-9 {
                                            Partial
                                        } else {
                                            Major
                                        }
                                    }
                                }
                            };
                            assert_eq!(
                                derive(method, threshold, &monitors(&statuses)),
                                expected,
                                "{method:?} n={n} down={f} t={threshold} silent={silent:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn thresholds_hold_back_failures_below_them() {
        let three = monitors(&[Down, Up, Up]);
        assert_eq!(derive(WorstCase, 1, &three), Major);
        assert_eq!(derive(WorstCase, 2, &three), Ok);
        let two_down = monitors(&[Down, Down, Up]);
        assert_eq!(derive(WorstCase, 2, &two_down), Major);
        assert_eq!(derive(WorstCase, 3, &two_down), Ok);
        assert_eq!(derive(MajorityVote, 2, &two_down), Major);
        assert_eq!(derive(MajorityVote, 3, &two_down), Ok);
        // Paused monitors do not count toward the threshold's ceiling: one of one counted is
        // all of them.
        assert_eq!(
            derive(WorstCase, 3, &monitors(&[Down, Paused, Paused])),
            Major
        );
        // A threshold below 1 (not accepted by the API) acts as 1.
        assert_eq!(derive(WorstCase, 0, &monitors(&[Down, Up])), Major);
        assert_eq!(derive(WorstCase, -4, &monitors(&[Up, Up])), Ok);
    }

    #[test]
    fn weights_move_the_weighted_average() {
        // 1 of 4 by count, but the down monitor carries most of the weight.
        let heavy = weighted(&[(Down, 90), (Up, 5), (Up, 3), (Up, 2)]);
        assert_eq!(derive(WeightedAverage, 1, &heavy), Major);
        // The same mix with a light down monitor stays operational (share 2/100).
        let light = weighted(&[(Down, 2), (Up, 90), (Up, 5), (Up, 3)]);
        assert_eq!(derive(WeightedAverage, 1, &light), Ok);
        // The boundaries: 1/6 degraded, 1/2 partial, 5/6 major (halves round up).
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 1), (Up, 5)])),
            Degraded
        );
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 10), (Up, 51)])),
            Ok
        );
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 50), (Up, 50)])),
            Partial
        );
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 49), (Up, 51)])),
            Degraded
        );
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 5), (Up, 1)])),
            Major
        );
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 4), (Up, 1)])),
            Partial
        );
        // Silent monitors' weights do not count.
        assert_eq!(
            derive(
                WeightedAverage,
                1,
                &weighted(&[(Down, 10), (Paused, 100), (Up, 10)])
            ),
            Partial
        );
        // Weights only matter to the weighted average.
        for method in [WorstCase, BestCase, MajorityVote] {
            assert_eq!(
                derive(method, 1, &heavy),
                derive(method, 1, &monitors(&[Down, Up, Up, Up]))
            );
        }
        // Out-of-range stored weights are clamped to 1-100.
        assert_eq!(
            derive(WeightedAverage, 1, &weighted(&[(Down, 0), (Up, -5)])),
            Partial
        );
    }

    #[test]
    fn incidents_then_maintenance_override_the_monitors() {
        let incident = Overrides {
            incident: Some(Degraded),
            maintenance: false,
        };
        let maintenance = Overrides {
            incident: None,
            maintenance: true,
        };
        let both = Overrides {
            incident: Some(Partial),
            maintenance: true,
        };
        for derived in [Ok, Degraded, Partial, Major, UnderMaintenance] {
            assert_eq!(shown(derived, Overrides::default()), derived);
            assert_eq!(shown(derived, incident), Degraded);
            assert_eq!(shown(derived, maintenance), UnderMaintenance);
            assert_eq!(shown(derived, both), Partial);
        }
        // An incident may also say all is well while monitors disagree.
        let fine = Overrides {
            incident: Some(Ok),
            maintenance: false,
        };
        assert_eq!(shown(Major, fine), Ok);
    }
}
