//! Public status pages: the pages of a project (`status_pages`) and their settings
//! (`settings`), images (`image`) and custom domain (`domain`), their components and the
//! monitors behind them (`component`), and the components' live status (`status`); their
//! subscribers (`subscriber`), what those are told (`notify`), and the daily views and
//! subscriber counts (`metrics`). Editors of
//! the project manage them, viewers read them; only published pages are served to the public.
//!
//! Every change the public page shows publishes `StatusPageUpdated` in its transaction
//! ([`published_change`]): caches of the public page drop the page, and `statusPageUpdated`
//! subscribers hear of it.

pub mod component;
pub mod domain;
pub mod image;
pub mod incident;
pub mod maintenance;
pub mod metrics;
pub mod notify;
pub mod postmortem;
pub mod settings;
pub mod status;
pub mod subscriber;
pub mod template;

use chrono::Utc;
use entity::status_pages::{self, StatusPageStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::{AppError, AppResult};
use crate::events::Event;
use crate::state::AppState;
use crate::validate;

/// Labels a page may not take: they name routes or hosts of Vigil itself, or invite phishing.
const RESERVED: &[&str] = &[
    "admin",
    "api",
    "app",
    "artifacts",
    "assets",
    "auth",
    "billing",
    "blog",
    "cdn",
    "dashboard",
    "docs",
    "graphql",
    "health",
    "help",
    "login",
    "mail",
    "metrics",
    "ping",
    "ready",
    "root",
    "settings",
    "signin",
    "signup",
    "static",
    "status",
    "support",
    "system",
    "vigil",
    "webhook",
    "webhooks",
    "www",
];

/// Checks a page's subdomain: a DNS label of 3-63 of `a-z`, `0-9` and `-`, not starting or
/// ending with `-`, and not a reserved name.
pub fn check_subdomain(value: &str) -> AppResult<String> {
    let value = value.trim().to_lowercase();
    let ok = (3..=63).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if !ok {
        return Err(AppError::field(
            "subdomain",
            "must be 3-63 characters of a-z, 0-9 and '-', not starting or ending with '-'",
        ));
    }
    if RESERVED.contains(&value.as_str()) {
        return Err(AppError::field(
            "subdomain",
            format!("{value:?} is reserved; pick another"),
        ));
    }
    Ok(value)
}

/// A subdomain made from the page's name and a random suffix, so two pages named alike differ.
fn generated_subdomain(name: &str) -> String {
    // `slugify` invents a name for one without letters; such a page gets `status-…` instead.
    let letters = name.chars().filter(char::is_ascii_alphanumeric).count();
    let base: String = if letters >= 2 {
        validate::slugify(name).chars().take(40).collect()
    } else {
        String::new()
    };
    let base = base.trim_end_matches('-');
    let suffix = &Uuid::new_v4().simple().to_string()[..6];
    if base.len() < 2 || RESERVED.contains(&base) {
        format!("status-{suffix}")
    } else {
        format!("{base}-{suffix}")
    }
}

fn taken(subdomain: &str) -> AppError {
    AppError::Conflict(format!("the subdomain {subdomain:?} is already taken"))
}

fn conflict(subdomain: &str) -> impl Fn(sea_orm::DbErr) -> AppError + '_ {
    move |e| match AppError::from(e) {
        AppError::Conflict(_) => taken(subdomain),
        other => other,
    }
}

/// What a new page needs; everything else starts at its default and is set by `update`.
pub struct NewPage<'a> {
    pub name: &'a str,
    /// Generated from the name when `None`.
    pub subdomain: Option<&'a str>,
}

/// Creates a draft page in `project_id`.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    input: NewPage<'_>,
) -> AppResult<status_pages::Model> {
    let access = principal
        .project(&state.db, project_id, Level::Editor)
        .await?;
    let name = validate::name("name", input.name)?;
    let subdomain = match input.subdomain {
        Some(s) => check_subdomain(s)?,
        None => generated_subdomain(&name),
    };
    let now = Utc::now();
    let tx = Tx::begin(state).await?;
    crate::plan::require_status_page(tx.conn(), access.project.organization_id).await?;
    let mut row = blank(access.project.organization_id, project_id, now);
    row.created_by_user_id = Set(Some(principal.user_id()));
    row.name = Set(name);
    row.subdomain = Set(subdomain.clone());
    let page = row.insert(tx.conn()).await.map_err(conflict(&subdomain))?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.create",
        json!({ "statusPageId": page.id, "name": page.name, "subdomain": page.subdomain }),
    )
    .await?;
    tx.commit().await?;
    Ok(page)
}

/// A draft page with every setting at its default.
fn blank(
    organization_id: Uuid,
    project_id: Uuid,
    now: chrono::DateTime<Utc>,
) -> status_pages::ActiveModel {
    status_pages::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        project_id: Set(project_id),
        created_by_user_id: Set(None),
        name: Set(String::new()),
        subdomain: Set(String::new()),
        status: Set(StatusPageStatus::Draft),
        headline: Set(None),
        page_description: Set(None),
        support_url: Set(None),
        timezone: Set(None),
        allow_page_subscribers: Set(true),
        allow_incident_subscribers: Set(true),
        allow_email_subscribers: Set(true),
        allow_sms_subscribers: Set(false),
        allow_webhook_subscribers: Set(false),
        notifications_from_email: Set(None),
        notifications_email_footer: Set(None),
        hidden_from_search: Set(false),
        css_body_background_color: Set(None),
        css_font_color: Set(None),
        css_light_font_color: Set(None),
        css_greens: Set(None),
        css_yellows: Set(None),
        css_oranges: Set(None),
        css_blues: Set(None),
        css_reds: Set(None),
        css_border_color: Set(None),
        css_graph_color: Set(None),
        css_link_color: Set(None),
        css_no_data: Set(None),
        favicon_logo: Set(None),
        transactional_logo: Set(None),
        hero_cover: Set(None),
        email_logo: Set(None),
        twitter_logo: Set(None),
        custom_domain: Set(None),
        custom_domain_verified: Set(false),
        theme: Set(None),
        branding_settings: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// A page the caller may reach at `needed`.
pub async fn find(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    needed: Level,
) -> AppResult<status_pages::Model> {
    Ok(principal
        .find_in_project::<status_pages::Entity>(&state.db, id, needed)
        .await?
        .0)
}

/// Page `id`, without an access check: for callers that checked already (a subscription
/// checks its caller before each event it delivers).
pub async fn by_id(
    db: &impl sea_orm::ConnectionTrait,
    id: Uuid,
) -> AppResult<Option<status_pages::Model>> {
    Ok(status_pages::Entity::find_by_id(id).one(db).await?)
}

/// Publishes (`true`) or takes back to draft (`false`) a page: only published pages are
/// served to the public.
pub async fn set_published(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    published: bool,
) -> AppResult<status_pages::Model> {
    let page = find(state, principal, id, Level::Editor).await?;
    let status = if published {
        StatusPageStatus::Published
    } else {
        StatusPageStatus::Draft
    };
    if page.status == status {
        return Ok(page);
    }
    let mut active: status_pages::ActiveModel = page.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let page = active.update(tx.conn()).await?;
    let action = if published {
        "status_page.publish"
    } else {
        "status_page.unpublish"
    };
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        action,
        json!({ "statusPageId": page.id }),
    )
    .await?;
    published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(page)
}

/// Tells caches and subscribers, when `tx` commits, that `page` shows something new.
pub(crate) async fn published_change(tx: &Tx, page: &status_pages::Model) -> AppResult<()> {
    tx.publish(Event::StatusPageUpdated {
        status_page_id: page.id,
        project_id: page.project_id,
    })
    .await?;
    Ok(())
}

/// Changes the settings of page `id` (see [`settings::PageSettings`]).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    changes: &settings::PageSettings,
) -> AppResult<status_pages::Model> {
    let page = find(state, principal, id, Level::Editor).await?;
    let mut row: status_pages::ActiveModel = page.clone().into();
    let fields = settings::apply(&mut row, changes)?;
    if !row.is_changed() {
        return Ok(page);
    }
    let subdomain = changes
        .subdomain
        .as_deref()
        .map(check_subdomain)
        .transpose()?
        .unwrap_or_default();
    // A clear answer before writing; the unique index decides between concurrent claims.
    if !subdomain.is_empty()
        && status_pages::Entity::find()
            .filter(status_pages::Column::Subdomain.eq(subdomain.as_str()))
            .filter(status_pages::Column::Id.ne(id))
            .one(&state.db)
            .await?
            .is_some()
    {
        return Err(taken(&subdomain));
    }
    row.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let page = row.update(tx.conn()).await.map_err(conflict(&subdomain))?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.update",
        json!({ "statusPageId": page.id, "fields": fields }),
    )
    .await?;
    published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(page)
}

/// Deletes a page with its components, incidents and subscribers, then its images.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let page = find(state, principal, id, Level::Editor).await?;
    let tx = Tx::begin(state).await?;
    status_pages::Entity::delete_by_id(id)
        .exec(tx.conn())
        .await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.delete",
        json!({ "statusPageId": id, "name": page.name }),
    )
    .await?;
    published_change(&tx, &page).await?;
    tx.commit().await?;
    if let Err(err) = state
        .storage
        .delete_prefix(&format!("status-pages/{id}"))
        .await
    {
        // The page is gone; its images are unreachable, only their space is lost.
        tracing::warn!(error = format!("{err:#}"), page = %id, "deleting a status page's images");
    }
    Ok(())
}

/// Pages of a project the caller may view, oldest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<status_pages::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = status_pages::Entity::find().filter(status_pages::Column::ProjectId.eq(project_id));
    page::read(
        &state.db,
        query,
        status_pages::Column::Id,
        Order::Asc,
        request,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains_are_dns_labels_and_not_reserved() {
        assert_eq!(
            check_subdomain(" Acme-Status ").expect("valid"),
            "acme-status"
        );
        for bad in [
            "ab",
            "-acme",
            "acme-",
            "acme_status",
            "acme.status",
            "graphql",
            "www",
        ] {
            assert!(check_subdomain(bad).is_err(), "{bad} was accepted");
        }
        assert!(check_subdomain(&"a".repeat(64)).is_err());
    }

    #[test]
    fn generated_subdomains_are_valid_and_differ() {
        let a = generated_subdomain("Acme Cloud!");
        let b = generated_subdomain("Acme Cloud!");
        assert!(a.starts_with("acme-cloud-"), "{a}");
        assert_ne!(a, b);
        assert_eq!(check_subdomain(&a).expect("valid"), a);
        assert!(generated_subdomain("!").starts_with("status-"));
        assert!(generated_subdomain("API").starts_with("status-"));
    }
}
