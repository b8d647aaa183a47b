//! Spending limits (`billing_settings`): the settings owners and admins keep, the hard stop
//! that refuses new test runs, and the notices at 50/80/90/100 % of the limit.
//!
//! - The period's spending is its overage (`super::usage`). With `enableSpendingLimit` and a
//!   `monthlySpendingLimitCents`, notices go out as the spending crosses each enabled
//!   threshold; a plan without overage prices (`free`) is noticed at 80 and 100 % of its
//!   included Playwright minutes and k6 VU-minutes instead.
//! - Each notice is sent once per organization, threshold and period: its `usage_notifications`
//!   row is written first, under a unique key, and only the process whose insert succeeded
//!   sends it (two replicas crossing 80 % at once send one mail). It goes by e-mail, through
//!   the delivery module (its retries; the outcome recorded as `delivery_status`), to
//!   `notificationEmails` or else the organization's owners and admins.
//! - The hard stop (`hardStopOnLimit`): once the spending reaches the limit, or on a plan
//!   without overage prices once an included amount is used up, new Playwright and k6 runs
//!   (manual, scheduled, CI) are refused with `PLAN_LIMIT` until the period ends. Monitors,
//!   synthetic ones included, keep running: availability first.
//!
//! In self-hosted mode nothing here runs and nothing is refused.

use chrono::{DateTime, Utc};
use entity::billing_settings;
use entity::member::{self, OrgRole};
use entity::usage_notifications::{self, DeliveryStatus, UsageNotificationType, UsageResourceType};
use entity::{organization, user};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::usage::{UsageReport, report_of, settings_row};
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::delivery::{self, Channel, Message, RetryPolicy, Severity};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::usage::Meter;
use crate::{audit, validate};

/// Largest spending limit, in cents (ten million dollars).
pub const MAX_LIMIT_CENTS: i32 = 1_000_000_000;
/// Most notification addresses.
pub const MAX_EMAILS: usize = 20;

/// Why new runs are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// The spending reached the monthly spending limit.
    SpendingLimit,
    /// An included amount of a plan without overage prices is used up.
    IncludedUsage,
}

impl StopKind {
    /// The `extensions.limit` name.
    pub fn name(self) -> &'static str {
        match self {
            StopKind::SpendingLimit => "SPENDING_LIMIT",
            StopKind::IncludedUsage => "INCLUDED_USAGE",
        }
    }
}

/// A hard stop in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub kind: StopKind,
    /// Cents spent, or units used of `meter`.
    pub current: i64,
    /// The limit in cents, or the included units of `meter`.
    pub max: i64,
    pub meter: Option<Meter>,
    pub plan: String,
    /// When the period ends and the stop with it.
    pub resets_at: DateTime<Utc>,
}

fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, (cents % 100).abs())
}

fn meter_words(meter: Meter) -> &'static str {
    match meter {
        Meter::PlaywrightMinutes => "Playwright minutes",
        Meter::K6VuMinutes => "k6 VU-minutes",
        Meter::MonitorChecks => "monitor checks",
        Meter::CallbackTriggers => "callback triggers",
        Meter::AiCredits => "AI credits",
    }
}

impl Stop {
    /// What the caller is told: which limit, the plan, and when it resets.
    pub fn message(&self) -> String {
        let resets = self.resets_at.format("%Y-%m-%d %H:%M UTC");
        match (self.kind, self.meter) {
            (StopKind::IncludedUsage, Some(meter)) => format!(
                "the {max} {what} the {plan} plan includes this billing period are used up \
                 ({current} used): new test runs are refused until the period resets on \
                 {resets}; upgrade the plan for more",
                max = self.max,
                what = meter_words(meter),
                plan = self.plan,
                current = self.current,
            ),
            _ => format!(
                "the spending limit of {max} for this billing period is reached ({current} of \
                 overage on the {plan} plan): new test runs are refused until the period resets \
                 on {resets}; raise the limit or turn the hard stop off in the billing settings",
                max = dollars(self.max),
                current = dollars(self.current),
                plan = self.plan,
            ),
        }
    }

    /// The `PLAN_LIMIT` refusal, with `extensions.limit` (`SPENDING_LIMIT` or
    /// `INCLUDED_USAGE`), `current`, `max` and `plan`.
    pub fn error(&self) -> AppError {
        crate::error::PlanLimitError {
            limit: self.kind.name().to_owned(),
            current: self.current,
            max: self.max,
            plan: self.plan.clone(),
            message: self.message(),
        }
        .into()
    }
}

/// The hard stop in force for `report` under `settings`, if any.
pub fn stop(report: &UsageReport, settings: Option<&billing_settings::Model>) -> Option<Stop> {
    if !settings.is_some_and(|s| s.hard_stop_on_limit) {
        return None;
    }
    let base = |kind, current, max, meter| Stop {
        kind,
        current,
        max,
        meter,
        plan: report.plan.clone(),
        resets_at: report.period_end,
    };
    if let Some(limit) = report.spending_limit_cents
        && report.overage_cents >= limit
    {
        return Some(base(
            StopKind::SpendingLimit,
            report.overage_cents,
            limit,
            None,
        ));
    }
    if report.priced {
        return None;
    }
    report
        .meters
        .iter()
        .filter(|m| matches!(m.meter, Meter::PlaywrightMinutes | Meter::K6VuMinutes))
        .find_map(|m| {
            let included = m.included?;
            (m.used >= included).then(|| {
                base(
                    StopKind::IncludedUsage,
                    m.used as i64,
                    included as i64,
                    Some(m.meter),
                )
            })
        })
}

/// Refuses a new test run of `organization_id` while a hard stop is in force (cloud mode).
pub async fn check_run(
    db: &impl ConnectionTrait,
    state: &AppState,
    organization_id: Uuid,
) -> AppResult<()> {
    if !super::enabled(&state.settings) {
        return Ok(());
    }
    let Some(org) = organization::Entity::find_by_id(organization_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    match report_of(db, state, &org, Utc::now()).await?.stop {
        Some(stop) => Err(stop.error()),
        None => Ok(()),
    }
}

/// An organization's billing settings, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub enable_spending_limit: bool,
    pub monthly_spending_limit_cents: Option<i32>,
    pub hard_stop_on_limit: bool,
    pub notify_at_50_percent: bool,
    pub notify_at_80_percent: bool,
    pub notify_at_90_percent: bool,
    pub notify_at_100_percent: bool,
    /// Empty: the organization's owners and admins.
    pub notification_emails: Vec<String>,
}

impl Default for Settings {
    /// The columns' defaults (seed 000).
    fn default() -> Self {
        Self {
            enable_spending_limit: false,
            monthly_spending_limit_cents: None,
            hard_stop_on_limit: false,
            notify_at_50_percent: false,
            notify_at_80_percent: true,
            notify_at_90_percent: true,
            notify_at_100_percent: true,
            notification_emails: Vec::new(),
        }
    }
}

impl Settings {
    fn of(row: Option<&billing_settings::Model>) -> Self {
        let Some(row) = row else {
            return Self::default();
        };
        Self {
            enable_spending_limit: row.enable_spending_limit,
            monthly_spending_limit_cents: row.monthly_spending_limit_cents,
            hard_stop_on_limit: row.hard_stop_on_limit,
            notify_at_50_percent: row.notify_at_50_percent,
            notify_at_80_percent: row.notify_at_80_percent,
            notify_at_90_percent: row.notify_at_90_percent,
            notify_at_100_percent: row.notify_at_100_percent,
            notification_emails: row
                .notification_emails
                .clone()
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
        }
    }

    fn flag(&self, percent: i32) -> bool {
        match percent {
            50 => self.notify_at_50_percent,
            80 => self.notify_at_80_percent,
            90 => self.notify_at_90_percent,
            _ => self.notify_at_100_percent,
        }
    }

    fn described(&self) -> Value {
        json!({
            "enableSpendingLimit": self.enable_spending_limit,
            "monthlySpendingLimitCents": self.monthly_spending_limit_cents,
            "hardStopOnLimit": self.hard_stop_on_limit,
            "notifyAt50Percent": self.notify_at_50_percent,
            "notifyAt80Percent": self.notify_at_80_percent,
            "notifyAt90Percent": self.notify_at_90_percent,
            "notifyAt100Percent": self.notify_at_100_percent,
            "notificationEmails": self.notification_emails,
        })
    }
}

/// Changes to the settings: `None` leaves a field alone; `monthly_spending_limit_cents:
/// Some(None)` clears the limit.
#[derive(Debug, Clone, Default)]
pub struct SettingsChanges {
    pub enable_spending_limit: Option<bool>,
    pub monthly_spending_limit_cents: Option<Option<i32>>,
    pub hard_stop_on_limit: Option<bool>,
    pub notify_at_50_percent: Option<bool>,
    pub notify_at_80_percent: Option<bool>,
    pub notify_at_90_percent: Option<bool>,
    pub notify_at_100_percent: Option<bool>,
    pub notification_emails: Option<Vec<String>>,
}

/// The settings of an organization (owners and admins).
pub async fn settings(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
) -> AppResult<Settings> {
    principal
        .org(&state.db, organization_id, Level::OrgAdmin)
        .await?;
    let row = settings_row(&state.db, organization_id).await?;
    Ok(Settings::of(row.as_ref()))
}

/// Changes the settings of an organization (owners and admins, cloud mode), audited as
/// `billing.settings.update`. Nothing changes when any field is refused.
pub async fn update_settings(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    changes: SettingsChanges,
) -> AppResult<Settings> {
    super::require_enabled(&state.settings)?;
    principal
        .org(&state.db, organization_id, Level::OrgAdmin)
        .await?;
    let tx = Tx::begin(state).await?;
    let row = ensure_row(tx.conn(), organization_id).await?;
    let before = Settings::of(Some(&row));
    let after = apply(before.clone(), changes)?;
    let mut active: billing_settings::ActiveModel = row.into();
    active.enable_spending_limit = Set(after.enable_spending_limit);
    active.monthly_spending_limit_cents = Set(after.monthly_spending_limit_cents);
    active.hard_stop_on_limit = Set(after.hard_stop_on_limit);
    active.notify_at_50_percent = Set(after.notify_at_50_percent);
    active.notify_at_80_percent = Set(after.notify_at_80_percent);
    active.notify_at_90_percent = Set(after.notify_at_90_percent);
    active.notify_at_100_percent = Set(after.notify_at_100_percent);
    active.notification_emails = Set(Some(json!(after.notification_emails)));
    active.updated_at = Set(Utc::now());
    active.update(tx.conn()).await?;
    let mut details = after.described();
    if let Value::Object(map) = &mut details {
        map.insert("previous".into(), before.described());
    }
    audit::record(
        &tx,
        principal,
        Some(organization_id),
        "billing.settings.update",
        details,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// The settings with `changes` applied, every field checked.
fn apply(mut s: Settings, c: SettingsChanges) -> AppResult<Settings> {
    if let Some(limit) = c.monthly_spending_limit_cents {
        if let Some(cents) = limit
            && !(0..=MAX_LIMIT_CENTS).contains(&cents)
        {
            return Err(AppError::field(
                "monthlySpendingLimitCents",
                format!("must be between 0 and {MAX_LIMIT_CENTS} cents"),
            ));
        }
        s.monthly_spending_limit_cents = limit;
    }
    if let Some(emails) = c.notification_emails {
        s.notification_emails = check_emails(&emails)?;
    }
    let flags = [
        (c.enable_spending_limit, &mut s.enable_spending_limit),
        (c.hard_stop_on_limit, &mut s.hard_stop_on_limit),
        (c.notify_at_50_percent, &mut s.notify_at_50_percent),
        (c.notify_at_80_percent, &mut s.notify_at_80_percent),
        (c.notify_at_90_percent, &mut s.notify_at_90_percent),
        (c.notify_at_100_percent, &mut s.notify_at_100_percent),
    ];
    for (change, field) in flags {
        if let Some(value) = change {
            *field = value;
        }
    }
    if s.enable_spending_limit && s.monthly_spending_limit_cents.is_none() {
        return Err(AppError::field(
            "monthlySpendingLimitCents",
            "set a monthly spending limit to enable it",
        ));
    }
    Ok(s)
}

/// Notification addresses: each a valid, unquoted address (no line breaks, spaces, quotes or
/// angle brackets), lower-cased, duplicates dropped, at most [`MAX_EMAILS`].
fn check_emails(emails: &[String]) -> AppResult<Vec<String>> {
    if emails.len() > MAX_EMAILS {
        return Err(AppError::field(
            "notificationEmails",
            format!("at most {MAX_EMAILS} addresses"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(emails.len());
    for email in emails {
        let email = validate::email("notificationEmails", email)?;
        // Mailed as they are: only the characters an unquoted address has.
        let (local, _) = email.split_once('@').unwrap_or_default();
        if !local
            .chars()
            .all(|c| c.is_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
        {
            return Err(AppError::field(
                "notificationEmails",
                "is not a valid email address",
            ));
        }
        if !out.contains(&email) {
            out.push(email);
        }
    }
    Ok(out)
}

/// The organization's settings row, written with the defaults when it has none.
async fn ensure_row(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> AppResult<billing_settings::Model> {
    let now = Utc::now();
    let defaults = Settings::default();
    let row = billing_settings::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        monthly_spending_limit_cents: Set(None),
        enable_spending_limit: Set(defaults.enable_spending_limit),
        hard_stop_on_limit: Set(defaults.hard_stop_on_limit),
        notify_at_50_percent: Set(defaults.notify_at_50_percent),
        notify_at_80_percent: Set(defaults.notify_at_80_percent),
        notify_at_90_percent: Set(defaults.notify_at_90_percent),
        notify_at_100_percent: Set(defaults.notify_at_100_percent),
        notification_emails: Set(None),
        last_notification_sent_at: Set(None),
        notifications_sent_this_period: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    billing_settings::Entity::insert(row)
        .on_conflict(
            OnConflict::column(billing_settings::Column::OrganizationId)
                .do_nothing()
                .to_owned(),
        )
        .try_insert()
        .exec(db)
        .await?;
    settings_row(db, organization_id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the billing settings row is missing")))
}

/// A threshold to announce.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub percent: i32,
    pub resource: UsageResourceType,
    /// Cents or units used, and the limit or included units.
    pub amount: i64,
    pub limit: i64,
}

impl Notice {
    /// Its key in `notifications_sent_this_period` (`spending:80`, `playwright:100`).
    fn key(&self) -> String {
        let resource = match self.resource {
            UsageResourceType::Playwright => "playwright",
            UsageResourceType::K6 => "k6",
            UsageResourceType::Ai => "ai",
            UsageResourceType::Combined => "combined",
            UsageResourceType::Spending => "spending",
        };
        format!("{resource}:{}", self.percent)
    }

    fn kind(&self) -> UsageNotificationType {
        match self.percent {
            50 => UsageNotificationType::Usage50Percent,
            80 => UsageNotificationType::Usage80Percent,
            90 => UsageNotificationType::Usage90Percent,
            _ => UsageNotificationType::Usage100Percent,
        }
    }
}

/// The thresholds `report` has crossed that `settings` asks to be told of.
pub fn due_notices(report: &UsageReport, settings: &Settings) -> Vec<Notice> {
    let mut out = Vec::new();
    let crossed = |used: i64, limit: i64, percent: i64| used.saturating_mul(100) >= limit * percent;
    if settings.enable_spending_limit
        && let Some(limit) = report.spending_limit_cents
        && limit > 0
    {
        for percent in [50, 80, 90, 100] {
            if settings.flag(percent) && crossed(report.overage_cents, limit, i64::from(percent)) {
                out.push(Notice {
                    percent,
                    resource: UsageResourceType::Spending,
                    amount: report.overage_cents,
                    limit,
                });
            }
        }
    }
    if !report.priced {
        for meter in &report.meters {
            let resource = match meter.meter {
                Meter::PlaywrightMinutes => UsageResourceType::Playwright,
                Meter::K6VuMinutes => UsageResourceType::K6,
                _ => continue,
            };
            let Some(included) = meter.included.map(|i| i as i64).filter(|i| *i > 0) else {
                continue;
            };
            for percent in [80, 100] {
                if settings.flag(percent)
                    && crossed(meter.used as i64, included, i64::from(percent))
                {
                    out.push(Notice {
                        percent,
                        resource,
                        amount: meter.used as i64,
                        limit: included,
                    });
                }
            }
        }
    }
    out
}

/// Sends the notices due for `organization_id` at `now` that no process has sent this period,
/// and returns those this call sent (cloud mode; nothing otherwise).
pub async fn notify_due(
    state: &AppState,
    organization_id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<Vec<usage_notifications::Model>> {
    if !super::enabled(&state.settings) {
        return Ok(Vec::new());
    }
    let Some(org) = organization::Entity::find_by_id(organization_id)
        .one(&state.db)
        .await?
    else {
        return Ok(Vec::new());
    };
    let report = report_of(&state.db, state, &org, now).await?;
    let settings = Settings::of(settings_row(&state.db, org.id).await?.as_ref());
    let sent: Vec<(UsageNotificationType, UsageResourceType)> = usage_notifications::Entity::find()
        .filter(usage_notifications::Column::OrganizationId.eq(org.id))
        .filter(usage_notifications::Column::BillingPeriodStart.eq(report.period_start))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|n| (n.notification_type, n.resource_type))
        .collect();
    let mut out = Vec::new();
    for notice in due_notices(&report, &settings) {
        if sent.contains(&(notice.kind(), notice.resource)) {
            continue;
        }
        if let Some(row) = claim_notice(state, &org, &report, &notice, &settings).await? {
            out.push(deliver(state, &org, &report, &notice, row).await?);
        }
    }
    Ok(out)
}

/// Records the notice (pending) and the threshold on the settings, in one transaction; `None`
/// when another process recorded it first.
async fn claim_notice(
    state: &AppState,
    org: &organization::Model,
    report: &UsageReport,
    notice: &Notice,
    settings: &Settings,
) -> AppResult<Option<usage_notifications::Model>> {
    let recipients = recipients(&state.db, org.id, settings).await?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let spending = notice.resource == UsageResourceType::Spending;
    let cents = |v: i64| Some(i32::try_from(v).unwrap_or(i32::MAX));
    let id = Uuid::now_v7();
    let row = usage_notifications::ActiveModel {
        id: Set(id),
        organization_id: Set(org.id),
        notification_type: Set(notice.kind()),
        resource_type: Set(notice.resource),
        usage_amount: Set(notice.amount as f64),
        usage_limit: Set(notice.limit as f64),
        usage_percentage: Set(notice.percent),
        current_spending_cents: Set(cents(report.overage_cents)),
        spending_limit_cents: Set(if spending { cents(notice.limit) } else { None }),
        sent_to: Set(json!(recipients)),
        delivery_status: Set(DeliveryStatus::Pending),
        delivery_error: Set(None),
        billing_period_start: Set(report.period_start),
        billing_period_end: Set(report.period_end),
        created_at: Set(now),
        sent_at: Set(None),
    };
    let inserted = usage_notifications::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                usage_notifications::Column::OrganizationId,
                usage_notifications::Column::NotificationType,
                usage_notifications::Column::ResourceType,
                usage_notifications::Column::BillingPeriodStart,
            ])
            .do_nothing()
            .to_owned(),
        )
        .try_insert()
        .exec_without_returning(tx.conn())
        .await?;
    if !matches!(inserted, sea_orm::TryInsertResult::Inserted(1)) {
        return Ok(None); // another process has it
    }
    let row = usage_notifications::Entity::find_by_id(id)
        .one(tx.conn())
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the notice just written is missing")))?;
    let settings_row = ensure_row(tx.conn(), org.id).await?;
    let mut keys: Vec<String> = settings_row
        .notifications_sent_this_period
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    keys.push(notice.key());
    let mut active: billing_settings::ActiveModel = settings_row.into();
    active.notifications_sent_this_period = Set(Some(json!(keys)));
    active.last_notification_sent_at = Set(Some(now));
    active.update(tx.conn()).await?;
    tx.commit().await?;
    Ok(Some(row))
}

/// Who is told: the settings' addresses, else the organization's owners and admins.
async fn recipients(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    settings: &Settings,
) -> AppResult<Vec<String>> {
    if !settings.notification_emails.is_empty() {
        return Ok(settings.notification_emails.clone());
    }
    let members = member::Entity::find()
        .filter(member::Column::OrganizationId.eq(organization_id))
        .filter(member::Column::Role.is_in([OrgRole::OrgOwner, OrgRole::OrgAdmin]))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = members.iter().map(|m| m.user_id).collect();
    let mut emails: Vec<String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .select_only()
        .column(user::Column::Email)
        .into_tuple()
        .all(db)
        .await?;
    emails.sort();
    Ok(emails)
}

/// Sends a recorded notice by e-mail (with the delivery module's retries) and records how it
/// went.
async fn deliver(
    state: &AppState,
    org: &organization::Model,
    report: &UsageReport,
    notice: &Notice,
    row: usage_notifications::Model,
) -> AppResult<usage_notifications::Model> {
    let to: Vec<String> = serde_json::from_value(row.sent_to.clone()).unwrap_or_default();
    let message = message(state, org, report, notice);
    let outcome = if to.is_empty() {
        None
    } else {
        let channel = Channel::Email { to };
        Some(delivery::send_with_retry(state, &channel, &message, RetryPolicy::default()).await)
    };
    let mut active: usage_notifications::ActiveModel = row.into();
    match outcome {
        Some(outcome) if outcome.is_success() => {
            active.delivery_status = Set(DeliveryStatus::Sent);
            active.sent_at = Set(Some(Utc::now()));
        }
        Some(outcome) => {
            active.delivery_status = Set(DeliveryStatus::Failed);
            active.delivery_error = Set(outcome.error().map(str::to_owned));
        }
        None => {
            active.delivery_status = Set(DeliveryStatus::Failed);
            active.delivery_error = Set(Some("no recipient".into()));
        }
    }
    Ok(active.update(&state.db).await?)
}

fn message(
    state: &AppState,
    org: &organization::Model,
    report: &UsageReport,
    notice: &Notice,
) -> Message {
    let resets = report.period_end.format("%Y-%m-%d %H:%M UTC").to_string();
    let (title, what, used, limit) = match notice.resource {
        UsageResourceType::Spending => (
            format!(
                "{}% of the spending limit of {} used",
                notice.percent, org.name
            ),
            "Overage spending".to_owned(),
            dollars(notice.amount),
            dollars(notice.limit),
        ),
        resource => {
            let meter = if resource == UsageResourceType::K6 {
                Meter::K6VuMinutes
            } else {
                Meter::PlaywrightMinutes
            };
            (
                format!(
                    "{}% of the {} included for {} used",
                    notice.percent,
                    meter_words(meter),
                    org.name
                ),
                meter_words(meter).to_owned(),
                notice.amount.to_string(),
                notice.limit.to_string(),
            )
        }
    };
    let stops = report.stop.is_some();
    let body = format!(
        "{title}.\n\n{} The billing period resets on {resets}.",
        if stops {
            "New test runs are refused until then (the hard stop is on); monitors keep running."
        } else {
            "Monitors and test runs keep running."
        }
    );
    Message {
        event: "billing.usage".into(),
        title,
        body,
        severity: if notice.percent >= 100 {
            Severity::Critical
        } else {
            Severity::Warning
        },
        link: Some(format!(
            "{}/organizations/{}/billing",
            state.settings.base_url(),
            org.id
        )),
        fields: vec![
            ("Organization".into(), org.name.clone()),
            ("Plan".into(), report.plan.clone()),
            (what, format!("{used} of {limit}")),
            ("Period ends".into(), resets),
        ],
        data: json!({ "organizationId": org.id, "percent": notice.percent }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_field_by_field() {
        let base = Settings::default();
        let bad = |c: SettingsChanges| match apply(base.clone(), c) {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        };
        let negative = SettingsChanges {
            monthly_spending_limit_cents: Some(Some(-1)),
            ..Default::default()
        };
        assert_eq!(bad(negative).as_deref(), Some("monthlySpendingLimitCents"));
        let crlf = SettingsChanges {
            notification_emails: Some(vec!["a@example.com\r\nBcc: x@example.com".into()]),
            ..Default::default()
        };
        assert_eq!(bad(crlf).as_deref(), Some("notificationEmails"));
        let no_limit = SettingsChanges {
            enable_spending_limit: Some(true),
            ..Default::default()
        };
        assert_eq!(bad(no_limit).as_deref(), Some("monthlySpendingLimitCents"));
        let ok = apply(
            base,
            SettingsChanges {
                enable_spending_limit: Some(true),
                monthly_spending_limit_cents: Some(Some(5_000)),
                notification_emails: Some(vec!["A@Example.com".into(), "a@example.com".into()]),
                ..Default::default()
            },
        )
        .expect("valid");
        assert_eq!(ok.notification_emails, vec!["a@example.com".to_owned()]);
        assert!(ok.notify_at_80_percent && !ok.notify_at_50_percent);
    }

    fn report(overage: i64, limit: Option<i64>, priced: bool, playwright: f64) -> UsageReport {
        let now = Utc::now();
        UsageReport {
            period_start: now,
            period_end: now,
            meters: vec![super::super::usage::MeterUsage {
                meter: Meter::PlaywrightMinutes,
                used: playwright,
                included: Some(60.0),
                overage_units: 0.0,
                overage_cents: overage,
            }],
            overage_cents: overage,
            spending_limit_cents: limit,
            stop: None,
            plan: "plus".into(),
            priced,
        }
    }

    #[test]
    fn thresholds_crossed_with_their_flags() {
        let settings = Settings {
            enable_spending_limit: true,
            monthly_spending_limit_cents: Some(1_000),
            ..Settings::default()
        };
        let percents = |r: &UsageReport| {
            due_notices(r, &settings)
                .iter()
                .map(|n| n.percent)
                .collect::<Vec<_>>()
        };
        // 50 % is off by default; 80 % is crossed at 800 cents exactly.
        assert_eq!(
            percents(&report(799, Some(1_000), true, 0.0)),
            Vec::<i32>::new()
        );
        assert_eq!(percents(&report(800, Some(1_000), true, 0.0)), vec![80]);
        assert_eq!(
            percents(&report(1_000, Some(1_000), true, 0.0)),
            vec![80, 90, 100]
        );
        // A plan without prices: 80 and 100 % of what it includes.
        let free = Settings::default();
        let n = due_notices(&report(0, None, false, 48.0), &free);
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].resource, UsageResourceType::Playwright);
    }

    #[test]
    fn the_hard_stop_needs_its_flag_and_says_when_it_resets() {
        let on = billing_settings::Model {
            id: Uuid::nil(),
            organization_id: Uuid::nil(),
            monthly_spending_limit_cents: Some(1_000),
            enable_spending_limit: true,
            hard_stop_on_limit: true,
            notify_at_50_percent: false,
            notify_at_80_percent: true,
            notify_at_90_percent: true,
            notify_at_100_percent: true,
            notification_emails: None,
            last_notification_sent_at: None,
            notifications_sent_this_period: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let reached = report(1_000, Some(1_000), true, 0.0);
        let stop = stop(&reached, Some(&on)).expect("stopped");
        assert_eq!(stop.kind, StopKind::SpendingLimit);
        assert!(stop.message().contains("$10.00") && stop.message().contains("resets on"));
        let off = billing_settings::Model {
            hard_stop_on_limit: false,
            ..on.clone()
        };
        assert_eq!(super::stop(&reached, Some(&off)), None);
        assert_eq!(
            super::stop(&report(999, Some(1_000), true, 0.0), Some(&on)),
            None
        );
        // Free: the included minutes are used up.
        let free = super::stop(&report(0, None, false, 60.0), Some(&on)).expect("stopped");
        assert_eq!(free.kind, StopKind::IncludedUsage);
        assert!(free.message().contains("60 Playwright minutes"));
    }
}
