//! The `vigil` command line.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use migration::{Migrator, MigratorTrait};

use crate::config::{Mode, Overrides, Settings};

#[derive(Parser, Debug)]
#[command(
    name = "vigil",
    version,
    about = "Vigil: know your software works in production"
)]
pub struct Cli {
    /// TOML settings file (default: ./vigil.toml when it exists). Also VIGIL_CONFIG.
    #[arg(long, global = true, env = "VIGIL_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Runs the API, the web app and the workers.
    Serve(ServeArgs),
    /// Applies, reverts or lists schema migrations.
    Migrate {
        #[arg(value_enum, default_value = "up")]
        action: MigrateAction,
        /// With `down`: how many migrations to revert (default: all).
        #[arg(long)]
        steps: Option<u32>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Prints the GraphQL schema (SDL).
    Schema,
    /// Maintains the secrets sealed at rest.
    Secrets {
        #[arg(value_enum)]
        action: SecretsAction,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Applies a monitoring-as-code file to a project through the API of a running Vigil
    /// (docs/manifest.md).
    Apply(ApplyArgs),
    /// Writes a project's monitors, tests, jobs, callbacks, providers and tags as a file that
    /// `vigil apply` takes (secrets as ${NAME} references).
    Export(ExportArgs),
    /// Installs or checks the script runners (@playwright/test and k6) in the tools dir.
    Runners {
        #[arg(value_enum, default_value = "install")]
        action: RunnersAction,
        /// Reinstall even what is there.
        #[arg(long)]
        force: bool,
        /// Tools directory (default: {data_dir}/tools). Also VIGIL_RUNNER_TOOLS_DIR.
        #[arg(long)]
        tools_dir: Option<PathBuf>,
        /// Data directory. Also VIGIL_DATA_DIR.
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

/// Where `vigil apply` and `vigil export` reach Vigil, and as whom.
#[derive(Args, Debug, Default)]
pub struct RemoteArgs {
    /// Vigil's base URL (e.g. https://vigil.example.com). Also VIGILCTL_URL.
    #[arg(long, env = "VIGILCTL_URL", default_value = "http://localhost:8080")]
    pub url: String,
    /// An API key (`vgl_…`, WRITE to apply). Also VIGILCTL_API_KEY; prefer that or
    /// --api-key-file, since flags show in process lists.
    #[arg(long)]
    pub api_key: Option<String>,
    /// A file holding the API key.
    #[arg(long)]
    pub api_key_file: Option<PathBuf>,
    /// The project's id (overrides the file's `project`).
    #[arg(long)]
    pub project: Option<String>,
}

#[derive(Args, Debug, Default)]
pub struct ApplyArgs {
    /// The file to apply (`-` for standard input).
    #[arg(short = 'f', long = "file", default_value = "vigil.yaml")]
    pub file: PathBuf,
    /// Prints the plan and changes nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Deletes the project's objects the file does not name (else they are kept and listed).
    #[arg(long)]
    pub prune: bool,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

#[derive(Args, Debug, Default)]
pub struct ExportArgs {
    /// Where to write the file (default: standard output).
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunnersAction {
    /// Installs what is missing, then reports.
    Install,
    /// Reports what is installed.
    Check,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretsAction {
    /// Reseals every value still in the unbound `v1:` format, bound to the row it is found
    /// in. Start-up does this once per database; run it again only on a database you trust
    /// (values written by replicas of an earlier version during a rolling upgrade), since it
    /// adopts a value copied into a row as that row's own.
    Reseal,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MigrateAction {
    Up,
    Down,
    Status,
}

#[derive(Args, Debug, Default)]
pub struct DbArgs {
    /// Database URL (sqlite:… or postgres://…). Also DATABASE_URL.
    #[arg(long)]
    pub database_url: Option<String>,
    /// Data directory. Also VIGIL_DATA_DIR.
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

impl DbArgs {
    /// The settings these flags override.
    fn overrides(self) -> Overrides {
        Overrides {
            database_url: self.database_url,
            data_dir: self.data_dir,
            ..Default::default()
        }
    }
}

#[derive(Args, Debug, Default)]
pub struct ServeArgs {
    /// Listen address, host:port. Also VIGIL_BIND.
    #[arg(long)]
    pub bind: Option<String>,
    /// Public URL of this instance. Also VIGIL_BASE_URL.
    #[arg(long)]
    pub base_url: Option<String>,
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// What this process runs: all (default), api, or worker. Also VIGIL_ROLE.
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// The location this process checks monitors for (default: `default`). Also VIGIL_LOCATION.
    #[arg(long)]
    pub location: Option<String>,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArg {
    All,
    Api,
    Worker,
}

impl From<RoleArg> for crate::config::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::All => crate::config::Role::All,
            RoleArg::Api => crate::config::Role::Api,
            RoleArg::Worker => crate::config::Role::Worker,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeArg {
    SelfHosted,
    Cloud,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::SelfHosted => Mode::SelfHosted,
            ModeArg::Cloud => Mode::Cloud,
        }
    }
}

/// Runs the command line. Returns when the command is done (for `serve`: on Ctrl-C or
/// SIGTERM, after a graceful shutdown).
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    crate::install_crypto_provider();
    let config = cli.config.as_deref();
    match cli.command {
        Command::Schema => {
            print!("{}", crate::graphql::sdl());
            Ok(())
        }
        Command::Runners {
            action,
            force,
            tools_dir,
            data_dir,
        } => runners(config, action, force, tools_dir, data_dir),
        Command::Secrets {
            action: SecretsAction::Reseal,
            db,
        } => reseal(config, db).await,
        Command::Migrate { action, steps, db } => migrate(config, action, steps, db).await,
        Command::Serve(args) => serve(config, args).await,
        Command::Apply(args) => apply(args).await,
        Command::Export(args) => export(args).await,
    }
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn remote_client(remote: &RemoteArgs) -> anyhow::Result<crate::manifest::Client> {
    let key = crate::manifest::api_key(
        remote.api_key.as_deref(),
        remote.api_key_file.as_deref(),
        &env_var,
    )?;
    crate::manifest::Client::new(&remote.url, &key)
}

/// `vigil apply -f vigil.yaml [--dry-run] [--prune]`.
async fn apply(args: ApplyArgs) -> anyhow::Result<()> {
    let client = remote_client(&args.remote)?;
    let (name, text) = if args.file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)?;
        ("<stdin>".to_owned(), text)
    } else {
        let text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
        (args.file.display().to_string(), text)
    };
    let options = crate::manifest::ApplyOptions {
        file: &name,
        text: &text,
        project: args.remote.project.as_deref(),
        dry_run: args.dry_run,
        prune: args.prune,
        env: &env_var,
    };
    let report = crate::manifest::apply(&client, &options).await?;
    print!("{report}");
    Ok(())
}

/// `vigil export --project <id> [-o file]`.
async fn export(args: ExportArgs) -> anyhow::Result<()> {
    let client = remote_client(&args.remote)?;
    let project = args
        .remote
        .project
        .as_deref()
        .context("give the project to export with --project")?;
    let yaml = crate::manifest::export(&client, project).await?;
    match args.output {
        Some(path) => {
            std::fs::write(&path, yaml).with_context(|| format!("writing {}", path.display()))?
        }
        None => print!("{yaml}"),
    }
    Ok(())
}

/// `vigil runners install|check`.
fn runners(
    config: Option<&std::path::Path>,
    action: RunnersAction,
    force: bool,
    tools_dir: Option<PathBuf>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<()> {
    let flags = Overrides {
        data_dir,
        ..Default::default()
    };
    let mut settings = Settings::load(config, &flags)?;
    if tools_dir.is_some() {
        settings.runner.tools_dir = tools_dir;
        settings.resolve_paths()?;
    }
    match action {
        RunnersAction::Install => crate::testing::install::install(&settings, force),
        RunnersAction::Check => {
            println!("{}", crate::testing::install::report(&settings));
            Ok(())
        }
    }
}

/// `vigil secrets reseal`.
async fn reseal(config: Option<&std::path::Path>, db: DbArgs) -> anyhow::Result<()> {
    let flags = db.overrides();
    let settings = Settings::load(config, &flags)?;
    crate::telemetry::init_logs(&settings);
    let key = match &settings.master_key {
        Some(key) => {
            crate::crypto::MasterKey::from_base64(key).context("invalid setting master_key")?
        }
        None => {
            let path = settings.data_dir.join("master.key");
            anyhow::ensure!(
                path.exists(),
                "no master key: the setting master_key is not set and {} does not exist",
                path.display()
            );
            crate::crypto::MasterKey::load_or_create(&settings.data_dir)?
        }
    };
    let (conn, _) = crate::db::connect(&settings.database_url()).await?;
    let done = crate::reseal::reseal_unbound(&conn, &key).await?;
    println!(
        "{} rows resealed; {} values do not open with this master key and were left as they are",
        done.rows, done.failed
    );
    Ok(())
}

/// `vigil migrate up|down|status`.
async fn migrate(
    config: Option<&std::path::Path>,
    action: MigrateAction,
    steps: Option<u32>,
    db: DbArgs,
) -> anyhow::Result<()> {
    let flags = db.overrides();
    let settings = Settings::load(config, &flags)?;
    crate::telemetry::init_logs(&settings);
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("creating {}", settings.data_dir.display()))?;
    let (conn, _) = crate::db::connect(&settings.database_url()).await?;
    match action {
        MigrateAction::Up => {
            Migrator::up(&conn, None).await?;
            println!("migrations applied");
        }
        MigrateAction::Down => {
            Migrator::down(&conn, steps).await?;
            println!("migrations reverted");
        }
        MigrateAction::Status => {
            for migration in Migrator::get_migration_with_status(&conn).await? {
                println!("{}\t{}", migration.name(), migration.status());
            }
        }
    }
    Ok(())
}

/// `vigil serve`.
async fn serve(config: Option<&std::path::Path>, args: ServeArgs) -> anyhow::Result<()> {
    let flags = Overrides {
        bind: args.bind,
        base_url: args.base_url,
        mode: args.mode.map(Into::into),
        role: args.role.map(Into::into),
        location: args.location,
        ..args.db.overrides()
    };
    let settings = Settings::load(config, &flags)?;
    let telemetry = crate::telemetry::init(&settings)?;
    // Listen for signals before anything is served, so that an early SIGTERM still
    // shuts down gracefully.
    let signal = shutdown_signal()?;
    let state = crate::app::build_state(settings).await?;
    if state.settings.role != crate::config::Role::Api {
        for problem in crate::testing::install::problems(&state.settings) {
            tracing::warn!("test runs cannot start until this is fixed: {problem}");
        }
    }
    let running = crate::app::spawn(state).await?;
    tracing::info!(url = %running.state.settings.base_url(), addr = %running.addr, "Vigil is serving");
    signal.await;
    tracing::info!("shutting down");
    let stopped = running.stop().await;
    telemetry.shutdown().await;
    stopped
}

/// A future that resolves on Ctrl-C or SIGTERM; the handlers are installed when this is called.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    #[cfg(unix)]
    let mut int = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = term.recv() => {},
            _ = int.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    })
}
