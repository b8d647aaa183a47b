//! A page's images (favicon, logo, hero cover, email logo, Twitter card image), kept in the
//! artifact storage under `status-pages/{page id}/{kind}-{uuid}.{ext}`, the key in the page's
//! column. The public page serves them at `/status/{subdomain}/images/{kind}`.
//!
//! Only PNG, JPEG, WebP and ICO are taken, recognised by their bytes, not by what the client
//! says: an SVG (or HTML posing as an image) would run script on Vigil's origin when opened.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Utc;
use entity::status_pages;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit;
use crate::auth::{Level, Principal};
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The largest image taken. A request body is at most 1 MiB (docs/api.md) and carries the
/// image in base64 (4 bytes for 3), so this is about the largest that fits one request.
pub const MAX_IMAGE_BYTES: usize = 700 * 1024;

/// The images of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Favicon,
    /// The logo at the top of the page (`transactional_logo`).
    Logo,
    /// The cover image behind the page's header.
    Hero,
    /// The logo in subscriber emails.
    EmailLogo,
    /// The image of the page's social card.
    TwitterLogo,
}

impl ImageKind {
    pub const ALL: [ImageKind; 5] = [
        ImageKind::Favicon,
        ImageKind::Logo,
        ImageKind::Hero,
        ImageKind::EmailLogo,
        ImageKind::TwitterLogo,
    ];

    /// The name in keys and public URLs (`/status/{subdomain}/images/{name}`).
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Favicon => "favicon",
            ImageKind::Logo => "logo",
            ImageKind::Hero => "hero",
            ImageKind::EmailLogo => "email-logo",
            ImageKind::TwitterLogo => "twitter-logo",
        }
    }

    /// The kind a public URL names.
    pub fn from_name(name: &str) -> Option<ImageKind> {
        ImageKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The storage key of this image of `page`, if it has one.
    pub fn key(self, page: &status_pages::Model) -> Option<&str> {
        match self {
            ImageKind::Favicon => page.favicon_logo.as_deref(),
            ImageKind::Logo => page.transactional_logo.as_deref(),
            ImageKind::Hero => page.hero_cover.as_deref(),
            ImageKind::EmailLogo => page.email_logo.as_deref(),
            ImageKind::TwitterLogo => page.twitter_logo.as_deref(),
        }
    }

    fn set(self, row: &mut status_pages::ActiveModel, key: Option<String>) {
        let column = match self {
            ImageKind::Favicon => &mut row.favicon_logo,
            ImageKind::Logo => &mut row.transactional_logo,
            ImageKind::Hero => &mut row.hero_cover,
            ImageKind::EmailLogo => &mut row.email_logo,
            ImageKind::TwitterLogo => &mut row.twitter_logo,
        };
        *column = Set(key);
    }
}

/// The image formats taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Webp,
    Ico,
}

impl ImageFormat {
    /// The format `bytes` are in, from their first bytes (their signature).
    pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else if bytes.len() >= 6 && bytes[..4] == [0, 0, 1, 0] && bytes[4..6] != [0, 0] {
            // ICONDIR: reserved 0, type 1 (icon), then a count of images that is not 0.
            Some(ImageFormat::Ico)
        } else {
            None
        }
    }

    /// The format a content type names.
    pub fn from_content_type(value: &str) -> Option<ImageFormat> {
        let essence = value.split(';').next().unwrap_or_default().trim();
        match essence.to_ascii_lowercase().as_str() {
            "image/png" => Some(ImageFormat::Png),
            "image/jpeg" | "image/jpg" => Some(ImageFormat::Jpeg),
            "image/webp" => Some(ImageFormat::Webp),
            "image/x-icon" | "image/vnd.microsoft.icon" => Some(ImageFormat::Ico),
            _ => None,
        }
    }

    /// The extension of its keys.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Webp => "webp",
            ImageFormat::Ico => "ico",
        }
    }

    /// The content type it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Ico => "image/x-icon",
        }
    }

    /// The format of a stored key, from its extension (what the public page serves it as).
    pub fn of_key(key: &str) -> Option<ImageFormat> {
        let (_, ext) = key.rsplit_once('.')?;
        [
            ImageFormat::Png,
            ImageFormat::Jpeg,
            ImageFormat::Webp,
            ImageFormat::Ico,
        ]
        .into_iter()
        .find(|f| f.extension() == ext)
    }
}

/// Where the public reads image `kind` of `page`, when it has one.
pub fn url(base_url: &str, page: &status_pages::Model, kind: ImageKind) -> Option<String> {
    kind.key(page).map(|_| {
        format!(
            "{base_url}/status/{}/images/{}",
            page.subdomain,
            kind.name()
        )
    })
}

/// An upload: what the client says it is, and the base64 of its bytes.
pub struct Upload<'a> {
    pub content_type: &'a str,
    pub data_base64: &'a str,
}

/// The checked image of an upload: its format and bytes.
pub fn check(upload: &Upload<'_>) -> AppResult<(ImageFormat, Vec<u8>)> {
    let declared = ImageFormat::from_content_type(upload.content_type).ok_or_else(|| {
        AppError::field(
            "contentType",
            "must be image/png, image/jpeg, image/webp or image/x-icon (SVG is not accepted)",
        )
    })?;
    // Refuse what cannot fit before decoding it (base64 is 4 bytes for 3, plus line breaks).
    if upload.data_base64.len() > MAX_IMAGE_BYTES * 2 {
        return Err(too_large());
    }
    let compact: String = upload
        .data_base64
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let bytes = STANDARD
        .decode(compact.as_bytes())
        .map_err(|_| AppError::field("dataBase64", "is not valid base64"))?;
    if bytes.is_empty() {
        return Err(AppError::field("dataBase64", "is empty"));
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(too_large());
    }
    match ImageFormat::sniff(&bytes) {
        Some(found) if found == declared => Ok((found, bytes)),
        Some(found) => Err(AppError::field(
            "contentType",
            format!(
                "says {} but the file is {}",
                declared.content_type(),
                found.content_type()
            ),
        )),
        None => Err(AppError::field(
            "dataBase64",
            "is not a PNG, JPEG, WebP or ICO image (SVG is not accepted)",
        )),
    }
}

fn too_large() -> AppError {
    AppError::field(
        "dataBase64",
        format!("the image must be at most {} KiB", MAX_IMAGE_BYTES / 1024),
    )
}

/// Sets image `kind` of page `id` to `upload`, or clears it (`None`). The old image, if any,
/// is deleted from storage once the change is committed.
pub async fn set(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    kind: ImageKind,
    upload: Option<Upload<'_>>,
) -> AppResult<status_pages::Model> {
    let page = super::find(state, principal, id, Level::Editor).await?;
    let new = upload.as_ref().map(check).transpose()?;
    let key = match &new {
        Some((format, bytes)) => {
            let key = format!(
                "status-pages/{}/{}-{}.{}",
                page.id,
                kind.name(),
                Uuid::new_v4().simple(),
                format.extension()
            );
            state.storage.put(&key, bytes.clone()).await?;
            Some(key)
        }
        None => None,
    };
    let written = write(state, principal, id, kind, key.clone()).await;
    let obsolete = match &written {
        // The image it replaced (read in the transaction, so a concurrent upload's is not lost).
        Ok((_, old)) => old.clone(),
        // Nothing refers to the new object.
        Err(_) => key,
    };
    if let Some(obsolete) = obsolete
        && let Err(err) = state.storage.delete(&obsolete).await
    {
        tracing::warn!(
            error = format!("{err:#}"),
            key = obsolete,
            "deleting a status page image"
        );
    }
    written.map(|(page, _)| page)
}

/// Writes `key` into the column of `kind`; returns the page and the key it held before.
async fn write(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    kind: ImageKind,
    key: Option<String>,
) -> AppResult<(status_pages::Model, Option<String>)> {
    let tx = Tx::begin(state).await?;
    let current = status_pages::Entity::find_by_id(id)
        .one(tx.conn())
        .await?
        .ok_or(AppError::NotFound)?;
    let old = kind.key(&current).map(str::to_owned);
    if old == key {
        return Ok((current, None));
    }
    let mut row: status_pages::ActiveModel = current.into();
    kind.set(&mut row, key.clone());
    row.updated_at = Set(Utc::now());
    let page = row.update(tx.conn()).await?;
    audit::record(
        &tx,
        principal,
        Some(page.organization_id),
        "status_page.image",
        json!({ "statusPageId": id, "kind": kind.name(), "set": key.is_some() }),
    )
    .await?;
    super::published_change(&tx, &page).await?;
    tx.commit().await?;
    Ok((page, old))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        STANDARD.encode(bytes)
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F'];
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";
    const ICO: &[u8] = &[0, 0, 1, 0, 1, 0, 16, 16];

    fn upload<'a>(content_type: &'a str, data: &'a str) -> Upload<'a> {
        Upload {
            content_type,
            data_base64: data,
        }
    }

    #[test]
    fn formats_are_recognised_by_their_bytes() {
        for (bytes, format) in [
            (PNG, ImageFormat::Png),
            (JPEG, ImageFormat::Jpeg),
            (WEBP, ImageFormat::Webp),
            (ICO, ImageFormat::Ico),
        ] {
            assert_eq!(ImageFormat::sniff(bytes), Some(format));
            let data = b64(bytes);
            let (found, decoded) = check(&upload(format.content_type(), &data)).expect("accepted");
            assert_eq!(found, format);
            assert_eq!(decoded, bytes);
            let key = format!("status-pages/x/logo-1.{}", format.extension());
            assert_eq!(ImageFormat::of_key(&key), Some(format));
        }
    }

    #[test]
    fn svg_html_and_lies_are_refused() {
        let svg = b64(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        for content_type in ["image/svg+xml", "text/html", "image/gif", "", "image/png"] {
            let err = check(&upload(content_type, &svg)).expect_err("refused");
            assert_eq!(err.code(), "BAD_USER_INPUT");
        }
        // A PNG declared as JPEG, and HTML declared as PNG.
        assert!(check(&upload("image/jpeg", &b64(PNG))).is_err());
        assert!(
            check(&upload(
                "image/png",
                &b64(b"<html><script>alert(1)</script>")
            ))
            .is_err()
        );
        // An ICO header with no image, not base64, empty.
        assert!(check(&upload("image/x-icon", &b64(&[0, 0, 1, 0, 0, 0]))).is_err());
        assert!(check(&upload("image/png", "not base64!")).is_err());
        assert!(check(&upload("image/png", "")).is_err());
    }

    #[test]
    fn images_are_capped() {
        let mut big = PNG.to_vec();
        big.resize(MAX_IMAGE_BYTES, 0);
        assert!(check(&upload("image/png", &b64(&big))).is_ok());
        big.push(0);
        let err = check(&upload("image/png", &b64(&big))).expect_err("too large");
        assert!(err.public_message().contains("KiB"));
        // Far too large is refused before decoding.
        let huge = "A".repeat(MAX_IMAGE_BYTES * 2);
        assert!(check(&upload("image/png", &huge)).is_err());
    }

    #[test]
    fn kinds_round_trip_their_names() {
        for kind in ImageKind::ALL {
            assert_eq!(ImageKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(ImageKind::from_name("../etc"), None);
    }
}
