//! Subscribers of a status page: people and systems told of its incidents, maintenance and
//! postmortems by email, SMS, webhook or Slack (`status_page_subscribers`), page-wide, for some
//! components only (`status_page_component_subscriptions`) or for one incident
//! (`status_page_incident_subscriptions`).
//!
//! Visitors subscribe from the public page (no account: [`subscribe`], [`confirm`],
//! [`unsubscribe`]); editors of the page's project add, list, export, remove and release
//! subscribers ([`add`], [`list`], [`csv`], [`remove`], [`clear_quarantine`]). Which kinds a
//! page takes, and whether page-wide or per-incident, are the page's `allow_*` settings.
//!
//! **Double opt-in.** An email or SMS subscriber a visitor adds gets a confirmation message
//! with a link and hears nothing else until it is followed; one pending confirmation per
//! address and page (subscribing again sends nothing), and unconfirmed subscribers are purged
//! after [`UNCONFIRMED_DAYS`]. Webhook and Slack subscribers, and those an editor adds with
//! `skip_confirmation`, are active at once.
//!
//! **Tokens.** The links carry `{subscriber id}.{random token}` ([`Token`]); the token is kept
//! sealed with the master key, bound to its row and column, and compared in constant time.
//! A token of another page's subscriber finds nothing on this page.
//!
//! **Quarantine.** After [`QUARANTINE_AFTER`] failed deliveries in a row (each after its
//! retries, `notify`), a subscriber is quarantined: nothing is sent to it, and it is purged
//! [`QUARANTINE_DAYS`] later unless an editor clears the quarantine.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use entity::status_page_subscribers::{self as subscribers, SubscriberMode};
use entity::{
    incidents, status_page_component_subscriptions as component_subs, status_page_components,
    status_page_incident_subscriptions as incident_subs, status_pages,
};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::incident::{MAX_COMPONENTS, is_closed};
use super::notify;
use crate::audit;
use crate::auth::{Level, Principal};
use crate::crypto::{self, Binding, MasterKey, SubscriberSecret};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

/// Failed deliveries in a row (each after its own retries) that quarantine a subscriber.
pub const QUARANTINE_AFTER: i32 = 3;
/// Days a quarantined subscriber is kept (an editor may clear it) before it is purged.
pub const QUARANTINE_DAYS: i64 = 30;
/// Days an unconfirmed subscriber waits for its confirmation before it is purged.
pub const UNCONFIRMED_DAYS: i64 = 7;
/// Longest webhook or Slack URL (the column's width).
pub const MAX_ENDPOINT: usize = 255;
/// Rows a CSV export holds at most.
pub const MAX_EXPORT: u64 = 100_000;

/// How a new subscriber is reached and what it follows, as given.
#[derive(Debug, Default, Clone)]
pub struct NewSubscriber<'a> {
    pub mode: Option<SubscriberMode>,
    pub email: Option<&'a str>,
    /// E.164 (`+14155550123`); spaces, dots, dashes and brackets are ignored.
    pub phone_number: Option<&'a str>,
    /// ISO 3166-1 alpha-2 country of the number.
    pub phone_country: Option<&'a str>,
    /// The URL of a webhook or a Slack incoming webhook.
    pub endpoint: Option<&'a str>,
    /// Only incidents that affect these components of the page; none: every one.
    pub component_ids: &'a [Uuid],
    /// Only this incident of the page.
    pub incident_id: Option<Uuid>,
}

/// A subscriber's address, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Contact {
    Email(String),
    Sms { number: String, country: String },
    Webhook(String),
    Slack(String),
}

impl Contact {
    fn mode(&self) -> SubscriberMode {
        match self {
            Contact::Email(_) => SubscriberMode::Email,
            Contact::Sms { .. } => SubscriberMode::Sms,
            Contact::Webhook(_) => SubscriberMode::Webhook,
            Contact::Slack(_) => SubscriberMode::Slack,
        }
    }

    /// Whether the subscriber confirms by a link before it hears anything.
    fn needs_confirmation(&self) -> bool {
        matches!(self, Contact::Email(_) | Contact::Sms { .. })
    }

    /// Subscribers of the page with this same address.
    fn same(&self, page_id: Uuid) -> sea_orm::Select<subscribers::Entity> {
        let query = subscribers::Entity::find()
            .filter(subscribers::Column::StatusPageId.eq(page_id))
            .filter(subscribers::Column::Mode.eq(self.mode()));
        match self {
            Contact::Email(email) => query.filter(subscribers::Column::Email.eq(email.as_str())),
            Contact::Sms { number, .. } => {
                query.filter(subscribers::Column::PhoneNumber.eq(number.as_str()))
            }
            Contact::Webhook(url) | Contact::Slack(url) => {
                query.filter(subscribers::Column::Endpoint.eq(url.as_str()))
            }
        }
    }
}

/// Refuses control characters (CR and LF above all: no header or line injection) before
/// any other check, so that no parser quietly drops them.
fn no_control(field: &str, value: &str) -> AppResult<()> {
    if value.chars().any(char::is_control) {
        return Err(AppError::field(
            field,
            "must not contain control characters or line breaks",
        ));
    }
    Ok(())
}

/// Checks a phone number in E.164 form: `+`, a country code not starting with 0, 8-15 digits
/// in all. Spaces, dots, dashes and brackets are dropped.
pub fn check_phone(value: &str) -> AppResult<String> {
    no_control("phoneNumber", value)?;
    let compact: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or("");
    let ok = (8..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0');
    if !ok {
        return Err(AppError::field(
            "phoneNumber",
            "must be an international number in E.164 form, such as +14155550123",
        ));
    }
    Ok(format!("+{digits}"))
}

/// Checks an ISO 3166-1 alpha-2 country code (`US`, `fr`), upper-cased.
pub fn check_country(value: &str) -> AppResult<String> {
    let value = value.trim().to_ascii_uppercase();
    if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(AppError::field(
            "phoneCountry",
            "must be a two-letter country code such as US or FR",
        ));
    }
    Ok(value)
}

/// Checks a webhook or Slack URL: http(s), at most [`MAX_ENDPOINT`] characters, allowed by the
/// outbound policy (no private address where the policy forbids them).
fn check_endpoint(state: &AppState, value: &str) -> AppResult<String> {
    no_control("endpoint", value)?;
    let value = value.trim();
    if value.len() > MAX_ENDPOINT {
        return Err(AppError::field(
            "endpoint",
            format!("must be at most {MAX_ENDPOINT} characters"),
        ));
    }
    let url = state.settings.outbound().check_url("endpoint", value)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(AppError::field("endpoint", "must be an http or https URL"));
    }
    Ok(url.to_string())
}

/// The address of `input`, checked, if `page` takes its kind.
fn contact(
    state: &AppState,
    page: &status_pages::Model,
    input: &NewSubscriber<'_>,
) -> AppResult<Contact> {
    let mode = input
        .mode
        .ok_or_else(|| AppError::field("mode", "must be EMAIL, SMS, WEBHOOK or SLACK"))?;
    let allowed = match mode {
        SubscriberMode::Email => page.allow_email_subscribers,
        SubscriberMode::Sms => page.allow_sms_subscribers,
        // Slack incoming webhooks are webhooks: the page's webhook setting covers both.
        SubscriberMode::Webhook | SubscriberMode::Slack => page.allow_webhook_subscribers,
    };
    if !allowed {
        return Err(AppError::field(
            "mode",
            format!("this page does not take {} subscribers", mode_name(mode)),
        ));
    }
    let required = |field: &str, value: Option<&str>| {
        value
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
            .ok_or_else(|| AppError::field(field, "is required for this kind of subscriber"))
    };
    Ok(match mode {
        SubscriberMode::Email => {
            let email = required("email", input.email)?;
            no_control("email", &email)?;
            Contact::Email(validate::email("email", &email)?)
        }
        SubscriberMode::Sms => Contact::Sms {
            number: check_phone(&required("phoneNumber", input.phone_number)?)?,
            country: check_country(&required("phoneCountry", input.phone_country)?)?,
        },
        SubscriberMode::Webhook => Contact::Webhook(check_endpoint(
            state,
            &required("endpoint", input.endpoint)?,
        )?),
        SubscriberMode::Slack => Contact::Slack(check_endpoint(
            state,
            &required("endpoint", input.endpoint)?,
        )?),
    })
}

/// The kind as the API spells it, for messages.
pub fn mode_name(mode: SubscriberMode) -> &'static str {
    match mode {
        SubscriberMode::Email => "EMAIL",
        SubscriberMode::Sms => "SMS",
        SubscriberMode::Webhook => "WEBHOOK",
        SubscriberMode::Slack => "SLACK",
    }
}

/// What a new subscriber follows, checked against its page.
#[derive(Debug, Clone, Default)]
struct Scope {
    components: Vec<Uuid>,
    incident: Option<Uuid>,
}

async fn scope(
    db: &impl ConnectionTrait,
    page: &status_pages::Model,
    input: &NewSubscriber<'_>,
) -> AppResult<Scope> {
    if let Some(incident_id) = input.incident_id {
        if !page.allow_incident_subscribers {
            return Err(AppError::field(
                "incidentId",
                "this page does not take subscribers to one incident",
            ));
        }
        let incident = incidents::Entity::find_by_id(incident_id)
            .filter(incidents::Column::StatusPageId.eq(page.id))
            .one(db)
            .await?
            .ok_or_else(|| AppError::field("incidentId", "is not an incident of this page"))?;
        if is_closed(incident.status) {
            return Err(AppError::field(
                "incidentId",
                "this incident is over: there is nothing more to hear of it",
            ));
        }
        return Ok(Scope {
            components: Vec::new(),
            incident: Some(incident_id),
        });
    }
    if !page.allow_page_subscribers {
        return Err(AppError::field(
            "incidentId",
            "this page takes only subscribers to one incident",
        ));
    }
    let mut ids = input.component_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() > MAX_COMPONENTS {
        return Err(AppError::field(
            "componentIds",
            format!("at most {MAX_COMPONENTS} components"),
        ));
    }
    if !ids.is_empty() {
        let found = status_page_components::Entity::find()
            .filter(status_page_components::Column::StatusPageId.eq(page.id))
            .filter(status_page_components::Column::Id.is_in(ids.clone()))
            .count(db)
            .await?;
        if found != ids.len() as u64 {
            return Err(AppError::field(
                "componentIds",
                "a component is not on this page",
            ));
        }
    }
    Ok(Scope {
        components: ids,
        incident: None,
    })
}

/// The token of a link: the subscriber's id and a random secret, `{id}.{secret}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub subscriber_id: Uuid,
    secret: String,
}

impl Token {
    fn new(subscriber_id: Uuid) -> Self {
        Token {
            subscriber_id,
            secret: crypto::random_token(32),
        }
    }

    /// The token of a link, or `None` when it cannot be one (no query is made for it).
    pub fn parse(text: &str) -> Option<Token> {
        let (id, secret) = text.split_once('.')?;
        let subscriber_id = Uuid::try_parse(id).ok()?;
        let ok = (20..=100).contains(&secret.len())
            && secret
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| Token {
            subscriber_id,
            secret: secret.to_owned(),
        })
    }

    /// As it goes in a link.
    pub fn text(&self) -> String {
        format!("{}.{}", self.subscriber_id.simple(), self.secret)
    }

    fn seal(&self, key: &MasterKey, column: SubscriberSecret) -> AppResult<String> {
        Ok(key.seal(
            &self.secret,
            &Binding::subscriber(self.subscriber_id, column),
        )?)
    }

    /// Whether `sealed` (the subscriber's column) holds this token.
    fn matches(&self, key: &MasterKey, sealed: Option<&str>, column: SubscriberSecret) -> bool {
        let Some(sealed) = sealed else { return false };
        key.open(sealed, &Binding::subscriber(self.subscriber_id, column))
            .is_ok_and(|stored| crypto::constant_time_eq(stored.as_bytes(), self.secret.as_bytes()))
    }
}

/// The token of `subscriber`'s `column` in clear, to put in a link as it is sent.
pub fn open_token(
    key: &MasterKey,
    subscriber: &subscribers::Model,
    column: SubscriberSecret,
) -> AppResult<Option<String>> {
    let sealed = match column {
        SubscriberSecret::Verification => subscriber.verification_token.as_deref(),
        SubscriberSecret::Unsubscribe => subscriber.unsubscribe_token.as_deref(),
        SubscriberSecret::Signing => subscriber.signing_secret.as_deref(),
    };
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    let secret = key.open(sealed, &Binding::subscriber(subscriber.id, column))?;
    Ok(Some(match column {
        SubscriberSecret::Signing => secret,
        _ => format!("{}.{secret}", subscriber.id.simple()),
    }))
}

/// A new subscriber, written.
pub struct Added {
    pub subscriber: subscribers::Model,
    /// The signing secret of a new webhook subscriber, shown this once.
    pub signing_secret: Option<String>,
}

/// Writes a subscriber of `page` reached at `contact` and following `scope`, with its tokens,
/// and queues its confirmation when it needs one.
async fn insert(
    tx: &Tx,
    state: &AppState,
    page: &status_pages::Model,
    contact: &Contact,
    scope: &Scope,
    confirmed: bool,
) -> AppResult<Added> {
    let now = Utc::now();
    let id = Uuid::now_v7();
    let key = &state.master_key;
    let unsubscribe = Token::new(id).seal(key, SubscriberSecret::Unsubscribe)?;
    let verification = (!confirmed)
        .then(|| Token::new(id).seal(key, SubscriberSecret::Verification))
        .transpose()?;
    let signing_secret =
        matches!(contact, Contact::Webhook(_)).then(crate::delivery::signed::generate_secret);
    let sealed_secret = signing_secret
        .as_deref()
        .map(|s| key.seal(s, &Binding::subscriber(id, SubscriberSecret::Signing)))
        .transpose()?;
    let (mut email, mut phone, mut country, mut endpoint) = (None, None, None, None);
    match contact {
        Contact::Email(e) => email = Some(e.clone()),
        Contact::Sms { number, country: c } => {
            phone = Some(number.clone());
            country = Some(c.clone());
        }
        Contact::Webhook(url) | Contact::Slack(url) => endpoint = Some(url.clone()),
    }
    let subscriber = subscribers::ActiveModel {
        id: Set(id),
        status_page_id: Set(page.id),
        email: Set(email),
        phone_number: Set(phone),
        phone_country: Set(country),
        endpoint: Set(endpoint),
        mode: Set(contact.mode()),
        skip_confirmation_notification: Set(confirmed && contact.needs_confirmation()),
        quarantined_at: Set(None),
        purge_at: Set((!confirmed).then(|| now + Duration::days(UNCONFIRMED_DAYS))),
        verified_at: Set(confirmed.then_some(now)),
        verification_token: Set(verification),
        unsubscribe_token: Set(Some(unsubscribe)),
        signing_secret: Set(sealed_secret),
        failed_deliveries: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    for component_id in &scope.components {
        component_subs::ActiveModel {
            id: Set(Uuid::now_v7()),
            subscriber_id: Set(id),
            component_id: Set(*component_id),
            created_at: Set(now),
        }
        .insert(tx.conn())
        .await?;
    }
    if let Some(incident_id) = scope.incident {
        incident_subs::ActiveModel {
            id: Set(Uuid::now_v7()),
            incident_id: Set(incident_id),
            subscriber_id: Set(id),
            created_at: Set(now),
        }
        .insert(tx.conn())
        .await?;
    }
    if !confirmed {
        notify::queue_confirmation(tx, page, &subscriber).await?;
    }
    Ok(Added {
        subscriber,
        signing_secret,
    })
}

/// What a visitor's subscription came to. The answer is the same whether the address was
/// new, pending or subscribed already, so that nobody learns who subscribes to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscribed {
    /// A confirmation is on its way (or was sent before and is still pending, or the address
    /// is subscribed already).
    ConfirmationSent,
    /// A webhook or Slack subscriber, active now; a webhook's signing secret is shown this once.
    Active { signing_secret: Option<String> },
}

/// A visitor subscribes to published page `page` (no account). One pending confirmation per
/// address and page: subscribing again sends nothing and changes nothing.
pub async fn subscribe(
    state: &AppState,
    page: &status_pages::Model,
    input: &NewSubscriber<'_>,
) -> AppResult<Subscribed> {
    if page.status != status_pages::StatusPageStatus::Published {
        return Err(AppError::NotFound);
    }
    let contact = contact(state, page, input)?;
    let scope = scope(&state.db, page, input).await?;
    let tx = Tx::begin(state).await?;
    if contact.same(page.id).one(tx.conn()).await?.is_some() {
        return Ok(match contact.needs_confirmation() {
            true => Subscribed::ConfirmationSent,
            false => Subscribed::Active {
                signing_secret: None,
            },
        });
    }
    let added = insert(
        &tx,
        state,
        page,
        &contact,
        &scope,
        !contact.needs_confirmation(),
    )
    .await?;
    audit::record_for(
        &tx,
        None,
        Some(page.organization_id),
        "status_page.subscriber.subscribe",
        json!({ "statusPageId": page.id, "subscriberId": added.subscriber.id, "mode": mode_name(contact.mode()) }),
    )
    .await?;
    tx.commit().await?;
    Ok(match contact.needs_confirmation() {
        true => Subscribed::ConfirmationSent,
        false => Subscribed::Active {
            signing_secret: added.signing_secret,
        },
    })
}

/// An editor adds a subscriber to page `status_page_id`; with `skip_confirmation` an email or
/// SMS subscriber is active at once and gets no confirmation message. The same address on
/// the page is `CONFLICT`.
pub async fn add(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    input: &NewSubscriber<'_>,
    skip_confirmation: bool,
) -> AppResult<Added> {
    let page = super::find(state, principal, status_page_id, Level::Editor).await?;
    let contact = contact(state, &page, input)?;
    let scope = scope(&state.db, &page, input).await?;
    let tx = Tx::begin(state).await?;
    if contact.same(page.id).one(tx.conn()).await?.is_some() {
        return Err(AppError::Conflict(
            "this address is subscribed to the page already".into(),
        ));
    }
    let confirmed = skip_confirmation || !contact.needs_confirmation();
    let added = insert(&tx, state, &page, &contact, &scope, confirmed).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.subscriber.add",
        json!({ "statusPageId": page.id, "subscriberId": added.subscriber.id, "mode": mode_name(contact.mode()), "skipConfirmation": skip_confirmation }),
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

/// Subscriber `id` and its page, if the caller may reach the page at `needed`; one of a page
/// in another tenant is `NOT_FOUND`, like a missing one.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<(subscribers::Model, status_pages::Model)> {
    let subscriber = subscribers::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = super::find(state, principal, subscriber.status_page_id, needed).await?;
    Ok((subscriber, page))
}

/// An editor removes a subscriber (with its subscriptions and queued messages).
pub async fn remove(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let (subscriber, page) = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    subscribers::Entity::delete_by_id(subscriber.id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.subscriber.remove",
        json!({ "statusPageId": page.id, "subscriberId": subscriber.id, "mode": mode_name(subscriber.mode) }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An editor takes a subscriber out of quarantine: it receives messages again, and is no
/// longer to be purged (unless it is still unconfirmed).
pub async fn clear_quarantine(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<subscribers::Model> {
    let (subscriber, page) = find(state, principal, id, Level::Editor).await?;
    if subscriber.quarantined_at.is_none() {
        return Ok(subscriber);
    }
    let tx = Tx::begin(state).await?;
    let unconfirmed = subscriber.verified_at.is_none();
    let created = subscriber.created_at;
    let mut row: subscribers::ActiveModel = subscriber.into();
    row.quarantined_at = Set(None);
    row.failed_deliveries = Set(0);
    row.purge_at = Set(unconfirmed.then(|| created + Duration::days(UNCONFIRMED_DAYS)));
    row.updated_at = Set(Utc::now());
    let subscriber = row.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.subscriber.clear_quarantine",
        json!({ "statusPageId": page.id, "subscriberId": subscriber.id }),
    )
    .await?;
    tx.commit().await?;
    Ok(subscriber)
}

/// Quarantines `subscriber` (its deliveries kept failing): nothing more is sent to it, and it
/// is purged [`QUARANTINE_DAYS`] from `now`.
pub(super) async fn quarantine(
    tx: &Tx,
    subscriber: subscribers::Model,
    now: DateTime<Utc>,
) -> AppResult<subscribers::Model> {
    let page_id = subscriber.status_page_id;
    let mut row: subscribers::ActiveModel = subscriber.into();
    row.quarantined_at = Set(Some(now));
    row.purge_at = Set(Some(now + Duration::days(QUARANTINE_DAYS)));
    row.updated_at = Set(now);
    let subscriber = row.update(tx.conn()).await?;
    let organization_id = status_pages::Entity::find_by_id(page_id)
        .one(tx.conn())
        .await?
        .map(|p| p.organization_id);
    audit::record_for(
        tx,
        None,
        organization_id,
        "status_page.subscriber.quarantine",
        json!({ "statusPageId": page_id, "subscriberId": subscriber.id, "failedDeliveries": subscriber.failed_deliveries }),
    )
    .await?;
    Ok(subscriber)
}

/// Deletes the subscribers whose `purge_at` has passed at `now`: unconfirmed ones that never
/// confirmed, quarantined ones nobody cleared. Returns how many.
pub async fn purge(state: &AppState, now: DateTime<Utc>) -> AppResult<u64> {
    let tx = Tx::begin(state).await?;
    let done = subscribers::Entity::delete_many()
        .filter(subscribers::Column::PurgeAt.lte(now))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected)
}

/// The subscribers' share of the periodic upkeep: purges those past `purge_at`, then writes
/// the day's subscriber counts of every page (`metrics`).
pub async fn upkeep(state: &AppState, now: DateTime<Utc>) -> AppResult<()> {
    let purged = purge(state, now).await?;
    let pages = super::metrics::record_counts(&state.db, now).await?;
    tracing::debug!(purged, pages, "status page subscriber upkeep");
    Ok(())
}

/// What a confirmation link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Now,
    Already,
}

/// Finds the subscriber of `page` a token names, if the token is its `column`'s.
async fn by_token(
    state: &AppState,
    page: &status_pages::Model,
    token: &Token,
    column: SubscriberSecret,
) -> AppResult<subscribers::Model> {
    let subscriber = subscribers::Entity::find_by_id(token.subscriber_id)
        .filter(subscribers::Column::StatusPageId.eq(page.id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let sealed = match column {
        SubscriberSecret::Verification => subscriber.verification_token.as_deref(),
        _ => subscriber.unsubscribe_token.as_deref(),
    };
    if !token.matches(&state.master_key, sealed, column) {
        return Err(AppError::NotFound);
    }
    Ok(subscriber)
}

/// Follows a confirmation link of `page`: the subscriber is active from now on. A second
/// time says so and changes nothing; a token that is not this page's is `NOT_FOUND`.
pub async fn confirm(
    state: &AppState,
    page: &status_pages::Model,
    token: &Token,
) -> AppResult<Confirmed> {
    let subscriber = by_token(state, page, token, SubscriberSecret::Verification).await?;
    if subscriber.verified_at.is_some() {
        return Ok(Confirmed::Already);
    }
    let tx = Tx::begin(state).await?;
    let now = Utc::now();
    let id = subscriber.id;
    let mut row: subscribers::ActiveModel = subscriber.into();
    row.verified_at = Set(Some(now));
    row.purge_at = Set(None);
    row.updated_at = Set(now);
    row.update(tx.conn()).await?;
    audit::record_for(
        &tx,
        None,
        Some(page.organization_id),
        "status_page.subscriber.confirm",
        json!({ "statusPageId": page.id, "subscriberId": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(Confirmed::Now)
}

/// The subscriber of `page` an unsubscribe link names (to show what it would end).
pub async fn by_unsubscribe_token(
    state: &AppState,
    page: &status_pages::Model,
    token: &Token,
) -> AppResult<subscribers::Model> {
    by_token(state, page, token, SubscriberSecret::Unsubscribe).await
}

/// Follows an unsubscribe link of `page` (a one-click POST, RFC 8058): the subscriber and
/// its subscriptions are deleted. A used or unknown token, or one of another page, is
/// `NOT_FOUND` and changes nothing.
pub async fn unsubscribe(
    state: &AppState,
    page: &status_pages::Model,
    token: &Token,
) -> AppResult<subscribers::Model> {
    let subscriber = by_token(state, page, token, SubscriberSecret::Unsubscribe).await?;
    let tx = Tx::begin(state).await?;
    subscribers::Entity::delete_by_id(subscriber.id)
        .exec(tx.conn())
        .await?;
    audit::record_for(
        &tx,
        None,
        Some(page.organization_id),
        "status_page.subscriber.unsubscribe",
        json!({ "statusPageId": page.id, "subscriberId": subscriber.id, "mode": mode_name(subscriber.mode) }),
    )
    .await?;
    tx.commit().await?;
    Ok(subscriber)
}

/// Where a subscriber stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriberState {
    /// Waiting for its confirmation.
    Pending,
    /// Receiving messages.
    Active,
    /// Receiving nothing after repeated failures, until cleared or purged.
    Quarantined,
}

/// The state of `subscriber`.
pub fn state_of(subscriber: &subscribers::Model) -> SubscriberState {
    if subscriber.quarantined_at.is_some() {
        SubscriberState::Quarantined
    } else if subscriber.verified_at.is_none() {
        SubscriberState::Pending
    } else {
        SubscriberState::Active
    }
}

/// Which subscribers of a page to list.
#[derive(Debug, Default, Clone)]
pub struct SubscriberFilter {
    pub mode: Option<SubscriberMode>,
    pub state: Option<SubscriberState>,
    /// Part of the address (email, number or URL), any case.
    pub search: Option<String>,
}

fn filtered(
    status_page_id: Uuid,
    filter: &SubscriberFilter,
) -> sea_orm::Select<subscribers::Entity> {
    use subscribers::Column as C;
    let mut query = subscribers::Entity::find().filter(C::StatusPageId.eq(status_page_id));
    if let Some(mode) = filter.mode {
        query = query.filter(C::Mode.eq(mode));
    }
    query = match filter.state {
        None => query,
        Some(SubscriberState::Quarantined) => query.filter(C::QuarantinedAt.is_not_null()),
        Some(SubscriberState::Pending) => query
            .filter(C::QuarantinedAt.is_null())
            .filter(C::VerifiedAt.is_null()),
        Some(SubscriberState::Active) => query
            .filter(C::QuarantinedAt.is_null())
            .filter(C::VerifiedAt.is_not_null()),
    };
    if let Some(search) = filter.search.as_deref().filter(|s| !s.is_empty()) {
        let pattern = format!(
            "%{}%",
            search
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let like = |column: C| {
            Expr::expr(Func::lower(Expr::col(column)))
                .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\'))
        };
        query = query.filter(
            like(C::Email)
                .or(like(C::PhoneNumber))
                .or(like(C::Endpoint)),
        );
    }
    query
}

/// Subscribers of a page the caller may view (project viewers), oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
    filter: SubscriberFilter,
    request: PageRequest,
) -> AppResult<Rows<subscribers::Model>> {
    super::find(state, principal, status_page_id, Level::Viewer).await?;
    let query = filtered(status_page_id, &filter);
    page::read(
        &state.db,
        query,
        subscribers::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// What each subscriber of `ids` follows: its components and incidents.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Follows {
    pub component_ids: Vec<Uuid>,
    pub incident_ids: Vec<Uuid>,
}

/// The components and incidents each subscriber of `ids` follows (two statements).
pub async fn follows(db: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<HashMap<Uuid, Follows>> {
    let mut out: HashMap<Uuid, Follows> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let components = component_subs::Entity::find()
        .filter(component_subs::Column::SubscriberId.is_in(ids.to_vec()))
        .order_by_asc(component_subs::Column::Id)
        .all(db)
        .await?;
    for row in components {
        out.entry(row.subscriber_id)
            .or_default()
            .component_ids
            .push(row.component_id);
    }
    let incidents = incident_subs::Entity::find()
        .filter(incident_subs::Column::SubscriberId.is_in(ids.to_vec()))
        .order_by_asc(incident_subs::Column::Id)
        .all(db)
        .await?;
    for row in incidents {
        out.entry(row.subscriber_id)
            .or_default()
            .incident_ids
            .push(row.incident_id);
    }
    Ok(out)
}

/// The subscribers of a page as CSV (project viewers): one line per subscriber, oldest
/// first, with a header line. Cells a spreadsheet would read as a formula are quoted with a
/// leading `'`.
pub async fn csv(
    state: &AppState,
    principal: &Principal,
    status_page_id: Uuid,
) -> AppResult<String> {
    super::find(state, principal, status_page_id, Level::Viewer).await?;
    let rows = filtered(status_page_id, &SubscriberFilter::default())
        .order_by_asc(subscribers::Column::Id)
        .paginate(&state.db, MAX_EXPORT)
        .fetch_page(0)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let follows = follows(&state.db, &ids).await?;
    let mut out = String::from(
        "id,mode,email,phone_number,phone_country,endpoint,state,created_at,confirmed_at,quarantined_at,component_ids,incident_ids\r\n",
    );
    let time = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
    for row in &rows {
        let follow = follows.get(&row.id).cloned().unwrap_or_default();
        let join = |ids: &[Uuid]| {
            ids.iter()
                .map(Uuid::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let state = match state_of(row) {
            SubscriberState::Pending => "pending",
            SubscriberState::Active => "active",
            SubscriberState::Quarantined => "quarantined",
        };
        let cells = [
            row.id.to_string(),
            mode_name(row.mode).to_lowercase(),
            row.email.clone().unwrap_or_default(),
            row.phone_number.clone().unwrap_or_default(),
            row.phone_country.clone().unwrap_or_default(),
            row.endpoint.clone().unwrap_or_default(),
            state.to_owned(),
            row.created_at.to_rfc3339(),
            time(row.verified_at),
            time(row.quarantined_at),
            join(&follow.component_ids),
            join(&follow.incident_ids),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a value a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`.
pub fn csv_cell(value: &str) -> String {
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The subscribers of page `status_page_id` who hear of an incident affecting
/// `components`: active (confirmed, not quarantined), and page-wide (following nothing in
/// particular), following one of `components`, or following `incident_id`.
pub(super) async fn audience(
    db: &impl ConnectionTrait,
    status_page_id: Uuid,
    incident_id: Uuid,
    components: &HashSet<Uuid>,
) -> AppResult<Vec<subscribers::Model>> {
    let active = subscribers::Entity::find()
        .filter(subscribers::Column::StatusPageId.eq(status_page_id))
        .filter(subscribers::Column::VerifiedAt.is_not_null())
        .filter(subscribers::Column::QuarantinedAt.is_null())
        .order_by_asc(subscribers::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = active.iter().map(|s| s.id).collect();
    let follows = follows(db, &ids).await?;
    Ok(active
        .into_iter()
        .filter(|s| match follows.get(&s.id) {
            None => true,
            Some(f) => {
                f.incident_ids.contains(&incident_id)
                    || f.component_ids.iter().any(|c| components.contains(c))
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_e164() {
        assert_eq!(
            check_phone("+1 (415) 555-0123").ok().as_deref(),
            Some("+14155550123")
        );
        for bad in [
            "4155550123",
            "+0155550123",
            "+1415555012345678",
            "+1234",
            "+1415555\r\n0123",
            "+1415abc0123",
        ] {
            assert!(check_phone(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(check_country(" us ").ok().as_deref(), Some("US"));
        assert!(check_country("USA").is_err());
        assert!(check_country("1A").is_err());
    }

    #[test]
    fn tokens_parse_only_in_their_form() {
        let token = Token::new(Uuid::now_v7());
        assert_eq!(Token::parse(&token.text()), Some(token.clone()));
        for bad in [
            "",
            "x.y",
            "not-a-uuid.aaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &format!("{}.short", Uuid::nil().simple()),
            &format!(
                "{}.{}",
                Uuid::nil().simple(),
                "<script>aaaaaaaaaaaaaaaaaaaaa"
            ),
        ] {
            assert_eq!(Token::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1415"), "'+1415");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }
}
