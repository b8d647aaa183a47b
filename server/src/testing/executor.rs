//! Executing a claimed run: a fresh work directory, the project's variables, the script in
//! the sandbox under a wall-clock deadline, output streamed (masked) to subscribers line by
//! line, and the artifacts (masked where they are text) in storage.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::jobs::{self, JobType};
use entity::runs::{self, RunStatus};
use entity::tests;
use tokio::io::AsyncBufReadExt;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::artifact::RunMetadata;
use super::mask::Masker;
use super::run::Outcome;
use super::sandbox::{self, Cgroup, Limits, Sandbox};
use crate::events::Event;
use crate::state::AppState;

/// Longest output line kept (longer lines are cut).
pub const MAX_LINE: usize = 4000;
/// Output kept for the full log artifact.
pub const MAX_LOG: usize = 8 * 1024 * 1024;
/// Lines streamed live per run; the rest is in the stored log.
pub const MAX_LIVE_LINES: usize = 20_000;
/// Bytes of lines in one live event (PostgreSQL NOTIFY payloads stay under 8000 bytes).
const EVENT_BYTES: usize = 6000;

/// The output of one run: masked, kept for the log artifact, and streamed live in small
/// batches as `RunLog` events.
pub struct LogStream {
    masker: Masker,
    buffer: String,
    truncated: bool,
    live: usize,
    sender: Option<mpsc::UnboundedSender<String>>,
    publisher: Option<tokio::task::JoinHandle<()>>,
}

impl LogStream {
    /// A stream for the run `run_id` whose metadata is `metadata` (kept when the output so
    /// far is saved on the run).
    pub fn new(
        state: &AppState,
        run_id: uuid::Uuid,
        metadata: RunMetadata,
        masker: Masker,
    ) -> Self {
        let (sender, receiver) = mpsc::unbounded_channel();
        let publisher = tokio::spawn(publish_lines(state.clone(), run_id, metadata, receiver));
        Self {
            masker,
            buffer: String::new(),
            truncated: false,
            live: 0,
            sender: Some(sender),
            publisher: Some(publisher),
        }
    }

    pub fn masker(&self) -> &Masker {
        &self.masker
    }

    /// Adds one line of output.
    pub fn line(&mut self, raw: &str) {
        let mut line = self.masker.text(raw.trim_end_matches(['\r', '\n']));
        if line.len() > MAX_LINE {
            let mut cut = MAX_LINE;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line.truncate(cut);
            line.push_str(" […]");
        }
        if self.buffer.len() + line.len() < MAX_LOG {
            self.buffer.push_str(&line);
            self.buffer.push('\n');
        } else if !self.truncated {
            self.truncated = true;
            self.buffer
                .push_str("[vigil] output beyond 8 MiB was dropped\n");
        }
        if self.live < MAX_LIVE_LINES {
            self.live += 1;
            if let Some(sender) = &self.sender {
                let _ = sender.send(line);
            }
        } else if self.live == MAX_LIVE_LINES {
            self.live += 1;
            if let Some(sender) = &self.sender {
                let _ = sender.send(
                    "[vigil] live output stops here; the full log is stored with the run".into(),
                );
            }
        }
    }

    /// How much output there is so far (an offset for [`LogStream::since`]).
    pub fn len(&self) -> usize {
        self.buffer.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buffer.is_empty()
    }

    /// The (masked) output since `offset`.
    pub fn since(&self, offset: usize) -> &str {
        self.buffer.get(offset..).unwrap_or_default()
    }

    /// A line from Vigil itself.
    pub fn note(&mut self, text: &str) {
        self.line(&format!("[vigil] {text}"));
    }

    /// Flushes the live stream and returns the whole (masked) output.
    pub async fn close(mut self) -> String {
        self.sender = None;
        if let Some(publisher) = self.publisher.take() {
            let _ = publisher.await;
        }
        std::mem::take(&mut self.buffer)
    }
}

async fn publish_lines(
    state: AppState,
    run_id: uuid::Uuid,
    metadata: RunMetadata,
    mut receiver: mpsc::UnboundedReceiver<String>,
) {
    let mut live = Live {
        state,
        run_id,
        metadata,
        next: 1,
        tail: String::new(),
        unsaved: false,
    };
    let mut save = tokio::time::interval(SNAPSHOT_EVERY);
    save.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            first = receiver.recv() => {
                let Some(first) = first else { break };
                let mut size = first.len();
                let mut lines = vec![first];
                let window = tokio::time::sleep(Duration::from_millis(50));
                tokio::pin!(window);
                while size < EVENT_BYTES {
                    tokio::select! {
                        next = receiver.recv() => match next {
                            Some(line) => {
                                if size + line.len() > EVENT_BYTES {
                                    live.emit(std::mem::take(&mut lines)).await;
                                    size = 0;
                                }
                                size += line.len();
                                lines.push(line);
                            }
                            None => break,
                        },
                        () = &mut window => break,
                    }
                }
                live.emit(lines).await;
            }
            _ = save.tick() => live.save().await,
        }
    }
}

/// How often a running run's output so far is saved on its row (`Run.logs`), for clients
/// that open it mid-run.
const SNAPSHOT_EVERY: Duration = Duration::from_secs(2);

/// The live side of a run's output: numbered `RunLog` events, and the output so far.
struct Live {
    state: AppState,
    run_id: uuid::Uuid,
    metadata: RunMetadata,
    /// The number of the next line.
    next: u64,
    /// The last lines sent (at most `LOG_TAIL` bytes).
    tail: String,
    unsaved: bool,
}

impl Live {
    async fn emit(&mut self, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        for line in &lines {
            self.tail.push_str(line);
            self.tail.push('\n');
        }
        if self.tail.len() > super::run::LOG_TAIL {
            self.tail = super::run::tail(&self.tail, super::run::LOG_TAIL);
        }
        self.unsaved = true;
        let first = self.next;
        self.next += lines.len() as u64;
        self.state
            .events
            .publish(
                &self.state.db,
                Event::RunLog {
                    run_id: self.run_id,
                    first,
                    lines,
                },
            )
            .await;
    }

    /// Saves the output so far on the run while it runs.
    async fn save(&mut self) {
        if !self.unsaved {
            return;
        }
        self.unsaved = false;
        let mut metadata = self.metadata.clone();
        metadata.log_lines = Some(self.next - 1);
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let saved = runs::Entity::update_many()
            .col_expr(runs::Column::Logs, Expr::value(self.tail.clone()))
            .col_expr(runs::Column::Metadata, Expr::value(metadata.to_json()))
            .filter(runs::Column::Id.eq(self.run_id))
            .filter(runs::Column::Status.eq(RunStatus::Running))
            .exec(&self.state.db)
            .await;
        if let Err(err) = saved {
            tracing::warn!(error = %err, run_id = %self.run_id, "saving a run's output so far failed");
        }
    }
}

/// How a process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    /// Killed by a signal it did not ask for (the memory limit, the CPU limit).
    Signal(i32),
    TimedOut,
    Cancelled,
    SpawnFailed(String),
}

/// Kills the process group `pid` leads.
fn kill_group(pid: u32) {
    if let Ok(pid) = i32::try_from(pid) {
        // SAFETY: a plain system call; a stale pid at worst hits nothing (its group is gone).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

/// Runs a command to its end, its deadline or cancellation, streaming both outputs to `log`.
/// Returns how it ended and when it started.
pub async fn run_process(
    mut cmd: tokio::process::Command,
    log: &mut LogStream,
    deadline: Instant,
    cancel: &CancellationToken,
) -> (Exit, Option<DateTime<Utc>>) {
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(err) => return (Exit::SpawnFailed(err.to_string()), None),
    };
    let started = Utc::now();
    let pid = child.id();
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let mut out = stdout.map(|s| tokio::io::BufReader::new(s).split(b'\n'));
    let mut err = stderr.map(|s| tokio::io::BufReader::new(s).split(b'\n'));
    let mut ended: Option<Exit> = None;
    loop {
        if out.is_none() && err.is_none() {
            break;
        }
        tokio::select! {
            line = async { match out.as_mut() { Some(o) => o.next_segment().await, None => std::future::pending().await } } => match line {
                Ok(Some(bytes)) => log.line(&String::from_utf8_lossy(&bytes)),
                _ => out = None,
            },
            line = async { match err.as_mut() { Some(e) => e.next_segment().await, None => std::future::pending().await } } => match line {
                Ok(Some(bytes)) => log.line(&String::from_utf8_lossy(&bytes)),
                _ => err = None,
            },
            () = tokio::time::sleep_until(deadline), if ended.is_none() => {
                if let Some(pid) = pid { kill_group(pid); }
                ended = Some(Exit::TimedOut);
            },
            () = cancel.cancelled(), if ended.is_none() => {
                if let Some(pid) = pid { kill_group(pid); }
                ended = Some(Exit::Cancelled);
            },
        }
    }
    let status = tokio::select! {
        status = child.wait() => status.ok(),
        () = tokio::time::sleep(Duration::from_secs(10)) => {
            if let Some(pid) = pid { kill_group(pid); }
            child.wait().await.ok()
        }
    };
    // Whatever the leader did, nothing of the run may outlive it.
    if let Some(pid) = pid {
        kill_group(pid);
    }
    if let Some(ended) = ended {
        return (ended, Some(started));
    }
    use std::os::unix::process::ExitStatusExt;
    let exit = match status {
        Some(s) => match (s.code(), s.signal()) {
            (Some(code), _) => limit_signal(code).map_or(Exit::Code(code), Exit::Signal),
            (None, Some(sig)) => Exit::Signal(sig),
            _ => Exit::Code(-1),
        },
        None => Exit::Code(-1),
    };
    // A limit that stopped the runner is said in the log, next to what it printed.
    if let (Exit::Signal(_), Some(message)) = (&exit, error_of(&exit)) {
        log.note(&message);
    }
    (exit, Some(started))
}

/// The signal of a sandbox limit behind an exit code: bubblewrap ends with 128 plus the
/// signal that killed the program it ran (`SIGKILL` of the hard CPU limit or the memory
/// limit, `SIGXCPU`, `SIGXFSZ`).
fn limit_signal(code: i32) -> Option<i32> {
    [libc::SIGKILL, libc::SIGXCPU, libc::SIGXFSZ]
        .into_iter()
        .find(|sig| code == 128 + sig)
}

/// What an executor works with.
pub struct Context {
    pub state: AppState,
    pub run: runs::Model,
    pub job: Option<jobs::Model>,
    pub tests: Vec<tests::Model>,
    pub sandbox: Sandbox,
    pub work_dir: PathBuf,
    pub tools_dir: PathBuf,
    /// `(key, value, secret)` of the project's variables.
    pub variables: Vec<(String, String, bool)>,
    pub deadline: Instant,
    pub cancel: CancellationToken,
    pub started_at: DateTime<Utc>,
    pub cgroup: Option<Cgroup>,
}

impl Context {
    /// The environment a script gets: its variables as `VIGIL_VAR_<KEY>` (read them with the
    /// `vigil` helper), and the run's ids.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = self
            .variables
            .iter()
            .map(|(k, v, _)| (format!("VIGIL_VAR_{k}"), v.clone()))
            .collect();
        env.push(("VIGIL_RUN_ID".into(), self.run.id.to_string()));
        env.push(("VIGIL_PROJECT_ID".into(), self.run.project_id.to_string()));
        if let Some(job) = &self.job {
            env.push(("VIGIL_JOB_ID".into(), job.id.to_string()));
        }
        env.push((
            "VIGIL_SECRET_KEYS".into(),
            self.variables
                .iter()
                .filter(|(_, _, secret)| *secret)
                .map(|(k, _, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ));
        env
    }

    /// Whether the run's tests run on k6 (a k6 job, or a single performance test).
    pub fn is_k6(&self) -> bool {
        match &self.job {
            Some(job) => job.job_type == JobType::K6,
            None => self.tests.first().is_some_and(|t| super::is_k6(t.r#type)),
        }
    }

    /// Whether scripts may use the network: not where the outbound policy blocks private
    /// addresses, since a shared network namespace reaches the host's loopback and LAN.
    pub fn network(&self) -> bool {
        !self.state.settings.outbound().block_private
    }

    /// Per-process limits of the runner settings: `runner.cpu_seconds` (by default twice the
    /// wall-clock budget left, plus 30 s), `runner.file_size_mb`, `runner.open_files`.
    pub fn limits(&self, data_limit: Option<u64>) -> Limits {
        let runner = &self.state.settings.runner;
        let cpu_seconds = runner.cpu_seconds.unwrap_or_else(|| {
            let wall = self
                .deadline
                .saturating_duration_since(Instant::now())
                .as_secs()
                .max(1);
            wall.saturating_mul(2).saturating_add(30)
        });
        Limits {
            cpu_seconds,
            file_size_bytes: runner.file_size_mb.saturating_mul(1024 * 1024),
            open_files: runner.open_files,
            data_bytes: data_limit,
        }
    }

    /// The command for `program args` in this run's sandbox.
    pub fn command(
        &self,
        program: &Path,
        args: Vec<String>,
        env: Vec<(String, String)>,
        data_limit: Option<u64>,
    ) -> tokio::process::Command {
        let spec = sandbox::Spec {
            work_dir: self.work_dir.clone(),
            read_only: vec![self.tools_dir.clone()],
            env,
            network: self.network(),
            program: program.to_owned(),
            args,
            limits: self.limits(data_limit),
        };
        sandbox::command(&self.sandbox, &spec, self.cgroup.as_ref())
    }

    /// Reads a file the script left in the work dir: a regular file reached without any link,
    /// at most `max` bytes (`workfile`).
    pub async fn read_file(&self, path: &Path, max: u64) -> Option<Vec<u8>> {
        match super::workfile::read(&self.work_dir, path, max).await {
            Ok(bytes) => Some(bytes),
            Err(err) => {
                if err.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(run = %self.run.id, path = %path.display(), error = %err, "a file of the run was not read");
                }
                None
            }
        }
    }

    /// Stores a file of the work dir at `runs/{run}/{name}`, masking text; returns the key.
    pub async fn store_file(&self, path: &Path, name: &str, masker: &Masker) -> Option<String> {
        let bytes = self.read_file(path, super::workfile::MAX_ARTIFACT).await?;
        let bytes = if name.ends_with(".html") {
            super::mask::html_report(&bytes, masker)
        } else if super::mask::is_text(name) {
            masker.bytes(&bytes)
        } else if name.ends_with(".zip") {
            super::mask::zip(&bytes, masker).unwrap_or(bytes)
        } else {
            bytes
        };
        let key = format!("runs/{}/{name}", self.run.id);
        match self.state.storage.put(&key, bytes).await {
            Ok(()) => Some(key),
            Err(err) => {
                tracing::warn!(error = %err, key, "storing an artifact failed");
                None
            }
        }
    }

    /// Stores every file under `dir` at `runs/{run}/{prefix}/...`; returns the keys.
    pub async fn store_dir(&self, dir: &Path, prefix: &str, masker: &Masker) -> Vec<String> {
        let mut keys = Vec::new();
        // The directory itself may be a link the script left (`report -> /`).
        if !super::workfile::is_dir(&self.work_dir, dir) {
            return keys;
        }
        let mut stack = vec![dir.to_path_buf()];
        while let Some(current) = stack.pop() {
            let Ok(mut entries) = tokio::fs::read_dir(&current).await else {
                continue;
            };
            while let Ok(Some(entry)) = entries.next_entry().await {
                let path = entry.path();
                // Symlinks made by the script are not followed out of the work dir.
                let Ok(meta) = tokio::fs::symlink_metadata(&path).await else {
                    continue;
                };
                if meta.is_dir() {
                    stack.push(path);
                } else if meta.is_file()
                    && let Ok(relative) = path.strip_prefix(dir)
                {
                    let relative = relative.to_string_lossy().replace('\\', "/");
                    let name = format!("{prefix}/{relative}");
                    if super::super::storage::check_key(&name).is_some()
                        && let Some(key) = self.store_file(&path, &name, masker).await
                    {
                        keys.push(key);
                    }
                }
            }
        }
        keys.sort();
        keys
    }
}

/// Executes a claimed run and returns its outcome. Never fails: set-up problems end the run
/// as `error` with a message that says what to do.
pub async fn execute(
    state: &AppState,
    run: runs::Model,
    job: Option<jobs::Model>,
    tests: Vec<tests::Model>,
    cancel: CancellationToken,
) -> Outcome {
    let started_at = Utc::now();
    let Ok(variables) = crate::variable::resolved(state, &state.db, run.project_id).await else {
        return Outcome::error(
            "the project's secrets cannot be opened with this instance's master key",
            started_at,
        );
    };
    let masker = Masker::new(
        variables
            .iter()
            .filter(|(_, _, secret)| *secret)
            .map(|(_, v, _)| v.as_str()),
    );
    let mut log = LogStream::new(state, run.id, RunMetadata::of(&run), masker);
    let (sandbox, work_dir) = match set_up(state, &run, &tests, &mut log).await {
        Ok(ready) => ready,
        Err(message) => {
            let logs = log.close().await;
            let mut outcome = Outcome::error(message, started_at);
            outcome.logs = logs;
            return outcome;
        }
    };
    let timeout = timeout_secs(job.as_ref());
    let ctx = Context {
        state: state.clone(),
        deadline: Instant::now() + Duration::from_secs(u64::try_from(timeout).unwrap_or(600)),
        cgroup: Cgroup::create(
            &run.id.simple().to_string(),
            state.settings.runner.memory_mb * 1024 * 1024,
            state.settings.runner.cpus,
        ),
        run,
        job,
        tests,
        sandbox,
        work_dir,
        tools_dir: state.settings.tools_dir(),
        variables,
        cancel,
        started_at,
    };
    if matches!(ctx.sandbox, Sandbox::Unsandboxed) {
        log.note("WARNING: running without a sandbox (runner.allow_unsandboxed)");
    }
    if !ctx.network() {
        log.note("the outbound policy blocks private addresses: this run has no network");
    }
    let mut outcome = if ctx.is_k6() {
        super::k6::execute(&ctx, &mut log).await
    } else {
        super::playwright::execute(&ctx, &mut log).await
    };
    say_how_it_stopped(&ctx, &mut outcome, &mut log, timeout);
    wrap_up(ctx, outcome, log).await
}

/// The sandbox and a fresh work directory (writable by the sandbox's user), or why the run
/// cannot start.
async fn set_up(
    state: &AppState,
    run: &runs::Model,
    tests: &[tests::Model],
    log: &mut LogStream,
) -> Result<(Sandbox, PathBuf), String> {
    let sandbox = sandbox::detect(&state.settings).inspect_err(|message| log.note(message))?;
    if tests.is_empty() {
        return Err("the run has no tests (they were deleted)".into());
    }
    let work_dir = state.settings.work_dir().join(run.id.to_string());
    let _ = tokio::fs::remove_dir_all(&work_dir).await;
    tokio::fs::create_dir_all(&work_dir)
        .await
        .map_err(|err| format!("cannot create the work directory: {err}"))?;
    // The sandbox user (nobody) writes here.
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tokio::fs::set_permissions(&work_dir, std::fs::Permissions::from_mode(0o777)).await;
    }
    Ok((sandbox, work_dir))
}

/// The run's time limit in seconds: its job's, within bounds (10 minutes without a job).
fn timeout_secs(job: Option<&jobs::Model>) -> i32 {
    job.map(|j| j.timeout_seconds)
        .unwrap_or(600)
        .clamp(10, super::job::MAX_TIMEOUT_SECS)
}

/// Says in the log what stopped the run (its memory limit, its time limit, a cancel); the
/// memory limit makes the run an `error` unless time or a cancel ended it first.
fn say_how_it_stopped(ctx: &Context, outcome: &mut Outcome, log: &mut LogStream, timeout: i32) {
    if ctx.cgroup.as_ref().is_some_and(Cgroup::oom_killed) {
        log.note(&format!(
            "the run hit its memory limit of {} MiB",
            ctx.state.settings.runner.memory_mb
        ));
        if outcome.status != RunStatus::TimedOut && outcome.status != RunStatus::Cancelled {
            outcome.status = RunStatus::Error;
            outcome
                .error
                .get_or_insert_with(|| "the run hit its memory limit".into());
        }
    }
    match outcome.status {
        RunStatus::TimedOut => log.note(&format!("stopped at the time limit of {timeout} s")),
        RunStatus::Cancelled => log.note("cancelled"),
        _ => {}
    }
}

/// Stores the whole log with the artifacts, and removes what the run left on this machine.
async fn wrap_up(ctx: Context, mut outcome: Outcome, log: LogStream) -> Outcome {
    let masker = log.masker().clone();
    let logs = log.close().await;
    outcome.logs_key = ctx
        .store_bytes("output.log", logs.as_bytes().to_vec(), &masker)
        .await;
    outcome.logs = logs;
    outcome.artifacts.log = outcome.logs_key.clone();
    outcome.started_at = ctx.started_at;
    outcome.finished_at = Utc::now();
    if let Some(cgroup) = ctx.cgroup {
        cgroup.remove().await;
    }
    let _ = tokio::fs::remove_dir_all(&ctx.work_dir).await;
    outcome
}

impl Context {
    /// Stores bytes at `runs/{run}/{name}` (masking text); returns the key.
    pub async fn store_bytes(&self, name: &str, bytes: Vec<u8>, masker: &Masker) -> Option<String> {
        let bytes = if super::mask::is_text(name) {
            masker.bytes(&bytes)
        } else {
            bytes
        };
        let key = format!("runs/{}/{name}", self.run.id);
        match self.state.storage.put(&key, bytes).await {
            Ok(()) => Some(key),
            Err(err) => {
                tracing::warn!(error = %err, key, "storing an artifact failed");
                None
            }
        }
    }
}

/// The status for a process exit in the usual cases.
pub fn status_of(exit: &Exit) -> Option<RunStatus> {
    match exit {
        Exit::TimedOut => Some(RunStatus::TimedOut),
        Exit::Cancelled => Some(RunStatus::Cancelled),
        Exit::SpawnFailed(_) | Exit::Signal(_) => Some(RunStatus::Error),
        Exit::Code(_) => None,
    }
}

/// A failure of the runner's installation rather than of the script, from what the runner
/// printed: the sandbox could not start the program, or the program could not load its own
/// files from the tools dir. The run's error then says so, rather than blaming the script.
pub fn tool_failure(output: &str, tools_dir: &Path) -> Option<String> {
    let tools = tools_dir.to_string_lossy();
    output.lines().find_map(|line| {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("bwrap: ") {
            return Some(format!(
                "the sandbox could not start the runner ({rest}); this is a set-up problem of the server, not of the script: see `vigil runners check`"
            ));
        }
        if line.contains("Cannot find module") && line.contains(tools.as_ref()) {
            return Some(format!(
                "the runner's own files are missing ({line}); this is a set-up problem of the server, not of the script: run `vigil runners install`"
            ));
        }
        None
    })
}

/// The message of an abnormal exit.
pub fn error_of(exit: &Exit) -> Option<String> {
    match exit {
        Exit::SpawnFailed(e) => Some(format!("the runner could not start: {e}")),
        Exit::Signal(libc::SIGXCPU) => Some(
            "the runner was stopped by SIGXCPU: it used up its CPU seconds (runner.cpu_seconds)"
                .into(),
        ),
        Exit::Signal(libc::SIGXFSZ) => Some(
            "the runner was stopped by SIGXFSZ: it wrote past the file size limit (runner.file_size_mb)"
                .into(),
        ),
        Exit::Signal(sig) => Some(format!(
            "the runner was killed by signal {sig} (a CPU or memory limit of the sandbox)"
        )),
        Exit::TimedOut => Some("the run reached its time limit".into()),
        Exit::Cancelled => Some("the run was cancelled".into()),
        Exit::Code(_) => None,
    }
}

/// Writes a file into the work dir.
pub async fn write(dir: &Path, name: &str, content: &str) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        tokio::fs::create_dir_all(parent).await?;
    }
    tokio::fs::write(&path, content).await?;
    Ok(path)
}

/// A file name from a test title: `003-checkout-works`.
pub fn file_stem(position: usize, title: &str) -> String {
    let slug: String = crate::validate::slugify(title).chars().take(40).collect();
    format!("{:03}-{slug}", position + 1)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn tool_failures_are_told_from_script_failures() {
        let tools = Path::new("/srv/vigil/data/tools");
        let sandbox = "bwrap: execvp ./data/tools/k6/bin/k6: No such file or directory\n";
        assert!(
            tool_failure(sandbox, tools)
                .is_some_and(|m| m.contains("not of the script") && m.contains("execvp"))
        );
        let module = "Error: Cannot find module '/srv/vigil/data/tools/playwright/node_modules/@playwright/test/cli.js'\n";
        assert!(tool_failure(module, tools).is_some_and(|m| m.contains("vigil runners install")));
        // The script's own mistakes stay the script's.
        for script in [
            "ReferenceError: foo is not defined\n",
            "Error: Cannot find module './helpers' from tests/a.spec.ts\n",
            "echo bwrap: inside a test\n",
        ] {
            assert_eq!(tool_failure(script, tools), None, "{script}");
        }
    }
}
