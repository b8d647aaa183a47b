//! Turning a file and what a project holds into a plan, running the plan through the API,
//! and writing a project back out as a file.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use serde::Serialize;
use serde_json::{Map, Value, json};
use serde_saphyr::{Location, Spanned};

use super::ApplyOptions;
use super::client::Client;
use super::load::FileError;
use super::plan::{self, Change, Op};
use super::remote::{Held, Remote};
use super::spec::{ActionSpec, CallbackSpec, Duration, Manifest};

/// The kinds, in the order objects are created (what others name comes first); deletes go
/// the other way.
const KINDS: [(&str, &str, &str); 6] = [
    ("tag", "tags", "Tag"),
    (
        "notificationProvider",
        "notificationProviders",
        "NotificationProvider",
    ),
    ("test", "tests", "Test"),
    ("job", "jobs", "Job"),
    ("monitor", "monitors", "Monitor"),
    ("callback", "callbacks", "Callback"),
];

/// One object of the file, as JSON, with where it is.
struct Item {
    name: String,
    line: u64,
    index: usize,
    spec: Value,
}

fn items<T: Serialize>(list: &[Spanned<T>], key: impl Fn(&T) -> &str) -> Vec<Item> {
    list.iter()
        .enumerate()
        .map(|(index, s)| Item {
            name: key(&s.value).trim().to_owned(),
            line: s.referenced.line(),
            index,
            spec: serde_json::to_value(&s.value).unwrap_or(Value::Null),
        })
        .collect()
}

fn file_items(m: &Manifest, kind: &str) -> Vec<Item> {
    match kind {
        "tag" => items(&m.tags, |t| &t.name),
        "notificationProvider" => items(&m.notification_providers, |p| &p.name),
        "test" => items(&m.tests, |t| &t.title),
        "job" => items(&m.jobs, |j| &j.name),
        "monitor" => items(&m.monitors, |x| &x.name),
        _ => items(&m.callbacks, |c| &c.name),
    }
}

/// (name, id) of what Vigil holds of a kind.
fn held_ids(held: &Remote, kind: &str) -> Vec<(String, String)> {
    fn ids<T>(list: &[Held<T>], key: impl Fn(&T) -> &str) -> Vec<(String, String)> {
        list.iter()
            .map(|h| (key(&h.spec).trim().to_owned(), h.id.clone()))
            .collect()
    }
    match kind {
        "tag" => ids(&held.tags, |t| &t.name),
        // The organization-wide ones first, so that a project's own of the same name wins.
        "notificationProvider" => {
            let mut all = held.shared_providers.clone();
            all.extend(ids(&held.providers, |p| &p.name));
            all
        }
        "test" => ids(&held.tests, |t| &t.title),
        "job" => ids(&held.jobs, |j| &j.name),
        "monitor" => ids(&held.monitors, |x| &x.name),
        _ => ids(&held.callbacks, |c| &c.name),
    }
}

/// The plan for the whole file, after checking what needs the project: references to names
/// that neither the file nor the project has, and types that cannot change.
pub fn plan(m: &Manifest, held: &Remote, o: &ApplyOptions<'_>) -> Result<Vec<Change>, FileError> {
    check(m, held, o.file)?;
    let mut out = Vec::new();
    out.extend(plan::diff(
        "tag",
        &values(&m.tags),
        &held.tags,
        |t| &t.name,
        o.prune,
    ));
    out.extend(plan::diff(
        "notificationProvider",
        &values(&m.notification_providers),
        &held.providers,
        |p| &p.name,
        o.prune,
    ));
    out.extend(plan::diff(
        "test",
        &values(&m.tests),
        &held.tests,
        |t| &t.title,
        o.prune,
    ));
    out.extend(plan::diff(
        "job",
        &values(&m.jobs),
        &held.jobs,
        |j| &j.name,
        o.prune,
    ));
    out.extend(plan::diff(
        "monitor",
        &values(&m.monitors),
        &held.monitors,
        |x| &x.name,
        o.prune,
    ));
    out.extend(plan::diff(
        "callback",
        &values(&m.callbacks),
        &held.callbacks,
        |c| &c.name,
        o.prune,
    ));
    Ok(out)
}

fn values<T>(list: &[Spanned<T>]) -> Vec<&T> {
    list.iter().map(|s| &s.value).collect()
}

/// Names referenced (`tags`, `notify`, a job's `tests`, a monitor's `test`) must exist;
/// intervals are whole minutes; a type cannot change.
fn check(m: &Manifest, held: &Remote, file: &str) -> Result<(), FileError> {
    let known = |kind: &str| -> Vec<String> {
        let mut names: Vec<String> = file_items(m, kind).into_iter().map(|i| i.name).collect();
        names.extend(held_ids(held, kind).into_iter().map(|(n, _)| n));
        names
    };
    let (tags, providers, tests) = (known("tag"), known("notificationProvider"), known("test"));
    for (kind, list, _) in KINDS {
        let held_types: HashMap<String, Value> = held_types(held, kind);
        for item in file_items(m, kind) {
            let err = |field: &str, message: String| FileError {
                file: file.to_owned(),
                line: item.line,
                path: format!("{list}[{}].{field}", item.index),
                message,
            };
            let refs = [
                ("tags", &tags, "tag"),
                ("notify", &providers, "notification provider"),
            ];
            for (field, names, what) in refs {
                for name in item.spec[field].as_array().into_iter().flatten() {
                    let name = name.as_str().unwrap_or_default();
                    if !names.iter().any(|n| n == name) {
                        return Err(err(field, format!("no {what} named `{name}`")));
                    }
                }
            }
            let tests_named = match kind {
                "job" => item.spec["tests"].as_array().cloned().unwrap_or_default(),
                "monitor" => item.spec["test"]
                    .as_str()
                    .map(|t| vec![json!(t)])
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            for title in tests_named {
                let title = title.as_str().unwrap_or_default();
                if !tests.iter().any(|n| n == title) {
                    let field = if kind == "job" { "tests" } else { "test" };
                    return Err(err(field, format!("no test titled `{title}`")));
                }
            }
            if kind == "monitor" {
                let ms = duration(&item.spec["interval"]).map(|d| d.ms);
                if ms.is_some_and(|ms| ms == 0 || !ms.is_multiple_of(60_000)) {
                    return Err(err("interval", "must be whole minutes, like 5m".into()));
                }
            }
            if let Some(was) = held_types.get(&item.name)
                && kind != "test"
                && !item.spec["type"].is_null()
                && item.spec["type"] != *was
            {
                return Err(err(
                    "type",
                    format!("is {was} in Vigil and cannot change: rename the object to replace it"),
                ));
            }
        }
    }
    Ok(())
}

fn held_types(held: &Remote, kind: &str) -> HashMap<String, Value> {
    fn of<T: Serialize>(list: &[Held<T>], key: impl Fn(&T) -> &str) -> HashMap<String, Value> {
        list.iter()
            .map(|h| {
                let spec = serde_json::to_value(&h.spec).unwrap_or(Value::Null);
                (key(&h.spec).trim().to_owned(), spec["type"].clone())
            })
            .collect()
    }
    match kind {
        "notificationProvider" => of(&held.providers, |p| &p.name),
        "job" => of(&held.jobs, |j| &j.name),
        "monitor" => of(&held.monitors, |x| &x.name),
        _ => HashMap::new(),
    }
}

fn duration(v: &Value) -> Option<Duration> {
    v.as_str().and_then(Duration::parse)
}

/// Ids by name of the kinds others refer to, kept up to date as objects are created.
#[derive(Default)]
struct Ids(HashMap<(&'static str, String), String>);

impl Ids {
    fn get(&self, kind: &'static str, name: &str) -> anyhow::Result<String> {
        self.0
            .get(&(kind, name.to_owned()))
            .cloned()
            .ok_or_else(|| anyhow!("no {kind} named `{name}`"))
    }

    fn all(&self, kind: &'static str, names: &Value) -> anyhow::Result<Value> {
        let names = names.as_array().cloned().unwrap_or_default();
        let ids: anyhow::Result<Vec<String>> = names
            .iter()
            .map(|n| self.get(kind, n.as_str().unwrap_or_default()))
            .collect();
        Ok(json!(ids?))
    }
}

/// Runs the plan: creates and updates in the order of [`KINDS`], then deletes backwards.
pub async fn run(
    client: &Client,
    project: &str,
    m: &Manifest,
    held: &Remote,
    planned: &[Change],
    file: &str,
) -> anyhow::Result<()> {
    let mut ids = Ids::default();
    for (kind, _, _) in KINDS {
        for (name, id) in held_ids(held, kind) {
            ids.0.insert((kind, name), id);
        }
    }
    for (kind, list, type_name) in KINDS {
        for item in file_items(m, kind) {
            let op = planned
                .iter()
                .find(|c| c.kind == kind && c.name == item.name)
                .map(|c| &c.op);
            let fields = match op {
                Some(Op::Create) => None,
                Some(Op::Update(fields)) => Some(fields.as_slice()),
                _ => continue,
            };
            let place = format!(
                "{file}:{}: {list}[{}] \"{}\"",
                item.line, item.index, item.name
            );
            let id = write(client, project, kind, type_name, &item, fields, &ids)
                .await
                .with_context(|| place.clone())?;
            if kind == "callback" && fields.is_none_or(|f| f.iter().any(|f| f == "actions")) {
                let have = held
                    .callbacks
                    .iter()
                    .find(|c| c.spec.name.trim() == item.name);
                let spec: CallbackSpec = serde_json::from_value(item.spec.clone())?;
                actions(client, &id, &spec, have)
                    .await
                    .with_context(|| place.clone())?;
            }
            ids.0.insert((kind, item.name.clone()), id);
        }
    }
    for (kind, _, type_name) in KINDS.iter().rev() {
        for change in planned
            .iter()
            .filter(|c| c.kind == *kind && c.op == Op::Delete)
        {
            let id = ids.get(kind, &change.name)?;
            let query = format!("mutation($id: ID!) {{ delete{type_name}(id: $id) }}");
            client
                .run(&query, json!({ "id": id }))
                .await
                .with_context(|| format!("deleting {kind} \"{}\"", change.name))?;
        }
    }
    Ok(())
}

/// Creates (`fields` none) or updates one object; returns its id.
async fn write(
    client: &Client,
    project: &str,
    kind: &'static str,
    type_name: &str,
    item: &Item,
    fields: Option<&[String]>,
    ids: &Ids,
) -> anyhow::Result<String> {
    let mut input = Map::new();
    let Value::Object(spec) = &item.spec else {
        return Err(anyhow!("not an object"));
    };
    for (key, value) in spec {
        if fields.is_some_and(|f| !f.contains(key)) {
            continue;
        }
        if let Some((name, value)) = input_field(kind, key, value, fields.is_none(), ids)? {
            input.insert(name, value);
        }
    }
    match fields {
        None => {
            input.insert("projectId".into(), json!(project));
            if kind == "notificationProvider" && !input.contains_key("config") {
                input.insert("config".into(), json!({}));
            }
            let query = format!(
                "mutation($input: Create{type_name}Input!) {{ create{type_name}(input: $input) {{ id }} }}"
            );
            let data = client.run(&query, json!({ "input": input })).await?;
            Ok(data[format!("create{type_name}")]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned())
        }
        Some(_) => {
            let id = ids.get(kind, &item.name)?;
            if !input.is_empty() {
                let query = format!(
                    "mutation($id: ID!, $input: Update{type_name}Input!) {{ update{type_name}(id: $id, input: $input) {{ id }} }}"
                );
                client
                    .run(&query, json!({ "id": id, "input": input }))
                    .await?;
            }
            Ok(id)
        }
    }
}

/// The API's name and value for a field of the file; `None` for fields written otherwise
/// (a callback's actions) or that only a create takes (types).
fn input_field(
    kind: &str,
    key: &str,
    value: &Value,
    create: bool,
    ids: &Ids,
) -> anyhow::Result<Option<(String, Value)>> {
    let ms = || duration(value).map(|d| d.ms).unwrap_or_default();
    let converted = |name: &str, value: Value| Ok(Some((name.to_owned(), value)));
    let name = match (kind, key) {
        ("callback", "actions") => return Ok(None),
        ("test", "type") => "type",
        (_, "type") if !create => return Ok(None),
        (_, "tags") => return converted("tagIds", ids.all("tag", value)?),
        (_, "notify") => {
            return converted(
                "notificationProviderIds",
                ids.all("notificationProvider", value)?,
            );
        }
        ("job", "tests") => return converted("testIds", ids.all("test", value)?),
        ("monitor", "test") => {
            let title = value.as_str().unwrap_or_default();
            return converted("syntheticTestId", json!(ids.get("test", title)?));
        }
        ("monitor", "interval") => return converted("frequencyMinutes", json!(ms() / 60_000)),
        ("monitor", "downInterval") => {
            return converted("downIntervalSeconds", json!(ms() / 1000));
        }
        ("job", "timeout") => return converted("timeoutSeconds", json!(ms() / 1000)),
        ("callback", "timeout") => return converted("timeoutDuration", json!(ms())),
        ("callback", "cache") => return converted("cachePeriod", json!(ms() / 1000)),
        ("job", "type") => "jobType",
        ("job", "schedule") => "cronSchedule",
        ("job", "alert") => "alertConfig",
        ("notificationProvider", "enabled") => "isEnabled",
        ("callback", "url") => "callbackUrl",
        ("callback", "active") => "activeStatus",
        (_, other) => other,
    };
    converted(name, value.clone())
}

/// Makes a callback's actions the file's list: matched by position, an action whose type
/// changed is replaced, extra ones are deleted.
async fn actions(
    client: &Client,
    callback: &str,
    spec: &CallbackSpec,
    have: Option<&Held<CallbackSpec>>,
) -> anyhow::Result<()> {
    let Some(want) = &spec.actions else {
        return Ok(());
    };
    let empty = Vec::new();
    let had: &Vec<ActionSpec> = have.and_then(|h| h.spec.actions.as_ref()).unwrap_or(&empty);
    let had_ids: &[String] = have.map(|h| h.children.as_slice()).unwrap_or(&[]);
    for (i, action) in want.iter().enumerate() {
        let mut input = json!({ "config": action.config, "order": i });
        if let Some(enabled) = action.enabled {
            input["enabled"] = json!(enabled);
        }
        if let Some(parallel) = action.parallel {
            input["parallel"] = json!(parallel);
        }
        let existing = had.get(i).zip(had_ids.get(i));
        match existing {
            Some((old, _)) if plan::matches(&json!(action), &json!(old), false) => {}
            Some((old, id)) if old.kind == action.kind => {
                let q = "mutation($id: ID!, $input: UpdateActionInput!) { updateAction(id: $id, input: $input) { id } }";
                client.run(q, json!({ "id": id, "input": input })).await?;
            }
            _ => {
                if let Some((_, id)) = existing {
                    let q = "mutation($id: ID!) { deleteAction(id: $id) }";
                    client.run(q, json!({ "id": id })).await?;
                }
                input["callbackId"] = json!(callback);
                input["type"] = json!(action.kind);
                let q =
                    "mutation($input: CreateActionInput!) { createAction(input: $input) { id } }";
                client
                    .run(q, json!({ "input": input }))
                    .await
                    .with_context(|| format!("actions[{i}]"))?;
            }
        }
    }
    for id in had_ids.iter().skip(want.len()) {
        client
            .run(
                "mutation($id: ID!) { deleteAction(id: $id) }",
                json!({ "id": id }),
            )
            .await?;
    }
    Ok(())
}

/// A project as a file: what [`super::remote::read`] found, secrets as `${NAME}`.
pub fn export(project: &str, held: Remote) -> anyhow::Result<String> {
    fn spanned<T>(list: Vec<Held<T>>) -> Vec<Spanned<T>> {
        list.into_iter()
            .map(|h| Spanned::new(h.spec, Location::UNKNOWN, Location::UNKNOWN))
            .collect()
    }
    let mut held = held;
    for p in &mut held.providers {
        let prefix = env_name(&p.spec.name);
        if let Some(config) = &mut p.spec.config {
            placeholders(config, &prefix);
        }
    }
    for m in &mut held.monitors {
        let prefix = env_name(&m.spec.name);
        for section in [&mut m.spec.http, &mut m.spec.heartbeat]
            .into_iter()
            .flatten()
        {
            placeholders(section, &prefix);
        }
    }
    for c in &mut held.callbacks {
        let prefix = env_name(&c.spec.name);
        for (i, a) in c.spec.actions.iter_mut().flatten().enumerate() {
            placeholders(&mut a.config, &format!("{prefix}_ACTION{}", i + 1));
        }
    }
    let manifest = Manifest {
        version: super::spec::VERSION,
        project: Some(project.to_owned()),
        tags: spanned(held.tags),
        notification_providers: spanned(held.providers),
        tests: spanned(held.tests),
        jobs: spanned(held.jobs),
        monitors: spanned(held.monitors),
        callbacks: spanned(held.callbacks),
    };
    let yaml = serde_saphyr::to_string(&manifest).context("writing YAML")?;
    Ok(format!(
        "# Written by `vigil export`; apply with `vigil apply -f <this file>`.\n\
         # Secrets are ${{NAME}} references: set those environment variables before applying.\n{yaml}"
    ))
}

/// `ops-slack` → `OPS_SLACK`.
fn env_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, '_');
    }
    out
}

/// Replaces every masked value (`ht****ab`) with `${PREFIX_KEY}`, and escapes `${` in the
/// others so that apply reads them back as written.
fn placeholders(value: &mut Value, prefix: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if s.contains("****") => {
                        *s = format!("${{{prefix}_{}}}", env_name(key));
                    }
                    other => placeholders(other, &format!("{prefix}_{}", env_name(key))),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                placeholders(v, &format!("{prefix}_{}", i + 1));
            }
        }
        Value::String(s) if s.contains("****") => *s = format!("${{{prefix}}}"),
        Value::String(s) => *s = s.replace("${", "$${"),
        _ => {}
    }
}
