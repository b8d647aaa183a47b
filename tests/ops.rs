//! Typed requests for the operations many test files use (tests, jobs, runs), so that a
//! test reads as what it does.

use entity::runs::{self, RunStatus};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::snapshot::uuid;
use crate::{Backend, TestApp, TestUser, tools_dir};

/// Chromium takes both cores for a few seconds: tests that start it take turns, so that the
/// tests running beside them are not starved.
pub static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A test server that finds the runner tools (`tools_dir`).
pub async fn spawn_runner(backend: &Backend) -> TestApp {
    TestApp::spawn_with(backend, |s| {
        s.runner.tools_dir = Some(tools_dir());
    })
    .await
}

/// A test server with the runner tools, a signed-up user and their organization and project.
pub async fn setup(backend: &Backend) -> (TestApp, TestUser, String, String) {
    let app = spawn_runner(backend).await;
    let user = app.sign_up("tester@example.com").await;
    let (org, project) = app.create_org(&user, "Testers").await;
    (app, user, org, project)
}

/// `createTest`; returns the new test's id.
pub async fn create_test(
    app: &TestApp,
    user: &TestUser,
    project: &str,
    title: &str,
    kind: &str,
    script: &str,
) -> String {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
        json!({ "i": { "projectId": project, "title": title, "type": kind, "script": script } }),
    )
    .await
    .ok()["createTest"]["id"]
        .as_str()
        .expect("test id")
        .to_owned()
}

/// `createJob` with `input`; returns the job.
pub async fn create_job(app: &TestApp, user: &TestUser, input: Value) -> Value {
    app.gql(
        Some(&user.token),
        "mutation($i: CreateJobInput!) { createJob(input: $i) { id name jobType cronSchedule nextRunAt status timeoutSeconds triggerUrl tests { id title } } }",
        json!({ "i": input }),
    )
    .await
    .ok()["createJob"]
        .clone()
}

/// `triggerJob`; returns the run's id.
pub async fn trigger(app: &TestApp, token: &str, job: &str) -> String {
    app.gql(
        Some(token),
        "mutation($id: ID!) { triggerJob(id: $id) { id status trigger } }",
        json!({ "id": job }),
    )
    .await
    .ok()["triggerJob"]["id"]
        .as_str()
        .expect("run id")
        .to_owned()
}

/// The `runs` row of `id`.
pub async fn run_row(app: &TestApp, id: &str) -> runs::Model {
    runs::Entity::find_by_id(uuid(id))
        .one(app.db())
        .await
        .expect("db")
        .expect("run")
}

/// Drives the worker until `run` has finished.
pub async fn finish(app: &TestApp, run: &str) -> runs::Model {
    let worker = app.run_worker();
    for _ in 0..20 {
        worker.tick().await.expect("tick");
        let row = run_row(app, run).await;
        if !matches!(row.status, RunStatus::Queued | RunStatus::Running) {
            return row;
        }
    }
    panic!("run {run} did not finish");
}
