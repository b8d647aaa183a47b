//! Artifact storage on an S3-compatible bucket. S3 is an internet service, so moto's S3 server
//! (PyPI `moto[server]`, installed into `.tools/s3` by `scripts/test`) stands in for it on
//! loopback: a real k6 run stores its artifacts there, Vigil serves them back, and retention
//! sweeps orphaned ones from the bucket.

use std::path::PathBuf;
use std::process::Stdio;

use entity::k6_performance_runs;
use entity::runs::{self, RunStatus};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;
use vigil_tests::target::Target;
use vigil_tests::{TestApp, backends, tools_dir};

const BUCKET: &str = "vigil-artifacts";

/// moto's S3 server on a loopback port, stopped when dropped.
struct S3Server {
    _child: tokio::process::Child,
    endpoint: String,
}

fn moto_server() -> PathBuf {
    if let Ok(path) = std::env::var("TEST_MOTO_SERVER")
        && !path.is_empty()
    {
        return PathBuf::from(path);
    }
    tools_dir().join("s3/bin/moto_server")
}

impl S3Server {
    async fn start() -> S3Server {
        let bin = moto_server();
        assert!(
            bin.exists(),
            "{} is missing: scripts/test installs it (python3 -m venv .tools/s3 && .tools/s3/bin/pip install 'moto[server]'), or set TEST_MOTO_SERVER",
            bin.display()
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
        let child = tokio::process::Command::new(bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start moto_server");
        let endpoint = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        vigil_tests::eventually(&format!("moto_server answering on {endpoint}"), || async {
            http.get(&endpoint).send().await.ok().map(drop)
        })
        .await;
        let created = http
            .put(format!("{endpoint}/{BUCKET}"))
            .send()
            .await
            .expect("create bucket");
        assert!(created.status().is_success(), "{}", created.status());
        S3Server {
            _child: child,
            endpoint,
        }
    }

    /// The keys under `prefix`, listed by the S3 API itself.
    async fn keys(&self, prefix: &str) -> Vec<String> {
        let body = reqwest::get(format!(
            "{}/{BUCKET}?list-type=2&prefix={prefix}",
            self.endpoint
        ))
        .await
        .expect("list")
        .text()
        .await
        .expect("body");
        body.split("<Key>")
            .skip(1)
            .filter_map(|rest| rest.split("</Key>").next())
            .map(str::to_owned)
            .collect()
    }
}

#[tokio::test]
async fn run_artifacts_go_to_an_s3_bucket_are_served_and_swept() {
    for backend in backends() {
        let s3 = S3Server::start().await;
        let endpoint = s3.endpoint.clone();
        let app = TestApp::spawn_with(&backend, move |s| {
            s.runner.tools_dir = Some(tools_dir());
            s.storage.s3_bucket = Some(BUCKET.into());
            s.storage.s3_endpoint = Some(endpoint);
            s.storage.s3_region = Some("us-east-1".into());
            s.storage.s3_access_key_id = Some("testing".into());
            s.storage.s3_secret_access_key = Some("testing".into());
        })
        .await;
        assert_eq!(app.state().storage.kind(), "s3");
        let user = app.sign_up("s3@example.com").await;
        let (_org, project) = app.create_org(&user, "Buckets").await;
        let target = Target::start().await;

        let script = format!(
            "import http from 'k6/http';\nexport const options = {{ vus: 1, iterations: 3, thresholds: {{ http_req_failed: ['rate<0.5'] }} }};\nexport default function () {{ http.get('{}'); console.log('stored in a bucket'); }}\n",
            target.url("/ok")
        );
        let test = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateTestInput!) { createTest(input: $i) { id } }",
                json!({ "i": { "projectId": project, "title": "To the bucket", "type": "PERFORMANCE", "script": script } }),
            )
            .await
            .ok()["createTest"]["id"]
            .as_str()
            .expect("test id")
            .to_owned();
        let job = app
            .gql(
                Some(&user.token),
                "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }",
                json!({ "i": { "projectId": project, "name": "bucket", "jobType": "K6", "testIds": [test] } }),
            )
            .await
            .ok()["createJob"]["id"]
            .as_str()
            .expect("job id")
            .to_owned();
        let run = app
            .gql(
                Some(&user.token),
                "mutation($id: ID!) { triggerJob(id: $id) { id } }",
                json!({ "id": job }),
            )
            .await
            .ok()["triggerJob"]["id"]
            .as_str()
            .expect("run id")
            .to_owned();
        let run_id = Uuid::parse_str(&run).expect("uuid");
        let worker = app.run_worker();
        let mut row = None;
        for _ in 0..20 {
            worker.tick().await.expect("tick");
            let current = runs::Entity::find_by_id(run_id)
                .one(app.db())
                .await
                .expect("db")
                .expect("run");
            if !matches!(current.status, RunStatus::Queued | RunStatus::Running) {
                row = Some(current);
                break;
            }
        }
        let row = row.expect("the run finished");
        assert_eq!(
            row.status,
            RunStatus::Passed,
            "{:?}\n{}",
            row.error_details,
            row.logs.unwrap_or_default()
        );

        // The artifacts are objects in the bucket, and nothing went to the local disk.
        let keys = s3.keys(&format!("runs/{run}/")).await;
        let metrics = k6_performance_runs::Entity::find()
            .filter(k6_performance_runs::Column::RunId.eq(run_id))
            .one(app.db())
            .await
            .expect("db")
            .expect("k6 metrics");
        let report = metrics.report_s3_url.clone().expect("report key");
        let console = metrics.console_s3_url.clone().expect("console key");
        assert!(keys.contains(&report), "{report} not in {keys:?}");
        assert!(keys.contains(&console), "{console} not in {keys:?}");
        assert!(
            !app.state().settings.data_dir.join("artifacts").exists(),
            "nothing is written to the local artifact directory"
        );

        // Served to the project's members from the bucket; not to anyone else.
        let page = app
            .http
            .get(format!("{}/artifacts/{report}", app.url))
            .bearer_auth(&user.token)
            .send()
            .await
            .expect("get");
        assert_eq!(page.status(), 200);
        assert!(
            page.headers()["content-type"]
                .to_str()
                .unwrap_or_default()
                .starts_with("text/html")
        );
        assert!(!page.text().await.expect("text").is_empty());
        let log = app
            .http
            .get(format!("{}/artifacts/{console}", app.url))
            .bearer_auth(&user.token)
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("text");
        assert!(log.contains("stored in a bucket"), "{log}");
        let stranger = app.sign_up("stranger@example.com").await;
        let refused = app
            .http
            .get(format!("{}/artifacts/{report}", app.url))
            .bearer_auth(&stranger.token)
            .send()
            .await
            .expect("get");
        assert_eq!(refused.status(), 404);

        // Retention sweeps artifacts whose run is gone from the bucket, and keeps the others.
        let orphan = Uuid::now_v7();
        app.state()
            .storage
            .put(&format!("runs/{orphan}/log.txt"), b"left behind".to_vec())
            .await
            .expect("put");
        assert_eq!(s3.keys(&format!("runs/{orphan}/")).await.len(), 1);
        let swept = vigil::testing::retention::run_once(app.state())
            .await
            .expect("retention");
        assert_eq!(swept.orphaned_artifacts_deleted, 1);
        assert!(s3.keys(&format!("runs/{orphan}/")).await.is_empty());
        assert_eq!(s3.keys(&format!("runs/{run}/")).await, keys);
        app.stop().await;
    }
}
