//! Secret values masked in everything Vigil stores or streams from a run: output lines, the
//! full log, reports, results and other text artifacts.
//!
//! Each secret is masked as itself and in the forms a script is likely to print it in: URL-
//! encoded, JSON-escaped and base64 (as in a `Basic` header). Values shorter than
//! [`MIN_SECRET_LEN`] characters are not masked (masking `"a"` would mask every `a`); pixels
//! of screenshots and videos cannot be masked, which the README says.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The text that replaces a secret.
pub const MASK: &str = "********";
/// Shortest value masked.
pub const MIN_SECRET_LEN: usize = 4;

/// The secret values of one run.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    /// Longest first, so that a secret containing another is masked whole.
    needles: Vec<Vec<u8>>,
}

fn percent_encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

impl Masker {
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        let mut needles: Vec<Vec<u8>> = Vec::new();
        for secret in secrets {
            if secret.chars().count() < MIN_SECRET_LEN {
                continue;
            }
            let json = serde_json::to_string(secret).unwrap_or_default();
            let json = json.trim_matches('"').to_owned();
            for form in [
                secret.to_owned(),
                percent_encode(secret),
                json,
                STANDARD.encode(secret.as_bytes()),
            ] {
                if form.len() >= MIN_SECRET_LEN && !needles.iter().any(|n| n == form.as_bytes()) {
                    needles.push(form.into_bytes());
                }
            }
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Self { needles }
    }

    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// `text` with every secret replaced by [`MASK`].
    pub fn text(&self, text: &str) -> String {
        if self.needles.is_empty() {
            return text.to_owned();
        }
        String::from_utf8_lossy(&self.bytes(text.as_bytes())).into_owned()
    }

    /// `bytes` with every secret replaced by [`MASK`].
    pub fn bytes(&self, bytes: &[u8]) -> Vec<u8> {
        let mut out = bytes.to_vec();
        for needle in &self.needles {
            out = replace_all(&out, needle, MASK.as_bytes());
        }
        out
    }

    /// Whether `bytes` holds any secret.
    pub fn leaks(&self, bytes: &[u8]) -> bool {
        self.needles
            .iter()
            .any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()))
    }
}

fn replace_all(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// Whether an artifact is text that can be masked in place.
pub fn is_text(path: &str) -> bool {
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "html" | "htm" | "json" | "txt" | "log" | "md" | "xml" | "csv" | "js" | "css" | "svg"
    )
}

/// A zip archive (a Playwright trace, the data of an HTML report) with its text entries
/// masked. `None` when `bytes` is not a readable zip or holds no secret (the caller keeps it).
pub fn zip(bytes: &[u8], masker: &Masker) -> Option<Vec<u8>> {
    use std::io::{Cursor, Read, Write};
    if masker.is_empty() {
        return None;
    }
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = ::zip::write::SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Deflated);
    let mut changed = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).ok()?;
        let name = entry.name().ok()?.into_owned();
        if entry.is_dir() {
            out.add_directory(name, options).ok()?;
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).ok()?;
        // Traces keep network bodies and snapshots in text-like entries of any name.
        if masker.leaks(&content) {
            content = masker.bytes(&content);
            changed = true;
        }
        out.start_file(name, options).ok()?;
        out.write_all(&content).ok()?;
    }
    if !changed {
        return None;
    }
    Some(out.finish().ok()?.into_inner())
}

/// Masks the report data Playwright embeds in its HTML report
/// (`window.playwrightReportBase64 = "data:application/zip;base64,..."`) and the rest of the
/// page as text.
pub fn html_report(html: &[u8], masker: &Masker) -> Vec<u8> {
    const MARKER: &str = "data:application/zip;base64,";
    let text = String::from_utf8_lossy(html);
    let Some(start) = text.find(MARKER).map(|i| i + MARKER.len()) else {
        return masker.bytes(html);
    };
    let end = text[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
        .map_or(text.len(), |i| start + i);
    let embedded = &text[start..end];
    let replaced = STANDARD
        .decode(embedded)
        .ok()
        .and_then(|zip_bytes| zip(&zip_bytes, masker))
        .map(|masked| STANDARD.encode(masked));
    let mut page = String::with_capacity(text.len());
    page.push_str(&masker.text(&text[..start]));
    page.push_str(replaced.as_deref().unwrap_or(embedded));
    page.push_str(&masker.text(&text[end..]));
    page.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_every_form() {
        let m = Masker::new(["s3cr3t value/+", "abc", "s3cr3t"]);
        let line = format!(
            "token=s3cr3t value/+ url={} b64={} short=abc other=s3cr3t",
            percent_encode("s3cr3t value/+"),
            STANDARD.encode("s3cr3t value/+")
        );
        let masked = m.text(&line);
        assert!(!masked.contains("s3cr3t"), "{masked}");
        assert!(
            masked.contains("short=abc"),
            "short values are kept: {masked}"
        );
        assert_eq!(masked.matches(MASK).count(), 4, "{masked}");
        assert!(m.leaks(line.as_bytes()));
        assert!(!m.leaks(masked.as_bytes()));
        assert_eq!(Masker::new([]).text("plain"), "plain");
    }
}
