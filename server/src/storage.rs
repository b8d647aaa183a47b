//! Artifact storage: reports, traces, screenshots, videos, logs and k6 summaries of runs.
//!
//! One module, two backends behind `object_store`: a directory on the local disk (the
//! default, `{data_dir}/artifacts`) or an S3-compatible bucket (`storage.s3_bucket`). Keys are
//! relative paths such as `runs/{run_id}/report/index.html`; they are never built from user
//! input without [`check_key`].

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use futures_util::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::config::Settings;

/// Where artifacts are kept.
#[derive(Clone)]
pub struct Storage {
    inner: Arc<dyn ObjectStore>,
    kind: &'static str,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Storage({})", self.kind)
    }
}

/// A stored object.
pub struct Object {
    pub bytes: bytes::Bytes,
}

impl Storage {
    /// The storage the settings describe.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        if let Some(bucket) = &settings.storage.s3_bucket {
            let s = &settings.storage;
            let mut builder = AmazonS3Builder::new().with_bucket_name(bucket);
            if let Some(endpoint) = &s.s3_endpoint {
                builder = builder
                    .with_endpoint(endpoint)
                    .with_allow_http(endpoint.starts_with("http://"))
                    .with_virtual_hosted_style_request(false);
            }
            builder = builder.with_region(s.s3_region.as_deref().unwrap_or("us-east-1"));
            if let (Some(id), Some(secret)) = (&s.s3_access_key_id, &s.s3_secret_access_key) {
                builder = builder
                    .with_access_key_id(id)
                    .with_secret_access_key(secret);
            }
            let store = builder
                .build()
                .context("invalid setting storage.s3_*: the S3 storage cannot be set up")?;
            return Ok(Self {
                inner: Arc::new(store),
                kind: "s3",
            });
        }
        let dir = settings
            .storage
            .local_dir
            .clone()
            .unwrap_or_else(|| settings.data_dir.join("artifacts"));
        Self::local(&dir)
    }

    /// Artifacts in a local directory.
    pub fn local(dir: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        // Empty directories go with their last file, so deleted runs leave nothing behind.
        let store = LocalFileSystem::new_with_prefix(dir)
            .with_context(|| format!("opening artifact storage {}", dir.display()))?
            .with_automatic_cleanup(true);
        Ok(Self {
            inner: Arc::new(store),
            kind: "local",
        })
    }

    /// `local` or `s3`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// Stores `bytes` at `key`, replacing what was there.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        let path = object_path(key)?;
        self.inner
            .put(&path, PutPayload::from(bytes))
            .await
            .with_context(|| format!("storing {key}"))?;
        Ok(())
    }

    /// Reads `key`; `None` when there is no such object.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Object>> {
        let path = object_path(key)?;
        match self.inner.get(&path).await {
            Ok(result) => Ok(Some(Object {
                bytes: result
                    .bytes()
                    .await
                    .with_context(|| format!("reading {key}"))?,
            })),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(anyhow::Error::new(err).context(format!("reading {key}"))),
        }
    }

    /// Deletes the object at `key`; deleting what is not there succeeds.
    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        let path = object_path(key)?;
        match self.inner.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(anyhow::Error::new(err).context(format!("deleting {key}"))),
        }
    }

    /// The runs that have artifacts stored (the `runs/{id}/` prefixes).
    pub async fn run_ids(&self) -> anyhow::Result<Vec<uuid::Uuid>> {
        let listed = match self
            .inner
            .list_with_delimiter(Some(&ObjectPath::from("runs")))
            .await
        {
            Ok(listed) => listed,
            Err(object_store::Error::NotFound { .. }) => return Ok(Vec::new()),
            Err(err) => return Err(anyhow::Error::new(err).context("listing stored runs")),
        };
        Ok(listed
            .common_prefixes
            .iter()
            .filter_map(|p| p.filename())
            .filter_map(|name| uuid::Uuid::parse_str(name).ok())
            .collect())
    }

    /// Deletes every object under `prefix` (a run's artifacts when the run is deleted).
    pub async fn delete_prefix(&self, prefix: &str) -> anyhow::Result<usize> {
        let path = object_path(prefix)?;
        let mut listed = self.inner.list(Some(&path));
        let mut count = 0;
        while let Some(meta) = listed.next().await {
            let meta = meta?;
            self.inner.delete(&meta.location).await?;
            count += 1;
        }
        Ok(count)
    }
}

/// Checks a storage key: relative, `/`-separated, no `.` or `..` segments, no empty segment,
/// no backslash or control character.
pub fn check_key(key: &str) -> Option<&str> {
    let ok = !key.is_empty()
        && key.len() <= 1024
        && !key.starts_with('/')
        && key
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
        && !key.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(key)
}

fn object_path(key: &str) -> anyhow::Result<ObjectPath> {
    let key = check_key(key).ok_or_else(|| anyhow::anyhow!("invalid storage key {key:?}"))?;
    ObjectPath::parse(key).map_err(|e| anyhow::anyhow!("invalid storage key {key:?}: {e}"))
}

/// The content type served for an artifact.
pub fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "txt" | "log" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "webm" => "video/webm",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert!(check_key("runs/1/report/index.html").is_some());
        for bad in [
            "",
            "/etc/passwd",
            "runs/../x",
            "runs//x",
            "runs/./x",
            "a\\b",
            "a\nb",
        ] {
            assert!(check_key(bad).is_none(), "{bad:?}");
        }
    }

    #[tokio::test]
    async fn local_round_trip() {
        let dir = std::env::temp_dir().join(format!("vigil-storage-{}", uuid::Uuid::new_v4()));
        let storage = Storage::local(&dir).expect("storage");
        storage
            .put("runs/a/log.txt", b"hello".to_vec())
            .await
            .expect("put");
        let got = storage
            .get("runs/a/log.txt")
            .await
            .expect("get")
            .expect("found");
        assert_eq!(&got.bytes[..], b"hello");
        assert!(storage.get("runs/a/missing").await.expect("get").is_none());
        assert_eq!(storage.delete_prefix("runs/a").await.expect("delete"), 1);
        assert!(storage.get("runs/a/log.txt").await.expect("get").is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
