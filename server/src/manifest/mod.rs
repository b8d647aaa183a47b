//! Monitoring as code: `vigil apply -f vigil.yaml` declares a project's tags, notification
//! providers, tests, jobs, monitors and callbacks (with their actions) in a file kept in git,
//! and `vigil export` writes what a project holds in the same format (`docs/manifest.md`).
//!
//! Both talk to a running Vigil through its public GraphQL API with an API key, like any
//! other client: the server's access checks, validation, plan limits and audit rows apply
//! unchanged, and nothing here touches a database.

pub mod client;
mod exec;
pub mod load;
pub mod plan;
pub mod remote;
pub mod spec;

use std::path::Path;

use anyhow::{Context, bail};

pub use client::Client;
pub use load::FileError;
pub use plan::{Change, Op};
pub use spec::Manifest;

/// What `vigil apply` was asked.
pub struct ApplyOptions<'a> {
    /// The file's name, as errors show it.
    pub file: &'a str,
    /// The file's content.
    pub text: &'a str,
    /// Overrides the file's `project`.
    pub project: Option<&'a str>,
    pub dry_run: bool,
    pub prune: bool,
    /// Resolves `${NAME}` references (the process environment, in the command line).
    pub env: &'a dyn Fn(&str) -> Option<String>,
}

/// What apply did (or, with `--dry-run`, would do).
#[derive(Debug)]
pub struct Report {
    pub plan: Vec<Change>,
    pub dry_run: bool,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for change in &self.plan {
            writeln!(f, "{change}")?;
        }
        if !plan::changes_anything(&self.plan) {
            writeln!(f, "no changes")
        } else if self.dry_run {
            writeln!(f, "dry run: nothing changed")
        } else {
            let n = self.plan.iter().filter(|c| c.op != Op::Keep).count();
            writeln!(f, "applied {n} change{}", if n == 1 { "" } else { "s" })
        }
    }
}

/// Applies a file to the project through `client`.
pub async fn apply(client: &Client, options: &ApplyOptions<'_>) -> anyhow::Result<Report> {
    let manifest = load::parse(options.file, options.text, options.env)?;
    let project = project_of(options.project, manifest.project.as_deref())?;
    let held = remote::read(client, &project)
        .await
        .with_context(|| format!("reading project {project}"))?;
    let planned = exec::plan(&manifest, &held, options)?;
    if !options.dry_run && plan::changes_anything(&planned) {
        exec::run(client, &project, &manifest, &held, &planned, options.file).await?;
    }
    Ok(Report {
        plan: planned,
        dry_run: options.dry_run,
    })
}

/// Writes the project's objects in the file format; secrets become `${NAME}` references
/// (their values are never read back).
pub async fn export(client: &Client, project: &str) -> anyhow::Result<String> {
    let held = remote::read(client, project)
        .await
        .with_context(|| format!("reading project {project}"))?;
    exec::export(project, held)
}

fn project_of(flag: Option<&str>, file: Option<&str>) -> anyhow::Result<String> {
    match flag.or(file).map(str::trim).filter(|p| !p.is_empty()) {
        Some(project) => Ok(project.to_owned()),
        None => bail!("no project: give `project:` in the file or --project"),
    }
}

/// Reads the API key: the flag, else `--api-key-file`, else `VIGILCTL_API_KEY`.
pub fn api_key(
    flag: Option<&str>,
    file: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<String> {
    if let Some(key) = flag {
        return Ok(key.trim().to_owned());
    }
    if let Some(path) = file {
        let key = std::fs::read_to_string(path)
            .with_context(|| format!("reading the API key from {}", path.display()))?;
        return Ok(key.trim().to_owned());
    }
    match env("VIGILCTL_API_KEY").filter(|k| !k.trim().is_empty()) {
        Some(key) => Ok(key.trim().to_owned()),
        None => bail!("no API key: give --api-key, --api-key-file or VIGILCTL_API_KEY"),
    }
}
