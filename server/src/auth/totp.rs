//! TOTP (RFC 6238): SHA-1, 6 digits, 30 s steps, one step of skew. Secrets are sealed with the
//! master key; a code's step is remembered so that one code cannot be replayed.

use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::error::{AppError, AppResult};

/// A fresh random 160-bit secret, base32 encoded.
pub fn generate_secret() -> String {
    Secret::generate().to_base32()
}

/// Builds the TOTP for `secret` (base32) labelled with `account`.
pub fn totp(secret: &str, account: &str) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("stored TOTP secret is not base32")))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_issuer(Some("Vigil"))
        .with_account_name(account.replace(':', "_"))
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("building TOTP: {e}")))
}

/// The `otpauth://` URL an authenticator app scans.
pub fn provisioning_url(secret: &str, account: &str) -> AppResult<String> {
    totp(secret, account)?
        .to_url()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP URL: {e}")))
}

/// The time step `code` is valid for, when it is valid now for `secret`.
pub fn check(secret: &str, account: &str, code: &str) -> AppResult<Option<u64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    Ok(totp(secret, account)?.check_current(&code))
}

/// The current code (for tests and tooling).
pub fn current_code(secret: &str) -> AppResult<String> {
    Ok(totp(secret, "x")?.generate_current().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_check() -> Result<(), AppError> {
        let secret = generate_secret();
        let code = current_code(&secret)?;
        assert!(check(&secret, "a@b.c", &code)?.is_some());
        assert!(check(&secret, "a@b.c", "12345")?.is_none());
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert!(check(&secret, "a@b.c", wrong)?.is_none());
        assert!(provisioning_url(&secret, "a@b.c")?.starts_with("otpauth://totp/"));
        Ok(())
    }
}
