//! What a project holds now, read through the API into the file's shapes (references by
//! name), with each object's id.

use std::collections::HashMap;

use serde_json::Value;

use super::client::Client;
use super::spec::{
    ActionSpec, CallbackSpec, Duration, JobSpec, MonitorSpec, ProviderSpec, TagSpec, TestSpec,
};

/// An object as Vigil holds it.
#[derive(Debug, Clone)]
pub struct Held<T> {
    pub id: String,
    pub spec: T,
    /// Callbacks: their actions' ids, in order.
    pub children: Vec<String>,
}

/// A project's objects, by kind, in the API's order (oldest first).
#[derive(Debug, Default)]
pub struct Remote {
    pub tags: Vec<Held<TagSpec>>,
    pub providers: Vec<Held<ProviderSpec>>,
    /// (name, id) of the organization's organization-wide providers: `notify` may name them,
    /// but a file manages only the project's own.
    pub shared_providers: Vec<(String, String)>,
    pub tests: Vec<Held<TestSpec>>,
    pub jobs: Vec<Held<JobSpec>>,
    pub monitors: Vec<Held<MonitorSpec>>,
    pub callbacks: Vec<Held<CallbackSpec>>,
}

const MONITOR: &str = "id name type description target frequencyMinutes enabled locations \
    tags { name } notificationProviderIds downIntervalSeconds config \
    alert { enabled alertOnFailure alertOnRecovery alertOnSslExpiration alertOnTimeout \
    failureThreshold recoveryThreshold customMessage }";
const JOB: &str = "id name jobType description cronSchedule timeoutSeconds \
    alertConfig { enabled onFailure onSuccess onTimeout customMessage } \
    notificationProviderIds tests { title }";
const CALLBACK: &str = "id name callbackUrl activeStatus customPath timeoutDuration cachePeriod \
    actions { id type config enabled order parallel }";

/// Reads the project's objects of every kind the file format knows.
pub async fn read(client: &Client, project: &str) -> anyhow::Result<Remote> {
    let tags = client.all("tags", project, "id name color").await?;
    let (providers, shared): (Vec<Value>, Vec<Value>) = client
        .all_with(
            "notificationProviders",
            ", includeOrganizationWide: true",
            project,
            "id name type config isEnabled projectId",
        )
        .await?
        .into_iter()
        .partition(|p| !p["projectId"].is_null());
    let tests = client
        .all(
            "tests",
            project,
            "id title type priority description script tags { name }",
        )
        .await?;
    let jobs = client.all("jobs", project, JOB).await?;
    let monitors = client.all("monitors", project, MONITOR).await?;
    let callbacks = client.all("callbacks", project, CALLBACK).await?;
    let provider_names: HashMap<String, String> = providers
        .iter()
        .chain(&shared)
        .map(|p| (text(&p["id"]), text(&p["name"])))
        .collect();
    let test_titles: HashMap<String, String> = tests
        .iter()
        .map(|t| (text(&t["id"]), text(&t["title"])))
        .collect();
    let names = |ids: &Value| -> Vec<String> {
        ids.as_array()
            .into_iter()
            .flatten()
            .map(|id| {
                provider_names
                    .get(&text(id))
                    .cloned()
                    .unwrap_or_else(|| text(id))
            })
            .collect()
    };
    Ok(Remote {
        tags: tags.iter().map(tag).collect(),
        providers: providers.iter().map(provider).collect(),
        shared_providers: shared
            .iter()
            .map(|p| (text(&p["name"]).trim().to_owned(), text(&p["id"])))
            .collect(),
        tests: tests.iter().map(test).collect(),
        jobs: jobs.iter().map(|j| job(j, &names)).collect(),
        monitors: monitors
            .iter()
            .map(|m| monitor(m, &names, &test_titles))
            .collect(),
        callbacks: callbacks.iter().map(callback).collect(),
    })
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn opt_text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn held<T>(v: &Value, spec: T) -> Held<T> {
    Held {
        id: text(&v["id"]),
        spec,
        children: Vec::new(),
    }
}

fn secs(v: &Value) -> Option<Duration> {
    v.as_u64().map(Duration::secs)
}

fn tag_names(v: &Value) -> Option<Vec<String>> {
    Some(
        v.as_array()
            .into_iter()
            .flatten()
            .map(|t| text(&t["name"]))
            .collect(),
    )
}

fn tag(v: &Value) -> Held<TagSpec> {
    held(
        v,
        TagSpec {
            name: text(&v["name"]),
            color: opt_text(&v["color"]),
        },
    )
}

fn provider(v: &Value) -> Held<ProviderSpec> {
    held(
        v,
        ProviderSpec {
            name: text(&v["name"]),
            kind: text(&v["type"]),
            enabled: v["isEnabled"].as_bool(),
            config: Some(without_nulls(&v["config"])),
        },
    )
}

fn test(v: &Value) -> Held<TestSpec> {
    held(
        v,
        TestSpec {
            title: text(&v["title"]),
            kind: opt_text(&v["type"]),
            priority: opt_text(&v["priority"]),
            description: opt_text(&v["description"]),
            script: text(&v["script"]),
            tags: tag_names(&v["tags"]),
        },
    )
}

fn job(v: &Value, providers: &dyn Fn(&Value) -> Vec<String>) -> Held<JobSpec> {
    held(
        v,
        JobSpec {
            name: text(&v["name"]),
            kind: opt_text(&v["jobType"]),
            description: opt_text(&v["description"]),
            schedule: Some(opt_text(&v["cronSchedule"]).unwrap_or_default()),
            tests: Some(
                v["tests"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|t| text(&t["title"]))
                    .collect(),
            ),
            timeout: secs(&v["timeoutSeconds"]),
            alert: Some(without_nulls(&v["alertConfig"])),
            notify: Some(providers(&v["notificationProviderIds"])),
        },
    )
}

fn monitor(
    v: &Value,
    providers: &dyn Fn(&Value) -> Vec<String>,
    tests: &HashMap<String, String>,
) -> Held<MonitorSpec> {
    let config = &v["config"];
    let section = |name: &str| match &config[name] {
        Value::Object(_) => Some(api_enums(&without_nulls(&config[name]))),
        _ => None,
    };
    let test = config["synthetic"]["testId"]
        .as_str()
        .map(|id| tests.get(id).cloned().unwrap_or_else(|| id.to_owned()));
    held(
        v,
        MonitorSpec {
            name: text(&v["name"]),
            kind: text(&v["type"]),
            description: opt_text(&v["description"]),
            target: opt_text(&v["target"]).filter(|t| !t.is_empty()),
            interval: v["frequencyMinutes"]
                .as_u64()
                .map(|m| Duration::secs(m * 60)),
            enabled: v["enabled"].as_bool(),
            locations: serde_json::from_value(v["locations"].clone()).ok(),
            tags: tag_names(&v["tags"]),
            notify: Some(providers(&v["notificationProviderIds"])),
            test,
            down_interval: secs(&v["downIntervalSeconds"]),
            http: section("http"),
            tls: section("tls"),
            port: section("port"),
            ping: section("ping"),
            heartbeat: section("heartbeat"),
            dns: section("dns"),
            domain: section("domain"),
            alert: Some(without_nulls(&v["alert"])),
        },
    )
}

fn callback(v: &Value) -> Held<CallbackSpec> {
    let mut actions: Vec<&Value> = v["actions"].as_array().into_iter().flatten().collect();
    actions.sort_by_key(|a| a["order"].as_i64().unwrap_or_default());
    let mut out = held(
        v,
        CallbackSpec {
            name: text(&v["name"]),
            url: text(&v["callbackUrl"]),
            active: v["activeStatus"].as_bool(),
            custom_path: opt_text(&v["customPath"]),
            timeout: v["timeoutDuration"].as_u64().map(|ms| Duration { ms }),
            cache: secs(&v["cachePeriod"]),
            actions: Some(
                actions
                    .iter()
                    .map(|a| ActionSpec {
                        kind: text(&a["type"]),
                        config: without_nulls(&a["config"]),
                        enabled: a["enabled"].as_bool(),
                        parallel: a["parallel"].as_bool(),
                    })
                    .collect(),
            ),
        },
    );
    out.children = actions.iter().map(|a| text(&a["id"])).collect();
    out
}

/// `value` without the keys whose value is null (the file leaves them out).
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Stored settings spell some enum values in lower case (`"get"`, `"present"`, `"basic"`);
/// the API's inputs take them as GraphQL enum values.
fn api_enums(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("method" | "keywordMode" | "type", Value::String(s)) => {
                            Value::String(s.to_uppercase())
                        }
                        _ => api_enums(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(api_enums).collect()),
        other => other.clone(),
    }
}
