//! Input checks shared by every domain: they return `BAD_USER_INPUT` naming the field.

use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// Longest email address (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 254;
/// Longest display name, title or label.
pub const MAX_NAME: usize = 200;
/// Longest free text (descriptions).
pub const MAX_TEXT: usize = 10_000;

/// Parses an `ID` argument.
pub fn id(field: &str, value: &str) -> AppResult<Uuid> {
    Uuid::parse_str(value.trim()).map_err(|_| AppError::field(field, "is not a valid ID"))
}

/// Parses an optional list of `ID`s.
pub fn opt_ids<S: AsRef<str>>(field: &str, values: Option<Vec<S>>) -> AppResult<Option<Vec<Uuid>>> {
    values
        .map(|list| list.iter().map(|v| id(field, v.as_ref())).collect())
        .transpose()
}

/// Parses an optional `ID` argument.
pub fn opt_id<S: AsRef<str>>(field: &str, value: Option<S>) -> AppResult<Option<Uuid>> {
    value.map(|v| id(field, v.as_ref())).transpose()
}

/// Trims and checks a required single-line name.
pub fn name(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::field(field, "must not be empty"));
    }
    if value.chars().count() > MAX_NAME {
        return Err(AppError::field(
            field,
            format!("must be at most {MAX_NAME} characters"),
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(AppError::field(
            field,
            "must not contain control characters",
        ));
    }
    Ok(value.to_owned())
}

/// Checks optional free text; empty becomes `None`.
pub fn text(field: &str, value: Option<&str>, max: usize) -> AppResult<Option<String>> {
    let Some(value) = value else { return Ok(None) };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(AppError::field(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
    if value.contains('\0') {
        return Err(AppError::field(field, "must not contain NUL characters"));
    }
    Ok(Some(value.to_owned()))
}

/// Normalises and checks an email address: one `@`, a dotted domain, no spaces, at most 254
/// characters. Lower-cased, since addresses are looked up case-insensitively.
pub fn email(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim().to_lowercase();
    if value.len() > MAX_EMAIL {
        return Err(AppError::field(
            field,
            format!("must be at most {MAX_EMAIL} characters"),
        ));
    }
    let bad = || AppError::field(field, "is not a valid email address");
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || local.len() > 64
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
        || value.chars().any(|c| c.is_whitespace() || c.is_control())
        || !domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        return Err(bad());
    }
    Ok(value)
}

/// Whether `value` is a colour written `#rrggbb` (what tags and status pages store, and the
/// only form a status page writes into its stylesheet).
pub fn is_hex_colour(value: &str) -> bool {
    value.len() == 7 && value.starts_with('#') && value[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Checks a URL slug: 2-64 of `a-z`, `0-9` and `-`, not starting or ending with `-`.
pub fn slug(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim().to_lowercase();
    let ok = (2..=64).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(value)
    } else {
        Err(AppError::field(
            field,
            "must be 2-64 characters of a-z, 0-9 and '-', not starting or ending with '-'",
        ))
    }
}

/// Derives a slug from a name (`"My Team!"` → `"my-team"`).
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let mut slug: String = trimmed.chars().take(48).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() < 2 {
        slug = format!("org-{}", &Uuid::new_v4().simple().to_string()[..8]);
    }
    slug
}

/// Caps `first` at 200, defaulting to 50 (docs/api.md).
pub fn page_size(first: Option<i32>) -> AppResult<u64> {
    match first {
        None => Ok(50),
        Some(n) if n < 0 => Err(AppError::field("first", "must not be negative")),
        Some(n) => Ok(u64::try_from(n.min(200)).unwrap_or(200)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            email("email", " Ann@Example.COM ").ok().as_deref(),
            Some("ann@example.com")
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "a b@example.com",
            "a@b@c.com",
            "ann@exa..mple.com",
        ] {
            assert!(email("email", bad).is_err(), "{bad} should be refused");
        }
        assert!(email("email", &format!("{}@example.com", "a".repeat(300))).is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("My Team!"), "my-team");
        assert_eq!(slugify("  Déjà  Vu  "), "d-j-vu");
        assert!(slugify("!").starts_with("org-"));
        assert!(slug("slug", "ok-slug").is_ok());
        assert!(slug("slug", "-bad").is_err());
        assert!(slug("slug", "Bad_Slug").is_err());
    }

    #[test]
    fn ids_and_pages() {
        assert!(id("id", "nope").is_err());
        assert!(id("id", &Uuid::nil().to_string()).is_ok());
        assert_eq!(page_size(None).ok(), Some(50));
        assert_eq!(page_size(Some(1000)).ok(), Some(200));
        assert!(page_size(Some(-1)).is_err());
    }

    #[test]
    fn text_refuses_nul() {
        assert!(text("description", Some("a\0b"), 100).is_err());
        assert_eq!(
            text("description", Some(" two\nlines\t "), 100)
                .ok()
                .flatten()
                .as_deref(),
            Some("two\nlines")
        );
    }
}
