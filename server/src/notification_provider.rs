//! Notification providers: the configured channels (an email list, a Slack webhook, a Telegram
//! chat, ...) that alerts are delivered through. A provider belongs to a project, or to its
//! organization as a whole (`project_id` null): an organization-wide provider is made and changed
//! by organization admins, seen by every member, and linked to monitors and jobs of any of the
//! organization's projects.
//!
//! `config` is a JSON object with camelCase keys, the settings of the provider's type
//! ([`crate::delivery::config`] lists them), read into its typed struct and checked on every
//! write. Secret values are sealed with the master key in the stored config and shown
//! masked; they are opened only by [`channel`], just before sending. `credentialId` names a
//! service credential of the same project (SENDGRID, SLACK, DISCORD or TWILIO) whose secret is
//! used instead of one stored in the config; its `meta` may supply `from` (SendGrid) or
//! `accountSid` (Twilio).
//!
//! Updates merge the given keys over the stored config: a key set to null is removed, a key
//! left out is kept, and a secret sent back in its masked form keeps the stored value.

use chrono::Utc;
use entity::notification_providers::{self, NotificationProviderType as Kind};
use entity::projects;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::credential::mask_str;
use crate::crypto::MasterKey;
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
pub use crate::delivery::config::ChannelHome;
use crate::delivery::config::{ChannelConfig, Scope, secret_keys, type_name};
use crate::delivery::{self, Channel, Message, Outcome, RetryPolicy, Severity};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::validate;

// ---------------------------------------------------------------------------------------------
// Reading, checking and storing the config.

/// The config as clients see it: secrets masked (`ht****ab`), never in clear.
pub fn masked_config(state: &AppState, row: &notification_providers::Model) -> Value {
    ChannelConfig::masked(
        &state.master_key,
        row.r#type,
        ChannelHome::Provider(row.id),
        &row.config,
    )
}

/// A stored config with its `v1:` (unbound) secrets resealed for `home`, or `None` when it
/// holds none. For the reseal pass (`crate::reseal`).
pub(crate) fn reseal_unbound_config(
    key: &MasterKey,
    kind: Kind,
    home: ChannelHome,
    stored: &Value,
) -> AppResult<Option<Value>> {
    ChannelConfig::reseal_unbound(key, kind, home, stored)
}

fn as_object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

/// Reads and checks a config of `kind` for a provider of `project_id` (none: an
/// organization-wide one, which can name no project credential); returns it normalised,
/// secrets in clear.
async fn check_config(
    state: &AppState,
    project_id: Option<Uuid>,
    kind: Kind,
    config: &Value,
) -> AppResult<ChannelConfig> {
    config_object(config)?;
    let scope = Scope {
        state,
        project_id,
        prefix: "config",
    };
    ChannelConfig::parse(kind, "config", config)?
        .check(&scope)
        .await
}

/// A WEBHOOK config without a signing secret gets a generated `whsec_` one, returned to be
/// shown this once: every generic webhook is signed.
fn generate_missing_secret(config: &mut ChannelConfig) -> Option<String> {
    match config {
        ChannelConfig::Webhook(webhook) if webhook.secret.is_none() => {
            let secret = delivery::signed::generate_secret();
            webhook.secret = Some(delivery::field::Str(secret.clone()));
            Some(secret)
        }
        _ => None,
    }
}

fn config_object(config: &Value) -> AppResult<&Map<String, Value>> {
    let map = config
        .as_object()
        .ok_or_else(|| AppError::field("config", "must be a JSON object"))?;
    if config.to_string().len() > 64 * 1024 {
        return Err(AppError::field("config", "is too large"));
    }
    Ok(map)
}

/// `changes` over `current`: null removes a key, a secret sent back masked keeps its value,
/// but only while a webhook's `url` stays on the same origin (`outbound::same_origin`).
fn merge(
    kind: Kind,
    current: &Map<String, Value>,
    changes: &Map<String, Value>,
) -> AppResult<Map<String, Value>> {
    let mut out = current.clone();
    let is_echo = |old: Option<&Value>, new: &Value| match (old.and_then(Value::as_str), new) {
        (Some(old), Value::String(new)) => *new == mask_str(old),
        _ => false,
    };
    let same_destination = match (
        current.get("url").and_then(Value::as_str),
        changes.get("url"),
    ) {
        // A missing or malformed URL is refused by the config check, with its own field.
        (_, None | Some(Value::Null)) => true,
        (Some(old), Some(Value::String(new))) => match reqwest::Url::parse(new.trim()) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {
                crate::outbound::same_origin(old, new)
            }
            _ => true,
        },
        _ => false,
    };
    let keep = |field: &str| {
        if same_destination {
            Ok(())
        } else {
            Err(crate::outbound::secret_needs_reentry(field))
        }
    };
    // Secrets left out of the changes would stay too: with a new origin, each must be sent
    // again (or removed with null).
    for key in secret_keys(kind)
        .iter()
        .copied()
        .chain((kind == Kind::Webhook).then_some("headers"))
    {
        if current.contains_key(key) && !changes.contains_key(key) {
            keep(&format!("config.{key}"))?;
        }
    }
    for (key, value) in changes {
        if value.is_null() {
            out.remove(key);
        } else if secret_keys(kind).contains(&key.as_str()) && is_echo(current.get(key), value) {
            // Keep the stored secret.
            keep(&format!("config.{key}"))?;
        } else if kind == Kind::Webhook
            && key == "headers"
            && let (Some(Value::Object(old)), Value::Object(new)) = (current.get(key), value)
        {
            let mut headers = Map::new();
            for (name, v) in new {
                let v = if is_echo(old.get(name), v) {
                    keep(&format!("config.headers.{name}"))?;
                    old.get(name).cloned().unwrap_or_default()
                } else {
                    v.clone()
                };
                headers.insert(name.clone(), v);
            }
            out.insert(key.clone(), Value::Object(headers));
        } else {
            out.insert(key.clone(), value.clone());
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// CRUD.

/// Where a provider belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// One project's (project editors make and change it).
    Project(Uuid),
    /// The whole organization's (organization admins make and change it).
    Organization(Uuid),
}

/// Fields of a new provider.
#[derive(Debug, Clone)]
pub struct NewProvider {
    pub owner: Owner,
    pub name: String,
    pub kind: Kind,
    pub config: Value,
    pub is_enabled: Option<bool>,
}

/// Fields to change; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct ProviderChanges {
    pub name: Option<String>,
    /// Merged over the stored config (see the module documentation).
    pub config: Option<Value>,
    pub is_enabled: Option<bool>,
}

/// Creates a provider: a project's (project editors) or an organization-wide one
/// (organization admins).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: NewProvider,
) -> AppResult<Saved> {
    let (organization_id, project_id) = match input.owner {
        Owner::Project(project_id) => {
            let access = principal
                .project(&state.db, project_id, Level::Editor)
                .await?;
            (access.project.organization_id, Some(project_id))
        }
        Owner::Organization(organization_id) => {
            principal
                .org(&state.db, organization_id, Level::OrgAdmin)
                .await?;
            (organization_id, None)
        }
    };
    let name = validate::name("name", &input.name)?;
    let mut config = check_config(state, project_id, input.kind, &input.config).await?;
    let generated_secret = generate_missing_secret(&mut config);
    let id = Uuid::now_v7();
    let stored = config.seal(&state.master_key, ChannelHome::Provider(id))?;
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    let row = notification_providers::ActiveModel {
        id: Set(id),
        organization_id: Set(organization_id),
        project_id: Set(project_id),
        created_by_user_id: Set(Some(principal.user_id())),
        name: Set(name),
        r#type: Set(input.kind),
        config: Set(stored),
        is_enabled: Set(input.is_enabled.unwrap_or(true)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.create",
        json!({
            "providerId": row.id,
            "projectId": row.project_id,
            "name": row.name,
            "type": type_name(row.r#type),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Saved {
        row,
        generated_secret,
    })
}

/// A saved provider, and the signing secret generated for it by this change (shown this once).
pub struct Saved {
    pub row: notification_providers::Model,
    pub generated_secret: Option<String>,
}

/// A provider the caller may reach at `needed` (an organization-wide one needs
/// `org_admin` to change).
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<notification_providers::Model> {
    let row = notification_providers::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    match row.project_id {
        Some(project_id) => {
            principal.project(&state.db, project_id, needed).await?;
        }
        None => {
            let needed = if needed > Level::Viewer {
                Level::OrgAdmin
            } else {
                Level::Viewer
            };
            principal
                .org(&state.db, row.organization_id, needed)
                .await?;
        }
    }
    Ok(row)
}

/// Changes a provider (project editors). The type cannot change.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    changes: ProviderChanges,
) -> AppResult<Saved> {
    let row = find(state, principal, id, Level::Editor).await?;
    let kind = row.r#type;
    let mut active: notification_providers::ActiveModel = row.clone().into();
    if let Some(name) = &changes.name {
        active.name = Set(validate::name("name", name)?);
    }
    let mut changed_keys: Vec<String> = Vec::new();
    let mut generated_secret = None;
    if let Some(config) = &changes.config {
        let config = config_object(config)?;
        changed_keys = config.keys().cloned().collect();
        let home = ChannelHome::Provider(id);
        let current = ChannelConfig::open(&state.master_key, kind, home, &row.config)?.to_json()?;
        let merged = merge(kind, &as_object(&current), config)?;
        let mut checked = check_config(state, row.project_id, kind, &Value::Object(merged)).await?;
        generated_secret = generate_missing_secret(&mut checked);
        active.config = Set(checked.seal(&state.master_key, home)?);
    }
    if let Some(enabled) = changes.is_enabled {
        active.is_enabled = Set(enabled);
    }
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let row = active.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.update",
        json!({
            "providerId": id,
            "name": changes.name.is_some().then(|| row.name.clone()),
            "configKeys": changed_keys,
            "isEnabled": changes.is_enabled,
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Saved {
        row,
        generated_secret,
    })
}

/// Deletes a provider (project editors), with its links to monitors and jobs.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let row = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    notification_providers::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.delete",
        json!({ "providerId": id, "name": row.name, "type": type_name(row.r#type) }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Notification providers of a project the caller may view, oldest first; with
/// `organization_wide`, its organization's organization-wide ones among them (those a monitor
/// or job of the project may be linked to).
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    organization_wide: bool,
    request: PageRequest,
) -> AppResult<Rows<notification_providers::Model>> {
    let access = principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let filter = usable_in(
        project_id,
        organization_wide.then_some(access.project.organization_id),
    );
    oldest_first(state, filter, request).await
}

/// The providers matching `filter`, a page of them, oldest first.
async fn oldest_first(
    state: &AppState,
    filter: Condition,
    request: PageRequest,
) -> AppResult<Rows<notification_providers::Model>> {
    let query = notification_providers::Entity::find().filter(filter);
    page::read(
        &state.db,
        query,
        notification_providers::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

/// The organization-wide providers of an organization (any member may view them), oldest
/// first.
pub async fn list_organization_wide(
    state: &AppState,
    principal: &Principal,
    organization_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<notification_providers::Model>> {
    principal
        .org(&state.db, organization_id, Level::Viewer)
        .await?;
    let filter = Condition::all()
        .add(notification_providers::Column::OrganizationId.eq(organization_id))
        .add(notification_providers::Column::ProjectId.is_null());
    oldest_first(state, filter, request).await
}

/// Providers of `project_id`, and with `organization_id` the organization-wide ones of that
/// organization.
pub(crate) fn usable_in(project_id: Uuid, organization_id: Option<Uuid>) -> Condition {
    let own = Condition::all().add(notification_providers::Column::ProjectId.eq(project_id));
    match organization_id {
        None => own,
        Some(organization_id) => Condition::any().add(own).add(
            Condition::all()
                .add(notification_providers::Column::ProjectId.is_null())
                .add(notification_providers::Column::OrganizationId.eq(organization_id)),
        ),
    }
}

/// Checks that every provider of `ids` may be linked to a monitor or job of `project_id`: it
/// is the project's own or organization-wide in the project's organization. A provider of
/// another project or organization is refused on `field`, without saying whether it exists.
pub async fn check_linkable(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    ids: &[Uuid],
    field: &str,
) -> AppResult<()> {
    let ids = crate::project::dedup(ids);
    if ids.is_empty() {
        return Ok(());
    }
    let organization_id = projects::Entity::find_by_id(project_id)
        .select_only()
        .column(projects::Column::OrganizationId)
        .into_tuple::<Uuid>()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = notification_providers::Entity::find()
        .filter(notification_providers::Column::Id.is_in(ids.clone()))
        .filter(usable_in(project_id, Some(organization_id)))
        .count(db)
        .await?;
    if found != ids.len() as u64 {
        return Err(AppError::field(
            field,
            "a notification provider is not in this project or its organization",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sending.

/// The channel of a stored provider, its secrets (and those of the service credential it
/// names) opened. Callers check `is_enabled` themselves. A provider whose credential was
/// deleted, or whose config no longer holds, is `BAD_USER_INPUT`.
pub async fn channel(state: &AppState, row: &notification_providers::Model) -> AppResult<Channel> {
    ChannelConfig::open(
        &state.master_key,
        row.r#type,
        ChannelHome::Provider(row.id),
        &row.config,
    )?
    .channel(state, row.project_id)
    .await
}

/// How a provider test is retried: quickly, since someone waits for the answer.
pub const TEST_RETRY: RetryPolicy = RetryPolicy {
    max_attempts: 2,
    initial_delay: std::time::Duration::from_millis(500),
    max_delay: std::time::Duration::from_secs(2),
};

/// Sends a test message through a provider (project editors) and records the attempt in the
/// audit trail. A provider that cannot be opened (its credential is gone) is reported as a
/// failed delivery of 0 attempts.
pub async fn test(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<Outcome> {
    let row = find(state, principal, id, Level::Editor).await?;
    let message = Message {
        event: "provider.test".into(),
        title: format!("Test notification from Vigil: {}", row.name),
        body: format!(
            "This is a test of the notification provider \"{}\". If you can read it, alerts sent through it will reach you here.",
            row.name
        ),
        severity: Severity::Info,
        link: Some(state.settings.base_url()),
        fields: vec![
            ("Provider".into(), row.name.clone()),
            ("Type".into(), type_name(row.r#type).to_owned()),
            ("Sent by".into(), principal.user.email.clone()),
        ],
        data: json!({ "providerId": row.id, "projectId": row.project_id, "test": true }),
    };
    // No transaction is open while the message travels: the far end may take seconds.
    let outcome = match channel(state, &row).await {
        Ok(channel) => delivery::send_with_retry(state, &channel, &message, TEST_RETRY).await,
        Err(AppError::Validation { message, .. }) => Outcome {
            result: Err(delivery::DeliveryError::permanent(message)),
            attempts: 0,
        },
        Err(other) => return Err(other),
    };
    let tx = Tx::begin(state).await?;
    audit::record(
        &tx,
        principal,
        Some(row.organization_id),
        "notification_provider.test",
        json!({
            "providerId": row.id,
            "success": outcome.is_success(),
            "attempts": outcome.attempts,
            "error": outcome.error(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_secrets_sent_back_masked_for_the_same_origin_only() -> AppResult<()> {
        let current = as_object(&json!({
            "url": "https://example.com/a",
            "secret": "s3cret-signing-key",
            "headers": { "Authorization": "Bearer abcdefghijkl", "X-Team": "ops-team-1" }
        }));
        let changes = as_object(&json!({
            "url": "https://example.com/b",
            "secret": mask_str("s3cret-signing-key"),
            "headers": { "Authorization": mask_str("Bearer abcdefghijkl"), "X-Team": "sre-team-2" }
        }));
        let merged = merge(Kind::Webhook, &current, &changes)?;
        assert_eq!(merged["url"], "https://example.com/b");
        assert_eq!(merged["secret"], "s3cret-signing-key");
        assert_eq!(merged["headers"]["Authorization"], "Bearer abcdefghijkl");
        assert_eq!(merged["headers"]["X-Team"], "sre-team-2");
        let removed = merge(
            Kind::Webhook,
            &current,
            &as_object(&json!({ "secret": null })),
        )?;
        assert!(!removed.contains_key("secret"));
        // Another origin: masked values are refused, new values are taken.
        for elsewhere in [
            "https://attacker.example/a",
            "http://example.com/a",
            "https://example.com:444/a",
        ] {
            let mut moved = changes.clone();
            moved.insert("url".into(), elsewhere.into());
            assert!(
                merge(Kind::Webhook, &current, &moved).is_err(),
                "{elsewhere}"
            );
        }
        let only_url = as_object(&json!({ "url": "https://attacker.example/a" }));
        assert!(merge(Kind::Webhook, &current, &only_url).is_err());
        let fresh = as_object(&json!({
            "url": "https://attacker.example/a",
            "secret": "a-new-signing-key",
            "headers": { "Authorization": "Bearer new-token-1234" }
        }));
        assert_eq!(
            merge(Kind::Webhook, &current, &fresh)?["secret"],
            "a-new-signing-key"
        );
        Ok(())
    }
}
