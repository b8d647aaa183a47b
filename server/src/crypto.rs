//! Secrets at rest and opaque tokens.
//!
//! Values that must be read back (TOTP secrets, project secrets, service credentials, provider
//! configs) are sealed with AES-256-GCM under the master key: `v1:` + base64(nonce ‖ ciphertext).
//! Values only ever compared (session tokens, API keys, one-time links) are stored as SHA-256.

use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use anyhow::{Context, anyhow, bail};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

const SEALED_PREFIX: &str = "v1:";
const NONCE_LEN: usize = 12;

/// The 256-bit key everything sealed at rest depends on.
#[derive(Clone)]
pub struct MasterKey {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(..)")
    }
}

impl MasterKey {
    /// Parses the base64 of exactly 32 bytes.
    pub fn from_base64(text: &str) -> anyhow::Result<Self> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| anyhow!("master key is not base64"))?;
        if bytes.len() != 32 {
            bail!("master key must be 32 bytes, got {}", bytes.len());
        }
        let cipher = Aes256Gcm::new_from_slice(&bytes).map_err(|_| anyhow!("bad key length"))?;
        Ok(Self { cipher })
    }

    /// Reads `{dir}/master.key`, creating it with a fresh random key (mode 0600) when missing.
    pub fn load_or_create(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join("master.key");
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            return Self::from_base64(&text)
                .with_context(|| format!("{} holds no valid master key", path.display()));
        }
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let text = STANDARD.encode(bytes);
        write_private(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        tracing::info!(path = %path.display(), "generated a new master key; back it up with the database");
        Self::from_base64(&text)
    }

    /// Encrypts `plain` with a fresh random nonce.
    pub fn seal(&self, plain: &str) -> anyhow::Result<String> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = self
            .cipher
            .encrypt(&Nonce::from(nonce), plain.as_bytes())
            .map_err(|_| anyhow!("encryption failed"))?;
        let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        Ok(format!("{SEALED_PREFIX}{}", STANDARD.encode(out)))
    }

    /// Decrypts what [`MasterKey::seal`] produced.
    pub fn open(&self, sealed: &str) -> anyhow::Result<String> {
        let body = sealed
            .strip_prefix(SEALED_PREFIX)
            .ok_or_else(|| anyhow!("sealed value has an unknown format"))?;
        let bytes = STANDARD
            .decode(body)
            .map_err(|_| anyhow!("sealed value is not base64"))?;
        if bytes.len() < NONCE_LEN {
            bail!("sealed value is too short");
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_from(nonce).map_err(|_| anyhow!("bad nonce length"))?;
        let plain = self
            .cipher
            .decrypt(&nonce, ciphertext)
            .map_err(|_| anyhow!("sealed value does not open with this master key"))?;
        String::from_utf8(plain).context("sealed value is not UTF-8")
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// A random URL-safe token of `bytes` random bytes.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Hex SHA-256, the stored form of tokens and keys.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two strings in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trips_and_detects_the_wrong_key() -> anyhow::Result<()> {
        let key = MasterKey::from_base64(&STANDARD.encode([7u8; 32]))?;
        let other = MasterKey::from_base64(&STANDARD.encode([8u8; 32]))?;
        let sealed = key.seal("hunter2")?;
        assert!(!sealed.contains("hunter2"));
        assert_ne!(sealed, key.seal("hunter2")?, "nonces must differ");
        assert_eq!(key.open(&sealed)?, "hunter2");
        assert!(other.open(&sealed).is_err());
        Ok(())
    }

    #[test]
    fn master_key_must_be_32_bytes() {
        assert!(MasterKey::from_base64(&STANDARD.encode([1u8; 16])).is_err());
        assert!(MasterKey::from_base64("not base64!").is_err());
    }
}
