//! The sandbox every user script runs in: bubblewrap (`bwrap`, Debian's `bubblewrap`).
//!
//! What a script sees:
//! - a fresh user, PID, IPC, UTS and mount namespace, as user `nobody` (65534), killed with
//!   its parent (`--die-with-parent`) and in its own session (`--new-session`);
//! - read-only `/usr` (with the merged `/bin`, `/lib`, `/lib64`, `/sbin` links) and the parts of
//!   `/etc` programs need (name resolution, TLS roots, fonts; not the shadow files), the
//!   runner tools read-only, an empty `/tmp`, and its work directory as the only writable
//!   place. Nothing else of the host: not the data directory, the database, the master key,
//!   `/root`, `/home` or the working tree;
//! - an environment holding only what the run passes (`--clearenv`), never the server's;
//! - the host's network, or none at all (`--unshare-net`) when the outbound policy blocks
//!   private addresses: inside a shared network namespace a script could reach the host's
//!   loopback and private ranges, which that policy forbids;
//! - a lower CPU priority (nice 10) than the server, so that runs yield to the API and the
//!   monitors;
//! - resource limits set before `exec` (`setrlimit`): CPU seconds, file size, open files;
//!   and, where cgroups are writable, a memory limit and a CPU quota for the whole run
//!   (see [`Cgroup`]).
//!
//! Without bubblewrap Vigil refuses to run scripts, unless `runner.allow_unsandboxed` is set
//! (self-hosted mode only), in which case scripts run as Vigil's user with only the cleared
//! environment, the rlimits and the work directory as their current directory.

use std::path::{Path, PathBuf};

use crate::config::{Mode, Settings};

/// How scripts are isolated on this machine.
#[derive(Debug, Clone)]
pub enum Sandbox {
    Bwrap(PathBuf),
    /// Allowed by `runner.allow_unsandboxed` in self-hosted mode.
    Unsandboxed,
}

/// The sandbox the settings call for, or the reason scripts cannot run.
pub fn detect(settings: &Settings) -> Result<Sandbox, String> {
    let bwrap = &settings.runner.bwrap;
    if is_executable(bwrap) {
        return Ok(Sandbox::Bwrap(bwrap.clone()));
    }
    if settings.runner.allow_unsandboxed && settings.mode == Mode::SelfHosted {
        tracing::warn!(
            bwrap = %bwrap.display(),
            "bubblewrap is missing: running a script WITHOUT a sandbox (runner.allow_unsandboxed)"
        );
        return Ok(Sandbox::Unsandboxed);
    }
    Err(format!(
        "Vigil runs scripts only in a sandbox, and bubblewrap is not installed at {} \
         (apt-get install bubblewrap). A self-hosted instance may run scripts without a \
         sandbox with runner.allow_unsandboxed = true.",
        bwrap.display()
    ))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// One sandboxed process.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The only writable directory; also the current directory and `HOME`.
    pub work_dir: PathBuf,
    /// Directories the script may read (the runner tools).
    pub read_only: Vec<PathBuf>,
    pub env: Vec<(String, String)>,
    pub network: bool,
    pub program: PathBuf,
    pub args: Vec<String>,
    pub limits: Limits,
}

/// Per-process limits set with `setrlimit` before `exec`.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The soft CPU limit (`SIGXCPU`); the hard one is [`CPU_GRACE_SECONDS`] later.
    pub cpu_seconds: u64,
    pub file_size_bytes: u64,
    pub open_files: u64,
    /// Data segment (committed private writable memory, `RLIMIT_DATA`), per process: for k6.
    /// An address-space limit would not do: Go reserves gigabytes of address space at start.
    pub data_bytes: Option<u64>,
}

const PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// The parts of `/etc` a sandboxed program may read: name resolution, TLS roots, fonts,
/// time zones, the dynamic linker's cache, `alternatives` links and Chromium's defaults.
const ETC: &[&str] = &[
    "/etc/alternatives",
    "/etc/ca-certificates",
    "/etc/chromium",
    "/etc/chromium.d",
    "/etc/fonts",
    "/etc/group",
    "/etc/host.conf",
    "/etc/hosts",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/mime.types",
    "/etc/nsswitch.conf",
    "/etc/passwd",
    "/etc/resolv.conf",
    "/etc/ssl",
    "/etc/timezone",
];

/// Builds the command that runs `spec` in `sandbox`, inside `cgroup` when there is one.
pub fn command(sandbox: &Sandbox, spec: &Spec, cgroup: Option<&Cgroup>) -> tokio::process::Command {
    let mut cmd = match sandbox {
        Sandbox::Bwrap(bwrap) => bwrap_command(bwrap, spec),
        Sandbox::Unsandboxed => {
            let mut cmd = tokio::process::Command::new(&spec.program);
            cmd.args(&spec.args).current_dir(&spec.work_dir).env_clear();
            for (key, value) in base_env(spec) {
                cmd.env(key, value);
            }
            cmd
        }
    };
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        // Its own process group, so that cancelling kills every process of the run.
        .process_group(0);
    limit_child(&mut cmd, spec.limits, cgroup);
    cmd
}

/// `bwrap` running the spec's program in namespaces of its own: the system's programs and
/// libraries read-only, the work dir writable, nothing of the host's data or environment.
fn bwrap_command(bwrap: &Path, spec: &Spec) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(bwrap);
    cmd.args(["--unshare-all", "--die-with-parent", "--new-session"]);
    if spec.network {
        cmd.arg("--share-net");
    }
    cmd.args(["--uid", "65534", "--gid", "65534"]);
    cmd.args(["--ro-bind", "/usr", "/usr"]);
    for dir in ["/bin", "/lib", "/lib64", "/lib32", "/sbin"] {
        match std::fs::read_link(dir) {
            Ok(target) => {
                cmd.arg("--symlink").arg(target).arg(dir);
            }
            Err(_) => {
                cmd.args(["--ro-bind-try", dir, dir]);
            }
        }
    }
    // Only what programs need from /etc: no shadow files, no host configuration.
    for path in ETC {
        cmd.args(["--ro-bind-try", path, path]);
    }
    // Chromium reads CPU and memory topology from here; it holds no secrets.
    cmd.args([
        "--ro-bind-try",
        "/sys/devices/system/cpu",
        "/sys/devices/system/cpu",
    ]);
    cmd.args(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/dev/shm"]);
    cmd.args(["--tmpfs", "/tmp"]);
    for dir in &spec.read_only {
        cmd.arg("--ro-bind").arg(dir).arg(dir);
    }
    cmd.arg("--bind").arg(&spec.work_dir).arg(&spec.work_dir);
    cmd.arg("--chdir").arg(&spec.work_dir);
    cmd.arg("--clearenv");
    for (key, value) in base_env(spec) {
        cmd.arg("--setenv").arg(key).arg(value);
    }
    cmd.arg("--").arg(&spec.program).args(&spec.args);
    cmd
}

/// Puts the child, before it runs anything, into the run's cgroup and under the run's
/// per-process limits, at a lower priority.
fn limit_child(cmd: &mut tokio::process::Command, limits: Limits, cgroup: Option<&Cgroup>) {
    let procs: Vec<std::ffi::CString> = cgroup.map(Cgroup::procs_files).unwrap_or_default();
    // SAFETY: the closure runs in the child between fork and exec and only calls
    // async-signal-safe functions (getpid, open, write, close, setrlimit) on memory allocated
    // before the fork.
    unsafe {
        cmd.pre_exec(move || {
            for path in &procs {
                join_cgroup(path)?;
            }
            set_limits(
                libc::RLIMIT_CPU,
                limits.cpu_seconds,
                limits.cpu_seconds.saturating_add(CPU_GRACE_SECONDS),
            )?;
            set_limit(libc::RLIMIT_FSIZE, limits.file_size_bytes)?;
            set_limit(libc::RLIMIT_NOFILE, limits.open_files)?;
            set_limit(libc::RLIMIT_CORE, 0)?;
            // Runs yield the CPU to the API and the monitors when both want it (a plain system
            // call on this process, inside the unsafe block above).
            libc::setpriority(libc::PRIO_PROCESS, 0, 10);
            if let Some(bytes) = limits.data_bytes {
                set_limit(libc::RLIMIT_DATA, bytes)?;
            }
            Ok(())
        });
    }
}

/// Writes this process's id to a `cgroup.procs` file without allocating.
fn join_cgroup(path: &std::ffi::CStr) -> std::io::Result<()> {
    // SAFETY: getpid cannot fail; the buffer is on the stack.
    let mut pid = unsafe { libc::getpid() } as u64;
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (pid % 10) as u8;
        pid /= 10;
        if pid == 0 {
            break;
        }
    }
    // SAFETY: a valid NUL-terminated path, a valid buffer and length, the fd closed after.
    unsafe {
        let fd = libc::open(path.as_ptr(), libc::O_WRONLY);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let len = digits.len() - start;
        let written = libc::write(fd, digits[start..].as_ptr().cast(), len);
        libc::close(fd);
        if written != len as isize {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// CPU seconds between the soft and the hard `RLIMIT_CPU`. At the soft limit the kernel
/// sends `SIGXCPU`, which ends a program that does not handle it and names the reason in its
/// exit; one that ignores it (Go's runtime, so k6) gets `SIGKILL` at the hard limit.
const CPU_GRACE_SECONDS: u64 = 5;

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> std::io::Result<()> {
    set_limits(resource, value, value)
}

fn set_limits(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: soft,
        rlim_max: hard,
    };
    // SAFETY: a plain system call with a valid pointer to a stack value.
    if unsafe { libc::setrlimit(resource, &limit) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

fn base_env(spec: &Spec) -> Vec<(String, String)> {
    let work = spec.work_dir.display().to_string();
    let mut env = vec![
        ("PATH".to_owned(), PATH.to_owned()),
        ("HOME".to_owned(), work.clone()),
        ("TMPDIR".to_owned(), "/tmp".to_owned()),
        ("LANG".to_owned(), "C.UTF-8".to_owned()),
    ];
    env.extend(spec.env.iter().cloned());
    env
}

/// A cgroup holding one run's processes, with a memory limit and a CPU quota, where this
/// machine lets Vigil create one (cgroup v2 with the memory controller, or v1's `memory` and
/// `cpu` hierarchies, writable). Removed when dropped.
#[derive(Debug)]
pub struct Cgroup {
    dirs: Vec<PathBuf>,
}

impl Cgroup {
    /// Creates `vigil-run-{name}` with the limits, or `None` where cgroups are not writable.
    pub fn create(name: &str, memory_bytes: u64, cpus: f64) -> Option<Self> {
        let v2 = Path::new("/sys/fs/cgroup/cgroup.controllers");
        let quota = (cpus * 100_000.0).round().max(1000.0) as u64;
        if let Ok(controllers) = std::fs::read_to_string(v2)
            && controllers.contains("memory")
        {
            let dir = Path::new("/sys/fs/cgroup").join(format!("vigil-run-{name}"));
            std::fs::create_dir(&dir).ok()?;
            let ok = std::fs::write(dir.join("memory.max"), memory_bytes.to_string()).is_ok();
            let _ = std::fs::write(dir.join("memory.swap.max"), "0");
            let _ = std::fs::write(dir.join("cpu.max"), format!("{quota} 100000"));
            if !ok {
                let _ = std::fs::remove_dir(&dir);
                return None;
            }
            return Some(Self { dirs: vec![dir] });
        }
        let memory = Path::new("/sys/fs/cgroup/memory").join(format!("vigil-run-{name}"));
        std::fs::create_dir(&memory).ok()?;
        if std::fs::write(
            memory.join("memory.limit_in_bytes"),
            memory_bytes.to_string(),
        )
        .is_err()
        {
            let _ = std::fs::remove_dir(&memory);
            return None;
        }
        let mut dirs = vec![memory];
        let cpu = Path::new("/sys/fs/cgroup/cpu").join(format!("vigil-run-{name}"));
        if std::fs::create_dir(&cpu).is_ok() {
            let _ = std::fs::write(cpu.join("cpu.cfs_period_us"), "100000");
            if std::fs::write(cpu.join("cpu.cfs_quota_us"), quota.to_string()).is_ok() {
                dirs.push(cpu);
            } else {
                let _ = std::fs::remove_dir(&cpu);
            }
        }
        Some(Self { dirs })
    }

    /// The `cgroup.procs` files a process writes itself into (before `exec`, so that every
    /// process it starts is inside from the beginning).
    fn procs_files(&self) -> Vec<std::ffi::CString> {
        use std::os::unix::ffi::OsStrExt;
        self.dirs
            .iter()
            .filter_map(|dir| {
                std::ffi::CString::new(dir.join("cgroup.procs").as_os_str().as_bytes()).ok()
            })
            .collect()
    }

    /// Whether the memory limit was hit (the kernel killed a process of the run).
    pub fn oom_killed(&self) -> bool {
        self.dirs.iter().any(|dir| {
            std::fs::read_to_string(dir.join("memory.events"))
                .ok()
                .and_then(|t| {
                    t.lines()
                        .find_map(|l| l.strip_prefix("oom_kill ").map(|n| n.trim() != "0"))
                })
                .or_else(|| {
                    std::fs::read_to_string(dir.join("memory.failcnt"))
                        .ok()
                        .map(|n| n.trim() != "0")
                })
                .unwrap_or(false)
        })
    }
}

impl Cgroup {
    /// Removes the cgroup once the run's last processes are gone (killed processes take a
    /// moment to be reaped), waiting up to 2 s.
    pub async fn remove(mut self) {
        for _ in 0..40 {
            self.dirs.retain(|dir| std::fs::remove_dir(dir).is_err());
            if self.dirs.is_empty() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        tracing::warn!(dirs = ?self.dirs, "a run's cgroup could not be removed");
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        for dir in &self.dirs {
            // Empty once every process exited; a leftover directory is harmless.
            let _ = std::fs::remove_dir(dir);
        }
    }
}
