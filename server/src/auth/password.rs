//! Password hashing with argon2id, and the password policy.
//!
//! Parameters: 19 MiB of memory, 2 passes, 1 lane: the OWASP minimum for argon2id, which costs
//! about 20-30 ms of one core here (see BENCHMARKS.md). Hashing runs on the blocking pool so
//! that sign-ins do not stall the async workers.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{AppError, AppResult};

/// Shortest password accepted.
pub const MIN_LEN: usize = 8;
/// Longest password accepted (in characters); beyond this hashing is just a way to burn CPU.
pub const MAX_LEN: usize = 256;

const COMMON: &[&str] = &[
    "password",
    "password1",
    "password123",
    "12345678",
    "123456789",
    "1234567890",
    "qwertyuiop",
    "qwerty123",
    "iloveyou",
    "11111111",
    "00000000",
    "abcdefgh",
    "abc12345",
    "letmein1",
    "welcome1",
    "admin123",
    "passw0rd",
    "baseball",
    "football",
    "sunshine",
    "princess",
    "changeme",
    "trustno1",
    "superman",
];

/// Hashes and verifies with fixed argon2id parameters.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    /// At most one hash per core at a time: each takes 19 MiB, and more at once only adds
    /// memory and latency, not throughput.
    permits: std::sync::Arc<tokio::sync::Semaphore>,
    /// A hash of a random password, verified against when the account does not exist so that
    /// both paths cost the same time.
    dummy: String,
}

impl PasswordHasher {
    /// The production parameters.
    pub fn new() -> anyhow::Result<Self> {
        Self::with_params(
            Params::DEFAULT_M_COST,
            Params::DEFAULT_T_COST,
            Params::DEFAULT_P_COST,
        )
    }

    /// Custom parameters (memory in KiB, passes, lanes).
    pub fn with_params(m_cost: u32, t_cost: u32, p_cost: u32) -> anyhow::Result<Self> {
        let params = Params::new(m_cost, t_cost, p_cost, None)
            .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
        let dummy = hash_with(&params, &crate::crypto::random_token(18))?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(Self {
            params,
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(cores)),
            dummy,
        })
    }

    fn hasher(params: &Params) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
    }

    /// Hashes `password` into a PHC string.
    pub async fn hash(&self, password: &str) -> AppResult<String> {
        let params = self.params.clone();
        let password = password.to_owned();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        tokio::task::spawn_blocking(move || hash_with(&params, &password))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(AppError::Internal)
    }

    /// Checks `password` against `phc`; with `None`, checks against a dummy hash and returns
    /// false, so that unknown accounts take as long as known ones.
    pub async fn verify(&self, password: &str, phc: Option<&str>) -> AppResult<bool> {
        let exists = phc.is_some();
        let phc = phc.unwrap_or(&self.dummy).to_owned();
        let password = password.to_owned();
        let params = self.params.clone();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        let ok = tokio::task::spawn_blocking(move || {
            let Ok(parsed) = PasswordHash::new(&phc) else {
                return false;
            };
            Self::hasher(&params)
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
        Ok(ok && exists)
    }
}

fn hash_with(params: &Params, password: &str) -> anyhow::Result<String> {
    PasswordHasher::hasher(params)
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing password: {e}"))
}

/// Refuses passwords that are too short, too long, too common or too repetitive.
pub fn check_policy(field: &str, password: &str, email: &str) -> AppResult<()> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(AppError::field(
            field,
            format!("password must be at least {MIN_LEN} characters"),
        ));
    }
    if len > MAX_LEN {
        return Err(AppError::field(
            field,
            format!("password must be at most {MAX_LEN} characters"),
        ));
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) || lower == email.to_lowercase() {
        return Err(AppError::field(field, "password is too easy to guess"));
    }
    let mut distinct: Vec<char> = password.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 4 {
        return Err(AppError::field(field, "password is too repetitive"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_wrong_passwords_fail() -> anyhow::Result<()> {
        let hasher = PasswordHasher::with_params(1024, 1, 1)?;
        let phc = hasher.hash("correct horse battery").await?;
        assert!(phc.starts_with("$argon2id$"));
        assert!(hasher.verify("correct horse battery", Some(&phc)).await?);
        assert!(!hasher.verify("wrong horse battery", Some(&phc)).await?);
        assert!(!hasher.verify("correct horse battery", None).await?);
        Ok(())
    }

    #[test]
    fn policy_refuses_weak_passwords() {
        assert!(check_policy("password", "short", "a@b.c").is_err());
        assert!(check_policy("password", "password123", "a@b.c").is_err());
        assert!(check_policy("password", "aaaaaaaaaaaa", "a@b.c").is_err());
        assert!(check_policy("password", "me@example.com", "me@example.com").is_err());
        assert!(check_policy("password", &"x1".repeat(200), "a@b.c").is_err());
        assert!(check_policy("password", "tr0ub4dor&3", "a@b.c").is_ok());
    }
}
