//! When a domain's registration expires, looked up through RDAP: IANA's bootstrap file names
//! the RDAP service of each top-level domain, and the service's answer carries an `expiration`
//! event. Answers are kept for hours (registrations change rarely, and RDAP services limit
//! callers), failures for a shorter while; where RDAP is not reachable the check says so and
//! goes on.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::Value;

/// How long an answer is kept.
const KEEP: Duration = Duration::from_secs(12 * 3600);
/// How long a failure is kept before asking again.
const KEEP_FAILURE: Duration = Duration::from_secs(3600);
const TIMEOUT: Duration = Duration::from_secs(10);

type Services = Vec<(Vec<String>, Vec<String>)>;
/// The bootstrap file's services, with when they were read.
type Bootstrap = Option<(Instant, Arc<Services>)>;
/// Each domain's answer, with when it came.
type Answers = HashMap<String, (Instant, Result<DateTime<Utc>, String>)>;

/// RDAP lookups with their cache, shared by the checks of a process.
#[derive(Clone)]
pub struct DomainWatch {
    bootstrap_url: String,
    bootstrap: Arc<Mutex<Bootstrap>>,
    answers: Arc<Mutex<Answers>>,
}

/// The watches of this process, one per bootstrap file: every engine (one per location)
/// shares the answers.
static SHARED: std::sync::LazyLock<Mutex<HashMap<String, DomainWatch>>> =
    std::sync::LazyLock::new(Mutex::default);

impl DomainWatch {
    /// The process-wide watch that reads `bootstrap_url`.
    pub fn shared(bootstrap_url: &str) -> Self {
        match SHARED.lock() {
            Ok(mut shared) => shared
                .entry(bootstrap_url.to_owned())
                .or_insert_with(|| Self::new(bootstrap_url.to_owned()))
                .clone(),
            Err(_) => Self::new(bootstrap_url.to_owned()),
        }
    }

    pub fn new(bootstrap_url: String) -> Self {
        Self {
            bootstrap_url,
            bootstrap: Arc::default(),
            answers: Arc::default(),
        }
    }

    /// The registered domain of `host` and when its registration expires.
    pub async fn expiry(
        &self,
        client: &reqwest::Client,
        host: &str,
    ) -> Result<(String, DateTime<Utc>), String> {
        let host = host.trim_end_matches('.').to_lowercase();
        if host.parse::<std::net::IpAddr>().is_ok() {
            return Err("an IP address has no domain registration".into());
        }
        let labels: Vec<&str> = host.split('.').collect();
        if labels.len() < 2 {
            return Err(format!("{host} is not a registered domain"));
        }
        // The registered domain is the last two labels (example.com) or, under a public
        // suffix of two labels (example.co.uk), the last three: ask for the shorter first.
        let mut last_error = String::new();
        for take in 2..=labels.len().min(3) {
            let domain = labels[labels.len() - take..].join(".");
            if let Some(cached) = self.cached(&domain) {
                return cached.map(|at| (domain, at));
            }
            match self.lookup(client, &domain).await {
                Ok(Some(at)) => {
                    self.keep(&domain, Ok(at));
                    return Ok((domain, at));
                }
                Ok(None) => last_error = format!("RDAP does not know {domain}"),
                Err(err) => {
                    self.keep(&domain, Err(err.clone()));
                    return Err(err);
                }
            }
        }
        Err(last_error)
    }

    fn cached(&self, domain: &str) -> Option<Result<DateTime<Utc>, String>> {
        let answers = self.answers.lock().ok()?;
        let (at, answer) = answers.get(domain)?;
        let keep = if answer.is_ok() { KEEP } else { KEEP_FAILURE };
        (at.elapsed() < keep).then(|| answer.clone())
    }

    fn keep(&self, domain: &str, answer: Result<DateTime<Utc>, String>) {
        if let Ok(mut answers) = self.answers.lock() {
            if answers.len() > 10_000 {
                answers.clear();
            }
            answers.insert(domain.to_owned(), (Instant::now(), answer));
        }
    }

    async fn services(&self, client: &reqwest::Client) -> Result<Arc<Services>, String> {
        if let Ok(guard) = self.bootstrap.lock()
            && let Some((at, services)) = guard.as_ref()
            && at.elapsed() < Duration::from_secs(24 * 3600)
        {
            return Ok(services.clone());
        }
        let body: Value = client
            .get(&self.bootstrap_url)
            .timeout(TIMEOUT)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| format!("the RDAP bootstrap file cannot be read: {e}"))?
            .json()
            .await
            .map_err(|e| format!("the RDAP bootstrap file is not JSON: {e}"))?;
        let services: Services = body
            .get("services")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|entry| {
                        let pair = entry.as_array()?;
                        let strings = |v: &Value| -> Vec<String> {
                            v.as_array()
                                .map(|a| {
                                    a.iter()
                                        .filter_map(Value::as_str)
                                        .map(str::to_lowercase)
                                        .collect()
                                })
                                .unwrap_or_default()
                        };
                        Some((strings(pair.first()?), strings(pair.get(1)?)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let services = Arc::new(services);
        if let Ok(mut guard) = self.bootstrap.lock() {
            *guard = Some((Instant::now(), services.clone()));
        }
        Ok(services)
    }

    /// `Ok(None)`: the service does not know the domain (404).
    async fn lookup(
        &self,
        client: &reqwest::Client,
        domain: &str,
    ) -> Result<Option<DateTime<Utc>>, String> {
        let tld = domain.rsplit('.').next().unwrap_or_default();
        let services = self.services(client).await?;
        let base = services
            .iter()
            .find(|(tlds, _)| tlds.iter().any(|t| t == tld))
            .and_then(|(_, urls)| {
                urls.iter()
                    .find(|u| u.starts_with("https://"))
                    .or(urls.first())
            })
            .ok_or_else(|| format!("no RDAP service is known for .{tld}"))?;
        let url = format!("{}/domain/{domain}", base.trim_end_matches('/'));
        let response = client
            .get(&url)
            .header("accept", "application/rdap+json")
            .timeout(TIMEOUT)
            .send()
            .await
            .map_err(|e| format!("RDAP is not reachable: {e}"))?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let response = response
            .error_for_status()
            .map_err(|e| format!("RDAP answered {e}"))?;
        let body: Value = response
            .json()
            .await
            .map_err(|e| format!("the RDAP answer is not JSON: {e}"))?;
        expiration(&body)
            .map(Some)
            .ok_or_else(|| format!("the RDAP answer for {domain} has no expiration date"))
    }
}

/// The `expiration` event of an RDAP domain answer.
pub fn expiration(body: &Value) -> Option<DateTime<Utc>> {
    body.get("events")?
        .as_array()?
        .iter()
        .find(|e| e.get("eventAction").and_then(Value::as_str) == Some("expiration"))?
        .get("eventDate")?
        .as_str()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
        .map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expiration_event_is_read() {
        let body = serde_json::json!({ "events": [
            { "eventAction": "registration", "eventDate": "1995-08-14T04:00:00Z" },
            { "eventAction": "expiration", "eventDate": "2027-08-13T04:00:00Z" }
        ] });
        assert_eq!(
            expiration(&body).map(|d| d.to_rfc3339()),
            Some("2027-08-13T04:00:00+00:00".into())
        );
        assert_eq!(expiration(&serde_json::json!({ "events": [] })), None);
    }
}
