//! A page's settings (`updateStatusPage`): texts, support link, time zone, theme, colours,
//! search engines, subscriber kinds and the notification sender, each checked here.
//!
//! Several of these reach the public page's HTML: colours go into a `<style>` element, the
//! support URL into an `href`. They are held to strict shapes (`#rrggbb`, an http(s) URL as
//! the URL parser writes it) so that no value can leave its place, whatever the page does.

use std::str::FromStr;

use entity::status_pages;
use sea_orm::Set;
use serde_json::json;

use crate::error::{AppError, AppResult};
use crate::validate;

/// Longest page description.
pub const MAX_DESCRIPTION: usize = 5_000;
/// Longest footer of subscriber emails.
pub const MAX_EMAIL_FOOTER: usize = 2_000;
/// Longest support URL.
pub const MAX_URL: usize = 2_048;

/// The colour scheme of the public page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the visitor's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// The theme stored in a page's `theme` column (`{"mode": "light" | "dark" | "auto"}`);
    /// `Auto` when unset or unknown.
    pub fn of(page: &status_pages::Model) -> Theme {
        let mode = page
            .theme
            .as_ref()
            .and_then(|t| t.get("mode"))
            .and_then(|m| m.as_str());
        match mode {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// The colour settings of the public page, each a `#rrggbb` value or unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CssColor {
    BodyBackground,
    Font,
    LightFont,
    Greens,
    Yellows,
    Oranges,
    Blues,
    Reds,
    Border,
    Graph,
    Link,
    NoData,
}

impl CssColor {
    /// The field of the API that sets it.
    pub fn field(self) -> &'static str {
        match self {
            CssColor::BodyBackground => "cssBodyBackgroundColor",
            CssColor::Font => "cssFontColor",
            CssColor::LightFont => "cssLightFontColor",
            CssColor::Greens => "cssGreens",
            CssColor::Yellows => "cssYellows",
            CssColor::Oranges => "cssOranges",
            CssColor::Blues => "cssBlues",
            CssColor::Reds => "cssReds",
            CssColor::Border => "cssBorderColor",
            CssColor::Graph => "cssGraphColor",
            CssColor::Link => "cssLinkColor",
            CssColor::NoData => "cssNoData",
        }
    }

    fn set(self, row: &mut status_pages::ActiveModel, value: Option<String>) {
        let column = match self {
            CssColor::BodyBackground => &mut row.css_body_background_color,
            CssColor::Font => &mut row.css_font_color,
            CssColor::LightFont => &mut row.css_light_font_color,
            CssColor::Greens => &mut row.css_greens,
            CssColor::Yellows => &mut row.css_yellows,
            CssColor::Oranges => &mut row.css_oranges,
            CssColor::Blues => &mut row.css_blues,
            CssColor::Reds => &mut row.css_reds,
            CssColor::Border => &mut row.css_border_color,
            CssColor::Graph => &mut row.css_graph_color,
            CssColor::Link => &mut row.css_link_color,
            CssColor::NoData => &mut row.css_no_data,
        };
        *column = Set(value);
    }
}

/// Which subscribers a page takes.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubscriberKinds {
    /// To every update of the page.
    pub page: Option<bool>,
    /// To one incident.
    pub incident: Option<bool>,
    pub email: Option<bool>,
    pub sms: Option<bool>,
    pub webhook: Option<bool>,
}

/// Changes to a page's settings: `None` leaves a setting as it is; an empty text clears it
/// (back to its default).
#[derive(Debug, Clone, Default)]
pub struct PageSettings {
    pub name: Option<String>,
    /// Same rules as on create; `CONFLICT` when another page has it.
    pub subdomain: Option<String>,
    pub headline: Option<String>,
    pub description: Option<String>,
    /// http or https.
    pub support_url: Option<String>,
    /// An IANA time zone name (`Europe/Paris`); cleared, UTC.
    pub timezone: Option<String>,
    pub theme: Option<Theme>,
    /// Colours to set; an empty value clears one.
    pub colors: Vec<(CssColor, String)>,
    /// Asks search engines not to index the page.
    pub hidden_from_search: Option<bool>,
    pub subscribers: SubscriberKinds,
    /// The sender address of subscriber emails; cleared, the server's sender.
    pub notifications_from_email: Option<String>,
    pub notifications_email_footer: Option<String>,
}

/// A `#rrggbb` colour, lower-cased; nothing else (these go into a `<style>` element).
pub fn check_color(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim();
    if validate::is_hex_colour(value) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(AppError::field(
            field,
            "must be a colour written #rrggbb (six hexadecimal digits)",
        ))
    }
}

/// An http(s) URL with a host, as the URL parser writes it (characters that could leave an
/// HTML attribute are percent-encoded).
pub fn check_url(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim();
    if value.len() > MAX_URL {
        return Err(AppError::field(
            field,
            format!("must be at most {MAX_URL} characters"),
        ));
    }
    let url = url::Url::parse(value).map_err(|_| AppError::field(field, "is not a valid URL"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(AppError::field(field, "must be an http:// or https:// URL"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AppError::field(
            field,
            "must not carry a user name or password",
        ));
    }
    Ok(url.to_string())
}

/// An IANA time zone name, as the database of time zones spells it.
pub fn check_timezone(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim();
    chrono_tz::Tz::from_str(value)
        .map(|tz| tz.name().to_owned())
        .map_err(|_| {
            AppError::field(
                field,
                format!(
                    "{value:?} is not an IANA time zone (such as Europe/Paris or America/New_York)"
                ),
            )
        })
}

/// An optional setting: `""` clears it, anything else goes through `check`.
fn optional(
    value: Option<&String>,
    check: impl FnOnce(&str) -> AppResult<String>,
) -> AppResult<Option<Option<String>>> {
    value
        .map(|v| {
            if v.trim().is_empty() {
                Ok(None)
            } else {
                check(v).map(Some)
            }
        })
        .transpose()
}

/// Applies the checked `settings` to `row`; returns the API names of the fields set.
pub fn apply(
    row: &mut status_pages::ActiveModel,
    settings: &PageSettings,
) -> AppResult<Vec<&'static str>> {
    let mut fields = apply_texts(row, settings)?;
    if let Some(theme) = settings.theme {
        row.theme = Set(Some(json!({ "mode": theme.as_str() })));
        fields.push("theme");
    }
    for (color, value) in &settings.colors {
        let value = optional(Some(value), |v| check_color(color.field(), v))?.flatten();
        color.set(row, value);
        fields.push(color.field());
    }
    if let Some(hidden) = settings.hidden_from_search {
        row.hidden_from_search = Set(hidden);
        fields.push("hiddenFromSearch");
    }
    let kinds = settings.subscribers;
    for (value, column, field) in [
        (
            kinds.page,
            &mut row.allow_page_subscribers,
            "allowPageSubscribers",
        ),
        (
            kinds.incident,
            &mut row.allow_incident_subscribers,
            "allowIncidentSubscribers",
        ),
        (
            kinds.email,
            &mut row.allow_email_subscribers,
            "allowEmailSubscribers",
        ),
        (
            kinds.sms,
            &mut row.allow_sms_subscribers,
            "allowSmsSubscribers",
        ),
        (
            kinds.webhook,
            &mut row.allow_webhook_subscribers,
            "allowWebhookSubscribers",
        ),
    ] {
        if let Some(value) = value {
            *column = Set(value);
            fields.push(field);
        }
    }
    Ok(fields)
}

/// The text settings: name, subdomain, headline, description, support URL, time zone and
/// the notification sender and footer.
fn apply_texts(
    row: &mut status_pages::ActiveModel,
    s: &PageSettings,
) -> AppResult<Vec<&'static str>> {
    let mut fields = Vec::new();
    if let Some(name) = &s.name {
        row.name = Set(validate::name("name", name)?);
        fields.push("name");
    }
    if let Some(subdomain) = &s.subdomain {
        row.subdomain = Set(super::check_subdomain(subdomain)?);
        fields.push("subdomain");
    }
    // One line, like a name (at most `validate::MAX_NAME` characters).
    if let Some(headline) = optional(s.headline.as_ref(), |v| validate::name("headline", v))? {
        row.headline = Set(headline);
        fields.push("headline");
    }
    if let Some(description) = &s.description {
        row.page_description = Set(validate::text(
            "description",
            Some(description),
            MAX_DESCRIPTION,
        )?);
        fields.push("description");
    }
    if let Some(url) = optional(s.support_url.as_ref(), |v| check_url("supportUrl", v))? {
        row.support_url = Set(url);
        fields.push("supportUrl");
    }
    if let Some(tz) = optional(s.timezone.as_ref(), |v| check_timezone("timezone", v))? {
        row.timezone = Set(tz);
        fields.push("timezone");
    }
    if let Some(from) = optional(s.notifications_from_email.as_ref(), |v| {
        validate::email("notificationsFromEmail", v)
    })? {
        row.notifications_from_email = Set(from);
        fields.push("notificationsFromEmail");
    }
    if let Some(footer) = &s.notifications_email_footer {
        row.notifications_email_footer = Set(validate::text(
            "notificationsEmailFooter",
            Some(footer),
            MAX_EMAIL_FOOTER,
        )?);
        fields.push("notificationsEmailFooter");
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_six_hex_digits_and_nothing_else() {
        assert_eq!(check_color("c", " #A1b2C3 ").expect("valid"), "#a1b2c3");
        for bad in [
            "red",
            "#fff",
            "#12345",
            "#1234567",
            "#12345g",
            "a1b2c3",
            "#000000;}</style><script>alert(1)</script>",
            "#000000; background:url(https://evil)",
            "#00000\u{0}",
            "expression(alert(1))",
            "#ｆｆｆｆｆｆ",
        ] {
            assert!(check_color("c", bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn support_urls_are_http_and_written_by_the_parser() {
        assert_eq!(
            check_url("u", "https://help.example.com/a b").expect("valid"),
            "https://help.example.com/a%20b"
        );
        assert!(
            !check_url("u", "https://example.com/\"><script>")
                .expect("valid")
                .contains('"')
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.com",
            "//example.com",
            "example.com",
            "https://user:pw@example.com",
            "vbscript:msgbox(1)",
        ] {
            assert!(check_url("u", bad).is_err(), "{bad:?} was accepted");
        }
        assert!(check_url("u", &format!("https://e.com/{}", "a".repeat(MAX_URL))).is_err());
    }

    #[test]
    fn time_zones_are_iana_names() {
        assert_eq!(
            check_timezone("t", "Europe/Paris").expect("valid"),
            "Europe/Paris"
        );
        assert_eq!(check_timezone("t", "UTC").expect("valid"), "UTC");
        for bad in [
            "Mars/Olympus",
            "europe/paris",
            "+02:00",
            "CEST!",
            "../etc/passwd",
            "",
        ] {
            assert!(check_timezone("t", bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn themes_round_trip_through_the_column() {
        for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
            let mut row = status_pages::ActiveModel::default();
            let settings = PageSettings {
                theme: Some(theme),
                ..Default::default()
            };
            apply(&mut row, &settings).expect("valid");
            let sea_orm::ActiveValue::Set(stored) = row.theme else {
                panic!("theme not set");
            };
            let model = status_pages::Model {
                theme: stored,
                ..blank_model()
            };
            assert_eq!(Theme::of(&model), theme);
        }
        assert_eq!(Theme::of(&blank_model()), Theme::Auto);
    }

    fn blank_model() -> status_pages::Model {
        use sea_orm::TryIntoModel;
        let nil = uuid::Uuid::nil();
        super::super::blank(nil, nil, chrono::Utc::now())
            .try_into_model()
            .expect("every column set")
    }
}
