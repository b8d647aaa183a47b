//! A PostgreSQL server of a test's own, on a free loopback port, which the test may stop and
//! start again (a database restart, a failover), unlike the shared server `TEST_DATABASE_URL`
//! names, which every other test uses at the same time.
//!
//! It is made with Debian's `initdb` and `pg_ctl` (the `postgresql` package `.ci/run`
//! installs), run as the `postgres` user when the tests run as root, as `scripts/pg-start`
//! does.

use std::path::PathBuf;
use std::process::Command;

use crate::served::free_port;
use crate::{TempDir, temp_dir};

/// A running PostgreSQL cluster, stopped (immediately) and removed when dropped.
pub struct Cluster {
    dir: TempDir,
    bin: PathBuf,
    port: u16,
}

impl Cluster {
    /// Creates and starts a cluster; `None` when PostgreSQL is not installed.
    pub fn start() -> Option<Cluster> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
            .filter(|bin| bin.join("initdb").exists())
            .max()?;
        let dir = temp_dir("pg");
        let cluster = Cluster {
            dir,
            bin,
            port: free_port(),
        };
        if is_root() {
            let status = Command::new("chown")
                .args(["postgres:", &cluster.dir.display().to_string()])
                .status()
                .expect("chown");
            assert!(status.success(), "chown of the cluster's directory");
        }
        cluster.run(&format!(
            "{}/initdb -D {}/data -U postgres -A trust --no-sync >/dev/null",
            cluster.bin.display(),
            cluster.dir.display()
        ));
        cluster.resume();
        Some(cluster)
    }

    /// The URL of its `postgres` database (an admin URL, as `TEST_DATABASE_URL` is).
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server as an operator's restart does (`pg_ctl stop -m fast`: sessions are
    /// ended, connections closed) and waits until it is down.
    pub fn stop(&self) {
        self.run(&format!(
            "{}/pg_ctl -D {}/data -m fast -w stop >/dev/null",
            self.bin.display(),
            self.dir.display()
        ));
    }

    /// Starts the server (again) and waits until it accepts connections.
    pub fn resume(&self) {
        self.run(&format!(
            "{}/pg_ctl -D {dir}/data -o '-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l {dir}/pg.log -w start >/dev/null",
            self.bin.display(),
            dir = self.dir.display(),
            port = self.port
        ));
    }

    /// Runs a shell command line as the user PostgreSQL runs as; panics when it fails.
    fn run(&self, line: &str) {
        let status = if is_root() {
            Command::new("su").args(["postgres", "-c", line]).status()
        } else {
            Command::new("sh").args(["-c", line]).status()
        }
        .expect("running a PostgreSQL command");
        assert!(status.success(), "`{line}` failed");
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let line = format!(
            "{}/pg_ctl -D {}/data -m immediate -w stop >/dev/null 2>&1",
            self.bin.display(),
            self.dir.display()
        );
        let _ = if is_root() {
            Command::new("su").args(["postgres", "-c", &line]).status()
        } else {
            Command::new("sh").args(["-c", &line]).status()
        };
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}
