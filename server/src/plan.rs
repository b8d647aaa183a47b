//! Plan limits: what an organization's plan allows (`plan_limits`, seeded by the migrations),
//! and the one place each limit is enforced.
//!
//! An organization's plan is a `subscription_plans` name; the plan grants the limits it links
//! (`plan_limits_id`), and a name without a plan row the limits of the same name.
//!
//! Each `require_*` function is called by a domain's write inside its transaction, before the
//! insert it guards: it takes the organization's row lock (PostgreSQL; SQLite's write
//! transactions are serialised already), counts, and refuses with a `PLAN_LIMIT` error that
//! names the limit, the use, the maximum and the plan. Two creates racing for the last free
//! place therefore run one after the other, and the second is refused. A plan changed to one
//! below the current use keeps every existing object: only new ones are refused.

use chrono::{DateTime, Utc};
use entity::invitation::{self, InvitationStatus};
use entity::member::{self, OrgRole};
use entity::plan_limits::BillingPlan;
use entity::{
    monitors, organization, plan_limits, projects, status_pages, subscription_plans, user,
};
use sea_orm::sea_query::LockType;
use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ActiveEnum, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, Iterable, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::error::{AppError, AppResult, PlanLimitError};

/// The limits a refusal names in `extensions.limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    Monitors,
    Projects,
    Members,
    StatusPages,
    Callbacks,
    MinCheckInterval,
    CustomDomains,
    RunningCapacity,
    QueuedCapacity,
    Organizations,
    Sso,
    CallbackTimeout,
    CallbackTriggers,
}

impl Limit {
    /// The stable upper-case name clients see (`PlanLimitKind` for the counted ones).
    pub fn name(self) -> &'static str {
        match self {
            Limit::Monitors => "MONITORS",
            Limit::Projects => "PROJECTS",
            Limit::Members => "MEMBERS",
            Limit::StatusPages => "STATUS_PAGES",
            Limit::Callbacks => "CALLBACKS",
            Limit::MinCheckInterval => "MIN_CHECK_INTERVAL",
            Limit::CustomDomains => "CUSTOM_DOMAINS",
            Limit::RunningCapacity => "RUNNING_CAPACITY",
            Limit::QueuedCapacity => "QUEUED_CAPACITY",
            Limit::Organizations => "ORGANIZATIONS",
            Limit::Sso => "SSO",
            Limit::CallbackTimeout => "CALLBACK_TIMEOUT",
            Limit::CallbackTriggers => "CALLBACK_TRIGGERS",
        }
    }
}

/// A `PLAN_LIMIT` error about `limit` on `plan`.
pub fn refusal(limit: Limit, current: i64, max: i64, plan: &str, message: String) -> AppError {
    PlanLimitError {
        limit: limit.name().to_owned(),
        current,
        max,
        plan: plan.to_owned(),
        message,
    }
    .into()
}

/// An organization's plan: its name and the limits it grants.
#[derive(Debug, Clone)]
pub struct OrgPlan {
    pub name: String,
    pub limits: plan_limits::Model,
}

impl OrgPlan {
    /// Whether the plan's limits are the `unlimited` tier (self-hosted instances).
    pub fn is_unlimited(&self) -> bool {
        self.limits.plan == BillingPlan::Unlimited
    }

    /// Refuses one more of a counted limit: "Your plan (free) allows 10 monitors; this
    /// organization has 10. Upgrade or remove one."
    fn full(&self, limit: Limit, noun: &str, current: u64, max: i32, remedy: &str) -> AppError {
        let current = i64::try_from(current).unwrap_or(i64::MAX);
        refusal(
            limit,
            current,
            i64::from(max),
            &self.name,
            format!(
                "Your plan ({}) allows {max} {noun}; this organization has {current}. {remedy}",
                self.name
            ),
        )
    }
}

/// The plan of `org_id` (`free` when the organization has none).
pub async fn of(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<OrgPlan> {
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = org.subscription_plan.unwrap_or_else(|| "free".into());
    let limits = limits_for(db, &name).await?;
    Ok(OrgPlan { name, limits })
}

/// The limits of `org_id`'s plan (`free` when the organization has none).
pub async fn limits(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<plan_limits::Model> {
    let org = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    limits_for(db, org.subscription_plan.as_deref().unwrap_or("free")).await
}

/// The plan called `name` (`free` for anything unknown).
pub fn parse(name: &str) -> BillingPlan {
    BillingPlan::iter()
        .find(|p| p.to_value() == name)
        .unwrap_or(BillingPlan::Free)
}

/// The plan of self-hosted organizations, which limits nothing.
pub const UNLIMITED: &str = "unlimited";

/// Whether `name` is one of the seeded plans (`free`, `plus`, `pro`, `unlimited`).
pub fn is_seeded(name: &str) -> bool {
    BillingPlan::iter().any(|p| p.to_value() == name)
}

/// The limits of a named plan.
pub async fn limits_for(db: &impl ConnectionTrait, plan: &str) -> AppResult<plan_limits::Model> {
    let linked = subscription_plans::Entity::find()
        .filter(subscription_plans::Column::Name.eq(plan))
        .one(db)
        .await?
        .and_then(|p| p.plan_limits_id);
    if let Some(id) = linked
        && let Some(limits) = plan_limits::Entity::find_by_id(id).one(db).await?
    {
        return Ok(limits);
    }
    limits_by_name(db, plan).await
}

/// The limits of the same name as `plan` (`free`'s for any other name).
pub async fn limits_by_name(
    db: &impl ConnectionTrait,
    plan: &str,
) -> AppResult<plan_limits::Model> {
    plan_limits::Entity::find()
        .filter(plan_limits::Column::Plan.eq(parse(plan)))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!(
                "the plan limits of {plan:?} are not seeded"
            ))
        })
}

/// SQL for the id of the `plan_limits` row that organization `o` is on, as [`limits_for`]
/// decides it: the limits its plan links, else the limits of its plan's name, else `free`'s.
const LIMITS_ID_OF_O: &str = "COALESCE(\
    (SELECT s.plan_limits_id FROM subscription_plans s JOIN plan_limits l ON l.id = s.plan_limits_id \
      WHERE s.name = COALESCE(o.subscription_plan, 'free')), \
    (SELECT l.id FROM plan_limits l WHERE l.plan = COALESCE(o.subscription_plan, 'free')), \
    (SELECT l.id FROM plan_limits l WHERE l.plan = 'free'))";

/// SQL for the `plan_limits` column `column` of the organization whose id is the SQL
/// expression `org_id` (NULL for no such organization), for queries that filter many
/// organizations by their limits at once.
pub fn limit_sql(column: &str, org_id: &str) -> String {
    format!(
        "(SELECT pl.{column} FROM organization o JOIN plan_limits pl ON pl.id = {LIMITS_ID_OF_O} \
          WHERE o.id = {org_id})"
    )
}

/// The ids of the organizations on the limits `limits_id` (through their plan's link, as
/// [`limits_for`] decides), for the retention upkeep.
pub fn organizations_on(limits_id: Uuid) -> SelectStatement {
    Query::select()
        .expr(Expr::cust("o.id"))
        .from_as(organization::Entity, Alias::new("o"))
        .and_where(Expr::cust(LIMITS_ID_OF_O).eq(limits_id))
        .to_owned()
}

/// Takes the row lock of `org_id` until the transaction ends, so that the limit checks and
/// run claims of one organization run one at a time across replicas (PostgreSQL; SQLite's
/// write transactions are serialised already). `FOR NO KEY UPDATE` does not wait for writes
/// that merely reference the organization.
pub async fn lock_org(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    lock_orgs(db, &[org_id]).await
}

/// [`lock_org`] for several organizations, taken in id order so that two transactions
/// locking overlapping sets cannot deadlock.
pub async fn lock_orgs(db: &impl ConnectionTrait, org_ids: &[Uuid]) -> AppResult<()> {
    if db.get_database_backend() != DbBackend::Postgres || org_ids.is_empty() {
        return Ok(());
    }
    let mut ids = org_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Id.is_in(ids))
        .order_by_asc(organization::Column::Id)
        .lock(LockType::NoKeyUpdate)
        .into_tuple::<Uuid>()
        .all(db)
        .await?;
    Ok(())
}

/// A plan maximum as a count (a negative one allows nothing).
fn cap(max: i32) -> u64 {
    u64::try_from(max).unwrap_or(0)
}

/// Refuses a monitor beyond the plan's `max_monitors` (`MONITORS`).
pub async fn require_monitor(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    lock_org(db, org_id).await?;
    let plan = of(db, org_id).await?;
    let count = monitors::Entity::find()
        .filter(monitors::Column::OrganizationId.eq(org_id))
        .count(db)
        .await?;
    let max = plan.limits.max_monitors;
    if count >= cap(max) {
        return Err(plan.full(
            Limit::Monitors,
            "monitors",
            count,
            max,
            "Upgrade or remove one.",
        ));
    }
    Ok(())
}

/// Refuses a check interval shorter than the plan's `min_check_interval_minutes`
/// (`MIN_CHECK_INTERVAL`). `current` is the monitor's interval when it is edited: a monitor
/// kept from a plan that allowed more may keep its interval or loosen it, not tighten it.
pub async fn require_check_interval(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    minutes: i32,
    current: Option<i32>,
) -> AppResult<()> {
    let plan = of(db, org_id).await?;
    let min = plan.limits.min_check_interval_minutes;
    let kept_or_loosened = current.is_some_and(|c| minutes >= c);
    if minutes < min && !kept_or_loosened {
        return Err(refusal(
            Limit::MinCheckInterval,
            i64::from(minutes),
            i64::from(min),
            &plan.name,
            format!(
                "Your plan ({}) checks at most every {min} minutes; {minutes} was asked. Choose {min} minutes or more, or upgrade.",
                plan.name
            ),
        ));
    }
    Ok(())
}

/// Refuses a project beyond the plan's `max_projects` (`PROJECTS`; the default project
/// counts, archived projects too).
pub async fn require_project(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    lock_org(db, org_id).await?;
    let plan = of(db, org_id).await?;
    let count = projects::Entity::find()
        .filter(projects::Column::OrganizationId.eq(org_id))
        .count(db)
        .await?;
    let max = plan.limits.max_projects;
    if count >= cap(max) {
        return Err(plan.full(
            Limit::Projects,
            "projects",
            count,
            max,
            "Upgrade or delete one.",
        ));
    }
    Ok(())
}

/// Which place on the team a member check is about.
#[derive(Debug, Clone, Copy)]
pub enum Seat<'a> {
    /// A new invitation to `email` (it replaces any still open for the address).
    Invite { email: &'a str },
    /// The invitation `id` accepted: its place becomes a member's.
    Accept { invitation_id: Uuid },
}

/// Refuses a member beyond the plan's `max_team_members` (`MEMBERS`). Open invitations hold a
/// place: an organization at its limit cannot invite, so no invitation it sends can be refused
/// when accepted, unless the plan shrank meanwhile.
pub async fn require_member(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    seat: Seat<'_>,
) -> AppResult<()> {
    lock_org(db, org_id).await?;
    let plan = of(db, org_id).await?;
    let members = member::Entity::find()
        .filter(member::Column::OrganizationId.eq(org_id))
        .count(db)
        .await?;
    let mut open = open_invitations(org_id, Utc::now());
    open = match seat {
        Seat::Invite { email } => open.filter(invitation::Column::Email.ne(email)),
        Seat::Accept { invitation_id } => open.filter(invitation::Column::Id.ne(invitation_id)),
    };
    let count = members + open.count(db).await?;
    let max = plan.limits.max_team_members;
    if count >= cap(max) {
        return Err(plan.full(
            Limit::Members,
            "members (open invitations count)",
            count,
            max,
            "Upgrade, remove a member or revoke an invitation.",
        ));
    }
    Ok(())
}

/// The invitations of `org_id` still open at `now`.
fn open_invitations(org_id: Uuid, now: DateTime<Utc>) -> sea_orm::Select<invitation::Entity> {
    invitation::Entity::find()
        .filter(invitation::Column::OrganizationId.eq(org_id))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending))
        .filter(invitation::Column::ExpiresAt.gt(now))
}

/// Refuses a new organization to a user who owns as many as their best plan allows
/// (`ORGANIZATIONS`). The limit is the largest `max_organizations` among the plans of the
/// organizations the user owns and `start_plan`, the plan a new organization starts on (so a
/// self-hosted instance, where that is `unlimited`, refuses nothing).
pub async fn require_organization(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    start_plan: &str,
) -> AppResult<()> {
    if db.get_database_backend() == DbBackend::Postgres {
        user::Entity::find_by_id(user_id)
            .select_only()
            .column(user::Column::Id)
            .lock(LockType::NoKeyUpdate)
            .into_tuple::<Uuid>()
            .one(db)
            .await?;
    }
    let owned = member::Entity::find()
        .filter(member::Column::UserId.eq(user_id))
        .filter(member::Column::Role.eq(OrgRole::OrgOwner))
        .find_also_related(organization::Entity)
        .all(db)
        .await?;
    let mut names: Vec<String> = owned
        .iter()
        .filter_map(|(_, org)| org.as_ref())
        .map(|org| {
            org.subscription_plan
                .clone()
                .unwrap_or_else(|| "free".into())
        })
        .chain([start_plan.to_owned()])
        .collect();
    names.sort();
    names.dedup();
    let mut best: Option<(String, i32)> = None;
    for name in names {
        let max = limits_for(db, &name).await?.max_organizations;
        if best.as_ref().is_none_or(|(_, b)| max > *b) {
            best = Some((name, max));
        }
    }
    let (plan, max) = best.unwrap_or_else(|| (start_plan.to_owned(), 1));
    let count = owned.len() as u64;
    if count >= cap(max) {
        return Err(refusal(
            Limit::Organizations,
            i64::try_from(count).unwrap_or(i64::MAX),
            i64::from(max),
            &plan,
            format!(
                "Your plan ({plan}) lets one person own {max} organizations; you own {count}. Upgrade an organization you own, or delete one."
            ),
        ));
    }
    Ok(())
}

/// Refuses a status page beyond the plan's `max_status_pages` (`STATUS_PAGES`).
pub async fn require_status_page(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    lock_org(db, org_id).await?;
    let plan = of(db, org_id).await?;
    let count = status_pages::Entity::find()
        .filter(status_pages::Column::OrganizationId.eq(org_id))
        .count(db)
        .await?;
    let max = plan.limits.max_status_pages;
    if count >= cap(max) {
        return Err(plan.full(
            Limit::StatusPages,
            "status pages",
            count,
            max,
            "Upgrade or delete one.",
        ));
    }
    Ok(())
}

/// Refuses a custom domain for a status page unless the plan has `custom_domains`
/// (`CUSTOM_DOMAINS`; `current` is the organization's pages with a domain, `max` 0).
pub async fn require_custom_domains(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    let plan = of(db, org_id).await?;
    if plan.limits.custom_domains {
        return Ok(());
    }
    let with_domain = status_pages::Entity::find()
        .filter(status_pages::Column::OrganizationId.eq(org_id))
        .filter(status_pages::Column::CustomDomain.is_not_null())
        .count(db)
        .await?;
    Err(refusal(
        Limit::CustomDomains,
        i64::try_from(with_domain).unwrap_or(i64::MAX),
        0,
        &plan.name,
        format!(
            "Your plan ({}) does not include custom domains for status pages. Upgrade to use one.",
            plan.name
        ),
    ))
}

/// Refuses single sign-on enforcement unless the plan has `sso_enabled` (`SSO`): requiring
/// SSO of an organization's members (`updateOrganizationSso`) calls this.
pub async fn require_sso(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    let plan = of(db, org_id).await?;
    sso_allowed(&plan)
}

fn sso_allowed(plan: &OrgPlan) -> AppResult<()> {
    if plan.limits.sso_enabled {
        return Ok(());
    }
    Err(refusal(
        Limit::Sso,
        0,
        0,
        &plan.name,
        format!(
            "Your plan ({}) does not include single sign-on. Upgrade to use it.",
            plan.name
        ),
    ))
}

/// Refuses a new run when the organization's running and queued runs fill its plan's
/// capacity (`running_capacity + queued_capacity`): `QUEUED_CAPACITY` when the queue is full,
/// `RUNNING_CAPACITY` when the plan queues nothing (or runs kept from a larger plan fill it).
/// Takes the organization's lock, which run claims take too.
pub async fn require_run_capacity(db: &impl ConnectionTrait, org_id: Uuid) -> AppResult<()> {
    use entity::runs::{self, RunStatus};
    lock_org(db, org_id).await?;
    let plan = of(db, org_id).await?;
    let count = |status: RunStatus| {
        runs::Entity::find()
            .filter(runs::Column::OrganizationId.eq(org_id))
            .filter(runs::Column::Status.eq(status))
            .count(db)
    };
    let running = count(RunStatus::Running).await?;
    let queued = count(RunStatus::Queued).await?;
    let (run_cap, queue_cap) = (plan.limits.running_capacity, plan.limits.queued_capacity);
    if running + queued < cap(run_cap) + cap(queue_cap) {
        return Ok(());
    }
    let (limit, current, max) = if queued >= cap(queue_cap) && queue_cap > 0 {
        (Limit::QueuedCapacity, queued, queue_cap)
    } else {
        (Limit::RunningCapacity, running, run_cap)
    };
    Err(refusal(
        limit,
        i64::try_from(current).unwrap_or(i64::MAX),
        i64::from(max),
        &plan.name,
        format!(
            "Your plan ({}) runs {run_cap} at a time and queues {queue_cap} more; {running} are running and {queued} waiting. Wait for one to finish, cancel one, or upgrade.",
            plan.name
        ),
    ))
}

/// The `subscription_plans` row that sets an organization's webhook callback limits (its
/// plan's, `free`'s for a plan without one).
pub async fn callback_plan(
    db: &impl ConnectionTrait,
    org_id: Uuid,
) -> AppResult<subscription_plans::Model> {
    let name = organization::Entity::find_by_id(org_id)
        .one(db)
        .await?
        .and_then(|o| o.subscription_plan)
        .unwrap_or_else(|| "free".into());
    let plans = callback_plans_named(db, vec![name.clone()]).await?;
    plans
        .iter()
        .find(|p| p.name == name)
        .or_else(|| plans.iter().find(|p| p.name == "free"))
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no subscription plans are seeded")))
}

/// The subscription plans called `names`, and `free`.
async fn callback_plans_named(
    db: &impl ConnectionTrait,
    mut names: Vec<String>,
) -> AppResult<Vec<subscription_plans::Model>> {
    names.push("free".into());
    Ok(subscription_plans::Entity::find()
        .filter(subscription_plans::Column::Name.is_in(names))
        .all(db)
        .await?)
}

/// Refuses a callback timeout over the plan's `max_timeout_duration` (`CALLBACK_TIMEOUT`,
/// both figures in milliseconds).
pub async fn require_callback_timeout(
    db: &impl ConnectionTrait,
    org_id: Uuid,
    timeout_ms: i32,
) -> AppResult<()> {
    let plan = callback_plan(db, org_id).await?;
    let max = plan.max_timeout_duration.saturating_mul(1000);
    if timeout_ms > max {
        return Err(refusal(
            Limit::CallbackTimeout,
            i64::from(timeout_ms),
            i64::from(max),
            &plan.name,
            format!(
                "Your plan ({}) lets a callback wait at most {max} ms for its URL; {timeout_ms} ms was asked. Choose a shorter timeout or upgrade.",
                plan.name
            ),
        ));
    }
    Ok(())
}

/// What an organization's plan allows its webhook callbacks in triggers a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerCap {
    pub plan: String,
    pub max: i64,
}

/// Locks `org_ids` ([`lock_orgs`]) and reads each one's monthly trigger cap, the plan's
/// `max_triggers` (`free`'s for a plan without a row). Organizations that do not exist are
/// left out.
pub async fn trigger_caps(
    db: &impl ConnectionTrait,
    org_ids: &[Uuid],
) -> AppResult<std::collections::HashMap<Uuid, TriggerCap>> {
    lock_orgs(db, org_ids).await?;
    let orgs: Vec<(Uuid, Option<String>)> = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .column(organization::Column::SubscriptionPlan)
        .filter(organization::Column::Id.is_in(org_ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    let names = orgs.iter().filter_map(|(_, n)| n.clone()).collect();
    let plans = callback_plans_named(db, names).await?;
    let free = plans.iter().find(|p| p.name == "free");
    Ok(orgs
        .into_iter()
        .filter_map(|(id, name)| {
            let name = name.unwrap_or_else(|| "free".into());
            let plan = plans.iter().find(|p| p.name == name).or(free)?;
            Some((
                id,
                TriggerCap {
                    plan: plan.name.clone(),
                    max: i64::from(plan.max_triggers),
                },
            ))
        })
        .collect())
}

/// The refusal of a trigger over the plan's monthly `max_triggers` (`CALLBACK_TRIGGERS`);
/// `resets_at` is when the month's count starts again.
pub fn triggers_refused(cap: &TriggerCap, used: i64, resets_at: DateTime<Utc>) -> AppError {
    refusal(
        Limit::CallbackTriggers,
        used,
        cap.max,
        &cap.plan,
        format!(
            "Your plan ({}) allows {} webhook callback triggers a month; this organization has used {used}. The count starts again on {} (UTC); upgrade to trigger more now.",
            cap.plan,
            cap.max,
            resets_at.format("%Y-%m-%d %H:%M")
        ),
    )
}

/// One countable limit with its use (`Organization.quotas`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota {
    pub limit: Limit,
    pub used: i64,
    /// `None`: not limited on this plan (the `unlimited` tier, and callbacks, which no plan
    /// counts).
    pub max: Option<i64>,
}

/// A `COUNT(*)` of `table`'s rows of organization `org_id`.
fn count_in(table: &'static str, org_id: Uuid) -> SelectStatement {
    Query::select()
        .expr(Expr::col(Asterisk).count())
        .from(table)
        .and_where(Expr::col("organization_id").eq(org_id))
        .to_owned()
}

/// Every countable limit of `org_id` with its current use (members of the organization;
/// every count in one statement).
pub async fn quotas(
    db: &impl ConnectionTrait,
    principal: &Principal,
    org_id: Uuid,
) -> AppResult<Vec<Quota>> {
    principal.org(db, org_id, Level::Viewer).await?;
    let plan = of(db, org_id).await?;
    let open = count_in("invitation", org_id)
        .and_where(Expr::col("status").eq(InvitationStatus::Pending.to_value()))
        .and_where(Expr::col("expires_at").gt(Utc::now()))
        .to_owned();
    let statement = Query::select()
        .expr_as(count_in("monitors", org_id), "monitors")
        .expr_as(count_in("projects", org_id), "projects")
        .expr_as(count_in("member", org_id), "members")
        .expr_as(open, "invitations")
        .expr_as(count_in("status_pages", org_id), "status_pages")
        .expr_as(count_in("callbacks", org_id), "callbacks")
        .to_owned();
    let row = db
        .query_one(&statement)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the quota counts returned no row")))?;
    let get = |column: &str| row.try_get::<i64>("", column);
    let limited = |max: i32| (!plan.is_unlimited()).then_some(i64::from(max));
    let l = &plan.limits;
    Ok(vec![
        Quota {
            limit: Limit::Monitors,
            used: get("monitors")?,
            max: limited(l.max_monitors),
        },
        Quota {
            limit: Limit::Projects,
            used: get("projects")?,
            max: limited(l.max_projects),
        },
        Quota {
            limit: Limit::Members,
            used: get("members")? + get("invitations")?,
            max: limited(l.max_team_members),
        },
        Quota {
            limit: Limit::StatusPages,
            used: get("status_pages")?,
            max: limited(l.max_status_pages),
        },
        Quota {
            limit: Limit::Callbacks,
            used: get("callbacks")?,
            max: None,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(tier: BillingPlan, sso: bool) -> OrgPlan {
        let now = Utc::now();
        OrgPlan {
            name: tier.to_value(),
            limits: plan_limits::Model {
                id: Uuid::nil(),
                plan: tier,
                max_monitors: 10,
                min_check_interval_minutes: 5,
                playwright_minutes_included: 0,
                k6_vu_minutes_included: 0,
                ai_credits_included: 0,
                running_capacity: 1,
                queued_capacity: 10,
                max_team_members: 3,
                max_organizations: 1,
                max_projects: 2,
                max_status_pages: 1,
                custom_domains: false,
                sso_enabled: sso,
                data_retention_days: 7,
                aggregated_data_retention_days: 30,
                job_data_retention_days: 7,
                created_at: now,
                updated_at: now,
            },
        }
    }

    #[test]
    fn sso_needs_a_plan_that_has_it() {
        let refused = sso_allowed(&plan(BillingPlan::Free, false)).expect_err("refused");
        assert_eq!(refused.code(), "PLAN_LIMIT");
        let limit = refused.plan_limit().expect("figures");
        assert_eq!((limit.limit.as_str(), limit.plan.as_str()), ("SSO", "free"));
        assert!(
            limit.message.contains("single sign-on"),
            "{}",
            limit.message
        );
        assert!(sso_allowed(&plan(BillingPlan::Pro, true)).is_ok());
    }

    #[test]
    fn a_full_limit_says_which_the_plan_and_what_to_do() {
        let refused = plan(BillingPlan::Free, false).full(
            Limit::Monitors,
            "monitors",
            10,
            10,
            "Upgrade or remove one.",
        );
        assert_eq!(
            refused.public_message(),
            "Your plan (free) allows 10 monitors; this organization has 10. Upgrade or remove one."
        );
        let limit = refused.plan_limit().expect("figures");
        assert_eq!((limit.current, limit.max), (10, 10));
        assert_eq!(limit.limit, "MONITORS");
    }
}
