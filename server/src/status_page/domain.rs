//! A page's custom domain (`status.example.com`): set by an editor, then verified by a DNS
//! TXT record at `_vigil-challenge.{domain}` holding the page's verification value, looked up
//! with the resolver code of `dns` monitors. The public side serves a published page at the
//! root of its domain only once verified.
//!
//! The value is a digest of the page's id and the domain. It needs no secret: it is published
//! in DNS anyway, and what proves control of the domain is being able to publish it there. It
//! only has to tie the record to one page and one domain, so that a record left for one page
//! (or one domain) does not verify another.

use chrono::Utc;
use entity::status_pages;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::config::Settings;
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::monitor::check::Checker;
use crate::monitor::types::dns::{self, DnsConfig};
use crate::outbound::OutboundPolicy;
use crate::state::AppState;

/// The label under the domain that holds the TXT record.
pub const CHALLENGE_LABEL: &str = "_vigil-challenge";

/// How long a verification waits for the name server.
const LOOKUP_SECONDS: u32 = 5;

/// The TXT record that verifies a page's domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// `_vigil-challenge.{domain}`.
    pub record_name: String,
    /// `vigil-verification=` and 32 hexadecimal digits.
    pub record_value: String,
}

/// The record that verifies `domain` for page `page_id`.
pub fn challenge(page_id: Uuid, domain: &str) -> Challenge {
    let digest = Sha256::new()
        .chain_update(b"vigil status page custom domain\0")
        .chain_update(page_id.as_bytes())
        .chain_update(b"\0")
        .chain_update(domain.as_bytes())
        .finalize();
    Challenge {
        record_name: format!("{CHALLENGE_LABEL}.{domain}"),
        record_value: format!("vigil-verification={}", hex::encode(&digest[..16])),
    }
}

/// The hosts of Vigil itself (`base_url`, `trigger_base_url`), which no page may claim.
fn own_hosts(settings: &Settings) -> Vec<String> {
    [settings.base_url(), settings.trigger_base_url()]
        .iter()
        .filter_map(|u| url::Url::parse(u).ok())
        .filter_map(|u| u.host_str().map(|h| h.trim_end_matches('.').to_lowercase()))
        .collect()
}

/// Checks a custom domain: a host name of at least two labels (IDNs in their `xn--` form),
/// lower-cased, not an IP address, not `localhost`, and not Vigil's own host or one under it.
pub fn check_domain(settings: &Settings, value: &str) -> AppResult<String> {
    let field = "domain";
    let bad = || {
        AppError::field(
            field,
            "must be a host name such as status.example.com (letters, digits and '-', no scheme, port or path)",
        )
    };
    let raw = value.trim().trim_end_matches('.');
    if raw.is_empty() || raw.len() > 253 {
        return Err(bad());
    }
    // The URL host parser turns IDNs into their ASCII form and recognises IP addresses in
    // every spelling (`0x7f.1`, `[::1]`).
    let host = match url::Host::parse(raw) {
        Ok(url::Host::Domain(host)) => host.to_lowercase(),
        Ok(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {
            return Err(AppError::field(
                field,
                "must be a host name, not an IP address",
            ));
        }
        Err(_) => return Err(bad()),
    };
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if host.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(bad());
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(AppError::field(
            field,
            "must be a host name, not an IP address",
        ));
    }
    if host == "localhost" || host.ends_with(".localhost") {
        return Err(AppError::field(field, "must be a public host name"));
    }
    if own_hosts(settings)
        .iter()
        .any(|own| host == *own || host.ends_with(&format!(".{own}")))
    {
        return Err(AppError::field(
            field,
            "is Vigil's own host (or under it); use a domain of yours",
        ));
    }
    Ok(host)
}

/// Sets (or, with `None` or an empty value, removes) the custom domain of page `id`. A new
/// domain starts unverified; `CONFLICT` when another page holds it.
pub async fn set(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    domain: Option<&str>,
) -> AppResult<status_pages::Model> {
    let page = super::find(state, principal, id, Level::Editor).await?;
    let domain = match domain.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(check_domain(&state.settings, d)?),
        None => None,
    };
    if page.custom_domain == domain {
        return Ok(page);
    }
    if domain.is_some() {
        // Removing a domain is always allowed; a plan without custom domains sets none.
        crate::plan::require_custom_domains(&state.db, page.organization_id).await?;
    }
    if let Some(d) = &domain {
        let taken = status_pages::Entity::find()
            .filter(status_pages::Column::CustomDomain.eq(d.as_str()))
            .filter(status_pages::Column::Id.ne(id))
            .one(&state.db)
            .await?;
        if taken.is_some() {
            return Err(taken_error(d));
        }
    }
    let mut row: status_pages::ActiveModel = page.into();
    row.custom_domain = Set(domain.clone());
    row.custom_domain_verified = Set(false);
    row.updated_at = Set(Utc::now());
    let tx = Tx::begin(state).await?;
    let page = row
        .update(tx.conn())
        .await
        .map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => taken_error(domain.as_deref().unwrap_or_default()),
            other => other,
        })?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.custom_domain",
        json!({ "statusPageId": id, "domain": domain }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(page)
}

fn taken_error(domain: &str) -> AppError {
    AppError::Conflict(format!(
        "the domain {domain:?} is already used by another status page"
    ))
}

/// Looks up the TXT record of page `id`'s custom domain and marks the domain verified when it
/// holds the page's value. When it does not, the error says what was found and nothing
/// changes.
pub async fn verify(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> AppResult<status_pages::Model> {
    let page = super::find(state, principal, id, Level::Editor).await?;
    let Some(domain) = page.custom_domain.clone() else {
        return Err(AppError::field(
            "customDomain",
            "the page has no custom domain; set one first",
        ));
    };
    let expected = challenge(page.id, &domain);
    lookup(&state.settings, &expected).await?;
    let tx = Tx::begin(state).await?;
    // The domain may have changed while the name server was asked.
    let current = status_pages::Entity::find_by_id(id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    if current.custom_domain.as_deref() != Some(domain.as_str()) {
        return Err(AppError::Conflict(
            "the custom domain changed during the check; verify again".into(),
        ));
    }
    if current.custom_domain_verified {
        return Ok(current);
    }
    let mut row: status_pages::ActiveModel = current.into();
    row.custom_domain_verified = Set(true);
    row.updated_at = Set(Utc::now());
    let page = row.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.custom_domain.verify",
        json!({ "statusPageId": id, "domain": domain }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok(page)
}

/// Asks the name server for the challenge's TXT record, through the code `dns` monitors
/// check with; an error says what was found.
async fn lookup(settings: &Settings, expected: &Challenge) -> AppResult<()> {
    // The name server is the operator's setting, not a tenant's: it may be private.
    let checker = Checker::new(OutboundPolicy {
        block_private: false,
    })?;
    let config = DnsConfig {
        record_type: "TXT".into(),
        expected: vec![expected.record_value.clone()],
        resolver: settings.integrations.dns_resolver.clone(),
        timeout_seconds: LOOKUP_SECONDS,
    };
    let outcome = dns::resolve(&checker, &expected.record_name, &config).await;
    if outcome.is_up() {
        return Ok(());
    }
    let found: Vec<String> = outcome.details["answers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str())
        .take(10)
        .map(|a| format!("{:?}", a.chars().take(200).collect::<String>()))
        .collect();
    let what = if found.is_empty() {
        outcome.details["error"]
            .as_str()
            .map_or_else(|| "no TXT record".to_owned(), str::to_owned)
    } else {
        format!("found {}", found.join(", "))
    };
    Err(AppError::field(
        "customDomain",
        format!(
            "the TXT record {} does not hold {:?} yet ({what}); DNS changes can take a while to show",
            expected.record_name, expected.record_value
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            base_url: Some("https://vigil.example.net".into()),
            trigger_base_url: Some("https://hooks.example.org".into()),
            ..Settings::default()
        }
    }

    #[test]
    fn domains_are_lowercase_host_names() {
        let s = settings();
        assert_eq!(
            check_domain(&s, " Status.Acme.COM. ").expect("valid"),
            "status.acme.com"
        );
        assert_eq!(
            check_domain(&s, "status.bücher.example").expect("valid"),
            "status.xn--bcher-kva.example"
        );
        for bad in [
            "",
            "acme",
            "localhost",
            "app.localhost",
            "127.0.0.1",
            "0x7f.1",
            "[::1]",
            "::1",
            "10.0.0.1",
            "https://status.acme.com",
            "status.acme.com/path",
            "status.acme.com:8443",
            "status acme.com",
            "-acme.com",
            "acme-.com",
            "a_b.acme.com",
            "status.acme.com<script>",
            "vigil.example.net",
            "pages.vigil.example.net",
            "hooks.example.org",
        ] {
            assert!(check_domain(&s, bad).is_err(), "{bad:?} was accepted");
        }
        assert!(check_domain(&s, &format!("{}.com", "a".repeat(64))).is_err());
        assert!(check_domain(&s, &format!("{}com", "abcdefghi.".repeat(26))).is_err());
    }

    #[test]
    fn the_challenge_binds_page_and_domain() {
        let page = Uuid::now_v7();
        let a = challenge(page, "status.acme.com");
        assert_eq!(a.record_name, "_vigil-challenge.status.acme.com");
        assert!(a.record_value.starts_with("vigil-verification="));
        assert_eq!(a.record_value.len(), "vigil-verification=".len() + 32);
        assert_eq!(a, challenge(page, "status.acme.com"));
        assert_ne!(
            a.record_value,
            challenge(Uuid::now_v7(), "status.acme.com").record_value
        );
        assert_ne!(
            a.record_value,
            challenge(page, "status.acme.org").record_value
        );
    }
}
