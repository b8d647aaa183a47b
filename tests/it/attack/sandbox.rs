//! Sandbox: a script is hostile to the host. It cannot see the data directory from inside the
//! sandbox (`testing::scripts_run_in_a_sandbox_without_the_data_dir_or_the_servers_environment`),
//! but Vigil reads what it leaves behind, as its own user, outside the sandbox. Here a test
//! leaves links to the master key, the database and another file of the host that the sandbox
//! does not show (as files, through a linked directory and through `..`), and names them as
//! its screenshots, traces and videos: none may be read.
//! (FIFOs and size bounds: the unit tests of `vigil::testing::workfile`.)

use std::path::Path;
use std::time::Duration;

use entity::runs::RunStatus;
use serde_json::json;
use vigil_tests::backends;

use vigil_tests::ops::{BROWSER, create_job, create_test, finish, setup, trigger};

const LOOT: &str = r#"import { test } from '@playwright/test';
import fs from 'fs';
import path from 'path';

test('leaves links behind', async ({}, testInfo) => {
  const work = process.cwd();
  const loot = path.join(work, 'test-results', 'loot');
  fs.mkdirSync(loot, { recursive: true });
  const links = {
    'key.png': path.resolve(work, '../../master.key'),
    'db.webm': path.resolve(work, '../../vigil.db'),
    'host.zip': path.resolve(work, '../../host-only.txt'),
  };
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(loot, name));
  fs.symlinkSync('/', path.join(loot, 'up'));
  fs.symlinkSync(path.resolve(work, '../..'), path.join(loot, 'data'));
  const attach = (name, file) => testInfo.attachments.push({ name, path: file, contentType: 'image/png' });
  attach('screenshot', path.join(loot, 'key.png'));
  attach('video', path.join(loot, 'db.webm'));
  attach('trace', path.join(loot, 'host.zip'));
  attach('screenshot', path.join(loot, 'up', ...path.resolve(work, '../../host-only.txt').split('/')));
  attach('screenshot', path.join(loot, 'data', 'master.key'));
  attach('trace', path.join(loot, 'data', 'vigil.db'));
  attach('screenshot', path.join(work, 'test-results', '..', '..', '..', 'master.key'));
  console.log('LOOT ' + work);
});
"#;

/// Every file under `dir`, recursively (without following links).
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let Ok(meta) = entry.path().symlink_metadata() else {
                continue;
            };
            if meta.is_dir() {
                stack.push(entry.path());
            } else if meta.is_file() {
                out.push(entry.path());
            }
        }
    }
    out
}

#[tokio::test]
async fn artifacts_never_follow_links_a_script_left_to_the_hosts_files() {
    let _turn = BROWSER.lock().await;
    for backend in backends() {
        let (app, user, _, project) = setup(&backend).await;
        let data_dir = app.state().settings.data_dir.clone();
        let master = std::fs::read_to_string(data_dir.join("master.key")).expect("master key");
        let marker = format!("host-only-{}", uuid::Uuid::new_v4());
        std::fs::write(data_dir.join("host-only.txt"), &marker).expect("a host file");
        let test = create_test(&app, &user, &project, "loot", "CUSTOM", LOOT).await;
        let job = create_job(
            &app,
            &user,
            json!({ "projectId": project, "name": "loot", "testIds": [test] }),
        )
        .await;
        let run = trigger(&app, &user.token, job["id"].as_str().expect("id")).await;
        let row = tokio::time::timeout(Duration::from_secs(300), finish(&app, &run))
            .await
            .expect("the run ended");
        let logs = row.logs.clone().unwrap_or_default();
        assert!(logs.contains("LOOT "), "{backend}: the script ran: {logs}");
        assert_eq!(row.status, RunStatus::Passed, "{backend}: {logs}");
        let paths = row.artifact_paths.clone().unwrap_or_default();
        for kind in ["screenshots", "videos", "traces"] {
            assert_eq!(
                paths[kind].as_array().map_or(0, Vec::len),
                0,
                "{backend}: a linked file was kept as a {kind}: {paths}"
            );
        }
        // Whatever was stored: none of it is the master key, the database or the host's users.
        let stored = files(&data_dir.join("artifacts"));
        assert!(!stored.is_empty(), "{backend}: the run's report was kept");
        for file in stored {
            let bytes = std::fs::read(&file).expect("artifact");
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains(master.trim()),
                "{}: the master key",
                file.display()
            );
            assert!(
                !text.contains("SQLite format 3"),
                "{}: the database",
                file.display()
            );
            assert!(!text.contains(&marker), "{}: a host file", file.display());
        }
        app.stop().await;
    }
}
