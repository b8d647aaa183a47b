//! The GraphQL client `vigil apply` and `vigil export` talk to a running Vigil with.

use anyhow::{Context, anyhow, bail};
use serde_json::{Value, json};

/// A Vigil API endpoint and the API key that acts on it.
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    key: String,
}

impl Client {
    /// A client for the Vigil at `url` (its base URL, or its `/graphql` endpoint).
    pub fn new(url: &str, key: &str) -> anyhow::Result<Client> {
        let base = url.trim_end_matches('/');
        let endpoint = match base.ends_with("/graphql") {
            true => base.to_owned(),
            false => format!("{base}/graphql"),
        };
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .user_agent(concat!("vigil-apply/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Client {
            http,
            endpoint,
            key: key.trim().to_owned(),
        })
    }

    /// Runs one operation; an answer with errors is an error saying the first of them with
    /// its code (and field).
    pub async fn run(&self, query: &str, variables: Value) -> anyhow::Result<Value> {
        let response = self
            .http
            .post(&self.endpoint)
            .bearer_auth(&self.key)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .with_context(|| format!("reaching {}", self.endpoint))?;
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .with_context(|| format!("{} answered {status} without JSON", self.endpoint))?;
        if let Some(error) = body["errors"].as_array().and_then(|e| e.first()) {
            let code = error["extensions"]["code"].as_str().unwrap_or("ERROR");
            let message = error["message"].as_str().unwrap_or("no message");
            return Err(match error["extensions"]["field"].as_str() {
                Some(field) => anyhow!("{code}: {field}: {message}"),
                None => anyhow!("{code}: {message}"),
            });
        }
        if !status.is_success() {
            bail!("{} answered {status}", self.endpoint);
        }
        Ok(body["data"].clone())
    }

    /// Every node of a connection field `field(projectId: …, first, after)`, page by page.
    pub async fn all(
        &self,
        field: &str,
        project: &str,
        selection: &str,
    ) -> anyhow::Result<Vec<Value>> {
        self.all_with(field, "", project, selection).await
    }

    /// [`Self::all`] with more arguments to the field (`, name: value`).
    pub async fn all_with(
        &self,
        field: &str,
        arguments: &str,
        project: &str,
        selection: &str,
    ) -> anyhow::Result<Vec<Value>> {
        let query = format!(
            "query($p: ID!, $after: String) {{ {field}(projectId: $p{arguments}, first: 200, after: $after) \
             {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {selection} }} }} }}"
        );
        let mut out = Vec::new();
        let mut after = Value::Null;
        // A project holds at most a few thousand objects of a kind; the bound keeps a
        // misbehaving server from looping forever.
        for _ in 0..1000 {
            let data = self
                .run(&query, json!({ "p": project, "after": after }))
                .await?;
            let page = &data[field];
            out.extend(page["nodes"].as_array().cloned().unwrap_or_default());
            if page["pageInfo"]["hasNextPage"].as_bool() != Some(true) {
                return Ok(out);
            }
            after = page["pageInfo"]["endCursor"].clone();
        }
        bail!("{field}: more than 1000 pages")
    }
}
