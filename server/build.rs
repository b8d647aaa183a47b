//! Makes sure a release build carries the web app (`server/src/webapp.rs` embeds `web/dist`).
//!
//! Release builds (no debug assertions) embed `web/dist` as it is when the compiler reads it, so
//! when `web/dist/index.html` is missing or older than the web app's sources and npm is on PATH,
//! this builds it first (`npm ci` when `web/node_modules` is missing, then `npm run build`).
//! Without npm it says so in a warning and the binary serves its placeholder page. Debug builds
//! (`cargo build`, `cargo test`) never run npm: they read `web/dist` from disk at run time.
//! `SKIP_WEB_BUILD=1` embeds whatever `web/dist` holds (or the placeholder) without running npm.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// What `npm run build` reads, relative to `web/`: a change to any of them makes `dist` stale.
const SOURCES: &[&str] = &[
    "src",
    "public",
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.ts",
    "tsconfig.json",
    "codegen.ts",
    "../schema.graphql",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SKIP_WEB_BUILD");
    // Debug builds read web/dist from disk when serving: nothing to build or to watch.
    if std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some() {
        return;
    }
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let web = manifest.parent().unwrap_or(&manifest).join("web");
    if !web.join("package.json").is_file() {
        println!(
            "cargo::warning=web/ is missing: this binary serves a placeholder page instead of the web app"
        );
        return;
    }
    let sources: Vec<PathBuf> = SOURCES
        .iter()
        .map(|s| web.join(s))
        .filter(|p| p.exists())
        .collect();
    // Only paths that exist: cargo reruns a build script on every build while a path it
    // watches is missing.
    for source in &sources {
        println!("cargo::rerun-if-changed={}", source.display());
    }
    let index = web.join("dist/index.html");
    let built = modified(&index);
    let stale = match built {
        None => true,
        Some(built) => sources.iter().filter_map(|s| newest(s)).any(|t| t > built),
    };
    if stale && std::env::var_os("SKIP_WEB_BUILD").is_none() {
        build(&web);
    }
    if !index.is_file() {
        // Watched while missing (so checked again by every release build, with this warning)
        // until the app is built: installing Node is then enough.
        println!("cargo::rerun-if-changed={}", index.display());
        println!(
            "cargo::warning=web/dist is not built, so this binary serves a placeholder page \
             instead of the web app: install Node.js 20.19+ with npm and build again (see README)"
        );
    }
}

/// Builds `web/dist` with npm, or warns that it cannot.
fn build(web: &Path) {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if Command::new(npm).arg("--version").output().is_err() {
        println!(
            "cargo::warning=npm is not on PATH: web/dist cannot be built{}",
            if web.join("dist/index.html").is_file() {
                " and is older than web/src; it is embedded as it is"
            } else {
                ""
            }
        );
        return;
    }
    match node_version() {
        Some((major, minor))
            if major > 22 || (major, minor) >= (22, 12) || (major == 20 && minor >= 19) => {}
        found => {
            let found = found.map_or("none".to_owned(), |(major, minor)| {
                format!("{major}.{minor}")
            });
            println!(
                "cargo::warning=the web app needs Node.js 20.19+ or 22.12+ (web/package.json \
                 engines), found {found}: web/dist is not built"
            );
            return;
        }
    }
    if !web.join("node_modules").is_dir() {
        run(web, npm, &["ci", "--no-audit", "--no-fund"]);
    }
    run(web, npm, &["run", "build"]);
}

/// Runs npm in `web/`; a failure stops the build, with npm's output above the message.
fn run(web: &Path, npm: &str, args: &[&str]) {
    let status = Command::new(npm)
        .args(args)
        .current_dir(web)
        // npm's output goes to cargo's build log (shown when the build fails).
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => panic!(
            "`npm {}` in web/ failed ({status}); fix it, or build without the web app with \
             SKIP_WEB_BUILD=1",
            args.join(" ")
        ),
        Err(err) => panic!("running npm {}: {err}", args.join(" ")),
    }
}

/// The major and minor version of the `node` on PATH.
fn node_version() -> Option<(u32, u32)> {
    let out = Command::new("node").arg("--version").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut parts = text.trim().trim_start_matches('v').split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time of a file or of the files under a directory.
fn newest(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| newest(&entry.path()))
        .max()
}
