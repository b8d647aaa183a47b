//! Secrets at rest and opaque tokens.
//!
//! Values that must be read back (TOTP secrets, project secrets, service credentials, provider
//! configs) are sealed with AES-256-GCM under the master key: `v2:` + base64(nonce ‖ ciphertext),
//! with the place the value lives (its [`Binding`]: table, column, JSON path and row id) as
//! associated data. A sealed value copied to another row or field by someone who can write the
//! database but has no master key does not open there.
//!
//! The first format, `v1:`, had no associated data. Such values are resealed once, at start-up
//! (`crate::reseal`); afterwards [`MasterKey::open`] refuses them, since a `v1:` value (from an
//! old backup, say) would open in any row it was copied to.
//!
//! Values only ever compared (session tokens, API keys, one-time links) are stored as SHA-256.

use std::path::Path;

use aes_gcm::aead::Payload;
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use anyhow::{Context, anyhow, bail};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Values sealed without associated data: refused by [`MasterKey::open`].
const UNBOUND_PREFIX: &str = "v1:";
/// Values sealed with their [`Binding`] as associated data.
const BOUND_PREFIX: &str = "v2:";
const NONCE_LEN: usize = 12;

/// Whether `value` is in one of the sealed formats (bound or not), rather than clear text.
pub fn is_sealed(value: &str) -> bool {
    value.starts_with(BOUND_PREFIX) || value.starts_with(UNBOUND_PREFIX)
}

/// Whether `value` is sealed in the old format, without a binding.
pub fn is_unbound(value: &str) -> bool {
    value.starts_with(UNBOUND_PREFIX)
}

/// Where a sealed value lives, authenticated with it (AES-GCM associated data):
/// `table.column[.json.path]:{row id}`, e.g. `project_variables.encrypted_value:{id}` or
/// `actions.config.headers.authorization:{id}`.
///
/// Every place a sealed value may live has its own constructor here, so that no caller builds
/// one by hand and two places never share a binding. JSON keys are escaped (`%`, `.` and `:`)
/// so that no two paths meet, and header names are lower-cased, as HTTP compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding(String);

impl Binding {
    fn column(table: &str, column: &str, row: Uuid) -> Self {
        Self(format!("{table}.{column}:{row}"))
    }

    fn json<S: AsRef<str>>(table: &str, column: &str, path: &[S], row: Uuid) -> Self {
        let mut out = format!("{table}.{column}");
        for key in path {
            out.push('.');
            for c in key.as_ref().chars() {
                match c {
                    '%' => out.push_str("%25"),
                    '.' => out.push_str("%2E"),
                    ':' => out.push_str("%3A"),
                    c => out.push(c),
                }
            }
        }
        Self(format!("{out}:{row}"))
    }

    /// A project secret: `project_variables.encrypted_value`.
    pub fn variable(id: Uuid) -> Self {
        Self::column("project_variables", "encrypted_value", id)
    }

    /// A user's TOTP secret: `user.totp_secret`.
    pub fn totp(user_id: Uuid) -> Self {
        Self::column("user", "totp_secret", user_id)
    }

    /// A service credential's secret: `service_credentials.secret`.
    pub fn credential(id: Uuid) -> Self {
        Self::column("service_credentials", "secret", id)
    }

    /// A key of a notification provider's config (`["secret"]`, `["headers", name]`).
    pub fn provider_config(id: Uuid, path: &[&str]) -> Self {
        Self::json("notification_providers", "config", &header_path(path), id)
    }

    /// A key of the channel config of a Slack, Discord, email or SMS action:
    /// `actions.config.channel.{key}`.
    pub fn action_channel(id: Uuid, path: &[&str]) -> Self {
        let mut full = vec!["channel"];
        full.extend_from_slice(path);
        Self::json("actions", "config", &header_path(&full), id)
    }

    /// An HTTP_POST action's signing secret: `actions.config.secret`.
    pub fn action_secret(id: Uuid) -> Self {
        Self::json("actions", "config", &["secret"], id)
    }

    /// The secret a callback's triggers are signed with: `callbacks.signature.secret`.
    pub fn callback_signature(id: Uuid) -> Self {
        Self::json("callbacks", "signature", &["secret"], id)
    }

    /// An HTTP_POST action's header: `actions.config.headers.{name}`.
    pub fn action_header(id: Uuid, name: &str) -> Self {
        Self::json("actions", "config", &header_path(&["headers", name]), id)
    }

    /// An HTTP monitor's credential: `monitors.config.http.auth.{token|password}`.
    pub fn monitor_auth(id: Uuid, field: &str) -> Self {
        Self::json("monitors", "config", &["http", "auth", field], id)
    }

    /// An HTTP monitor's header: `monitors.config.http.headers.{name}`.
    pub fn monitor_header(id: Uuid, name: &str) -> Self {
        Self::json(
            "monitors",
            "config",
            &header_path(&["http", "headers", name]),
            id,
        )
    }

    /// A status page subscriber's confirmation or unsubscribe token, or webhook signing
    /// secret: `status_page_subscribers.{verification_token|unsubscribe_token|signing_secret}`.
    pub fn subscriber(id: Uuid, column: SubscriberSecret) -> Self {
        let column = match column {
            SubscriberSecret::Verification => "verification_token",
            SubscriberSecret::Unsubscribe => "unsubscribe_token",
            SubscriberSecret::Signing => "signing_secret",
        };
        Self::column("status_page_subscribers", column, id)
    }

    /// A linked account's provider token: `account.{access_token|refresh_token|id_token}`.
    pub fn account_token(id: Uuid, column: AccountToken) -> Self {
        let column = match column {
            AccountToken::Access => "access_token",
            AccountToken::Refresh => "refresh_token",
            AccountToken::Id => "id_token",
        };
        Self::column("account", column, id)
    }

    /// The nonce and PKCE verifier of a single sign-on in progress: `verification.value`.
    pub fn sign_in_flow(id: Uuid) -> Self {
        Self::column("verification", "value", id)
    }

    /// The associated data, as sealed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The sealed token columns of a linked account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountToken {
    Access,
    Refresh,
    Id,
}

/// The sealed columns of a status page subscriber.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriberSecret {
    Verification,
    Unsubscribe,
    Signing,
}

/// `path` with the key after a `headers` key lower-cased: header names are case-insensitive.
fn header_path<'a>(path: &[&'a str]) -> Vec<std::borrow::Cow<'a, str>> {
    let mut out = Vec::with_capacity(path.len());
    let mut after_headers = false;
    for key in path {
        if after_headers {
            out.push(std::borrow::Cow::Owned(key.to_ascii_lowercase()));
        } else {
            out.push(std::borrow::Cow::Borrowed(*key));
        }
        after_headers = *key == "headers";
    }
    out
}

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

    /// Encrypts `plain` with a fresh random nonce, bound to where it will be stored.
    pub fn seal(&self, plain: &str, binding: &Binding) -> anyhow::Result<String> {
        self.encrypt(BOUND_PREFIX, plain, binding.as_str().as_bytes())
    }

    /// Decrypts what [`MasterKey::seal`] produced for the same `binding`. A value sealed for
    /// another place, or in the unbound `v1:` format, is refused.
    pub fn open(&self, sealed: &str, binding: &Binding) -> anyhow::Result<String> {
        if sealed.starts_with(UNBOUND_PREFIX) {
            bail!(
                "sealed value is in the unbound v1 format, which is refused: enter the secret again, \
                 or have an operator run `vigil secrets reseal` on a database they trust"
            );
        }
        let body = sealed
            .strip_prefix(BOUND_PREFIX)
            .ok_or_else(|| anyhow!("sealed value has an unknown format"))?;
        self.decrypt(body, binding.as_str().as_bytes())
            .map_err(|e| {
                e.context(
                    "sealed value does not open here: another master key, or it was moved from \
                 another row or field",
                )
            })
    }

    /// Seals `plain` in the old, unbound `v1:` format, as earlier versions did. For tests of
    /// the reseal pass only.
    #[doc(hidden)]
    pub fn seal_unbound(&self, plain: &str) -> anyhow::Result<String> {
        self.encrypt(UNBOUND_PREFIX, plain, b"")
    }

    /// Reseals a `v1:` value as `v2:`, bound to `binding`; for the reseal pass, which trusts
    /// the place it finds the value in.
    pub(crate) fn reseal_unbound(&self, sealed: &str, binding: &Binding) -> anyhow::Result<String> {
        let body = sealed
            .strip_prefix(UNBOUND_PREFIX)
            .ok_or_else(|| anyhow!("not an unbound sealed value"))?;
        let plain = self.decrypt(body, b"")?;
        self.seal(&plain, binding)
    }

    fn encrypt(&self, prefix: &str, plain: &str, aad: &[u8]) -> anyhow::Result<String> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let ciphertext = self
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad,
                },
            )
            .map_err(|_| anyhow!("encryption failed"))?;
        let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        Ok(format!("{prefix}{}", STANDARD.encode(out)))
    }

    fn decrypt(&self, body: &str, aad: &[u8]) -> anyhow::Result<String> {
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
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad,
                },
            )
            .map_err(|_| anyhow!("authentication failed"))?;
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

    fn key(byte: u8) -> anyhow::Result<MasterKey> {
        MasterKey::from_base64(&STANDARD.encode([byte; 32]))
    }

    #[test]
    fn seal_round_trips_and_detects_the_wrong_key() -> anyhow::Result<()> {
        let (key, other) = (key(7)?, key(8)?);
        let here = Binding::variable(Uuid::now_v7());
        let sealed = key.seal("hunter2", &here)?;
        assert!(sealed.starts_with("v2:") && !sealed.contains("hunter2"));
        assert_ne!(sealed, key.seal("hunter2", &here)?, "nonces must differ");
        assert_eq!(key.open(&sealed, &here)?, "hunter2");
        assert!(other.open(&sealed, &here).is_err());
        Ok(())
    }

    #[test]
    fn a_value_opens_only_where_it_was_sealed() -> anyhow::Result<()> {
        let key = key(7)?;
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let sealed = key.seal("hunter2", &Binding::variable(a))?;
        assert_eq!(key.open(&sealed, &Binding::variable(a))?, "hunter2");
        // Another row, another column, another key of the same JSON config: refused.
        for elsewhere in [
            Binding::variable(b),
            Binding::credential(a),
            Binding::totp(a),
            Binding::action_secret(a),
            Binding::action_header(a, "authorization"),
            Binding::callback_signature(a),
        ] {
            let err = key.open(&sealed, &elsewhere).expect_err(elsewhere.as_str());
            assert!(format!("{err:#}").contains("moved"), "{err:#}");
        }
        let header = key.seal("Bearer x", &Binding::action_header(a, "Authorization"))?;
        // Header names compare without case, as in HTTP...
        assert_eq!(
            key.open(&header, &Binding::action_header(a, "AUTHORIZATION"))?,
            "Bearer x"
        );
        // ...and stay within their own field.
        for elsewhere in [
            Binding::action_header(a, "X-Other"),
            Binding::action_channel(a, &["headers", "authorization"]),
            Binding::provider_config(a, &["headers", "authorization"]),
            Binding::monitor_header(a, "authorization"),
        ] {
            assert!(key.open(&header, &elsewhere).is_err(), "{elsewhere:?}");
        }
        Ok(())
    }

    #[test]
    fn json_keys_are_escaped_so_that_paths_do_not_meet() {
        let id = Uuid::nil();
        assert_eq!(
            Binding::provider_config(id, &["headers", "X-Api-Key"]).as_str(),
            format!("notification_providers.config.headers.x-api-key:{id}")
        );
        assert_ne!(
            Binding::provider_config(id, &["headers", "a.b"]),
            Binding::provider_config(id, &["headers", "a", "b"])
        );
        assert_eq!(
            Binding::monitor_auth(id, "token").as_str(),
            format!("monitors.config.http.auth.token:{id}")
        );
        assert!(
            Binding::action_channel(id, &["a:b%"])
                .as_str()
                .contains("a%3Ab%25")
        );
    }

    #[test]
    fn unbound_values_are_refused_and_resealed_only_on_purpose() -> anyhow::Result<()> {
        let key = key(7)?;
        let here = Binding::credential(Uuid::now_v7());
        let old = key.seal_unbound("hunter2")?;
        assert!(old.starts_with("v1:") && is_unbound(&old) && is_sealed(&old));
        let err = key.open(&old, &here).expect_err("v1 refused");
        assert!(format!("{err:#}").contains("v1"), "{err:#}");
        let resealed = key.reseal_unbound(&old, &here)?;
        assert!(resealed.starts_with("v2:") && !is_unbound(&resealed) && is_sealed(&resealed));
        assert_eq!(key.open(&resealed, &here)?, "hunter2");
        // Only v1 values are resealed: a bound value does not lose its binding this way.
        assert!(
            key.reseal_unbound(&resealed, &Binding::totp(Uuid::now_v7()))
                .is_err()
        );
        assert!(key.open("hunter2", &here).is_err());
        Ok(())
    }

    #[test]
    fn master_key_must_be_32_bytes() {
        assert!(MasterKey::from_base64(&STANDARD.encode([1u8; 16])).is_err());
        assert!(MasterKey::from_base64("not base64!").is_err());
    }
}
