//! The paths of a public page, below `/status/{subdomain}` or at the root of its custom
//! domain. One table for both, so that the two serve exactly the same things.

use uuid::Uuid;

/// Images a page may have, by the name in their path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Favicon,
    Logo,
    Hero,
    EmailLogo,
    TwitterLogo,
}

impl ImageKind {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "favicon" => ImageKind::Favicon,
            "logo" => ImageKind::Logo,
            "hero" => ImageKind::Hero,
            "email-logo" => ImageKind::EmailLogo,
            "twitter-logo" => ImageKind::TwitterLogo,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Favicon => "favicon",
            ImageKind::Logo => "logo",
            ImageKind::Hero => "hero",
            ImageKind::EmailLogo => "email-logo",
            ImageKind::TwitterLogo => "twitter-logo",
        }
    }
}

/// The JSON documents of `/api/v2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Summary,
    Status,
    Components,
    Incidents,
    Unresolved,
    Maintenances,
    UpcomingMaintenances,
    ActiveMaintenances,
}

impl Api {
    const ALL: [(Api, &'static str); 8] = [
        (Api::Summary, "summary.json"),
        (Api::Status, "status.json"),
        (Api::Components, "components.json"),
        (Api::Incidents, "incidents.json"),
        (Api::Unresolved, "incidents/unresolved.json"),
        (Api::Maintenances, "scheduled-maintenances.json"),
        (
            Api::UpcomingMaintenances,
            "scheduled-maintenances/upcoming.json",
        ),
        (
            Api::ActiveMaintenances,
            "scheduled-maintenances/active.json",
        ),
    ];

    fn parse(path: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, p)| *p == path).map(|(a, _)| *a)
    }
}

/// A component's badges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentBadge {
    Status,
    Uptime,
}

/// What a path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Index,
    /// `/history?page=N`, 1 the newest.
    History(u32),
    Incident(Uuid),
    Shortlink(String),
    Image(ImageKind),
    Api(Api),
    Rss,
    Atom,
    Calendar,
    Badge,
    Component(Uuid, ComponentBadge),
}

/// The furthest history page (ten years of quarters).
pub const MAX_HISTORY_PAGE: u32 = 40;

impl Route {
    /// The route of `rest` (the path below the page, `""` or starting with `/`) and `query`;
    /// `None` for anything else.
    pub fn parse(rest: &str, query: Option<&str>) -> Option<Self> {
        let path = rest.strip_suffix('/').unwrap_or(rest);
        let route = match path {
            "" => Route::Index,
            "/history" => Route::History(history_page(query)?),
            "/history.rss" => Route::Rss,
            "/history.atom" => Route::Atom,
            "/maintenance.ics" => Route::Calendar,
            "/badge.svg" => Route::Badge,
            _ => return Self::parse_nested(path),
        };
        Some(route)
    }

    fn parse_nested(path: &str) -> Option<Self> {
        if let Some(api) = path.strip_prefix("/api/v2/") {
            return Api::parse(api).map(Route::Api);
        }
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        match segments.as_slice() {
            ["incidents", id] => Uuid::parse_str(id).ok().map(Route::Incident),
            ["i", code] if is_code(code) => Some(Route::Shortlink((*code).to_owned())),
            ["images", kind] => ImageKind::parse(kind).map(Route::Image),
            ["components", id, badge] => {
                let id = Uuid::parse_str(id).ok()?;
                match *badge {
                    "badge.svg" => Some(Route::Component(id, ComponentBadge::Status)),
                    "uptime.svg" => Some(Route::Component(id, ComponentBadge::Uptime)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The one spelling of the route: the cache's key (queries it ignores are left out).
    pub fn key(&self) -> String {
        match self {
            Route::Index => "/".into(),
            Route::History(n) => format!("/history?page={n}"),
            Route::Incident(id) => format!("/incidents/{id}"),
            Route::Shortlink(code) => format!("/i/{code}"),
            Route::Image(kind) => format!("/images/{}", kind.name()),
            Route::Api(api) => {
                let path = Api::ALL
                    .iter()
                    .find(|(a, _)| a == api)
                    .map_or("", |(_, p)| p);
                format!("/api/v2/{path}")
            }
            Route::Rss => "/history.rss".into(),
            Route::Atom => "/history.atom".into(),
            Route::Calendar => "/maintenance.ics".into(),
            Route::Badge => "/badge.svg".into(),
            Route::Component(id, ComponentBadge::Status) => format!("/components/{id}/badge.svg"),
            Route::Component(id, ComponentBadge::Uptime) => format!("/components/{id}/uptime.svg"),
        }
    }
}

/// `page=N` of the query (1 when absent); `None` past the last page or when not a number.
fn history_page(query: Option<&str>) -> Option<u32> {
    let value = query
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="));
    match value {
        None => Some(1),
        Some(n) => n
            .parse()
            .ok()
            .filter(|n| (1..=MAX_HISTORY_PAGE).contains(n)),
    }
}

/// A shortlink code: 1-64 letters, digits, `-` or `_`.
fn is_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_keys_round_trip() {
        let id = Uuid::now_v7();
        for (path, query) in [
            ("", None),
            ("/history", Some("page=3")),
            ("/history.rss", None),
            ("/api/v2/summary.json", None),
            ("/api/v2/scheduled-maintenances/upcoming.json", None),
            ("/images/twitter-logo", None),
            ("/badge.svg", None),
        ] {
            let route = Route::parse(path, query).expect(path);
            let key = route.key();
            let (p, q) = key
                .split_once('?')
                .map_or((key.as_str(), None), |(p, q)| (p, Some(q)));
            let p = if p == "/" { "" } else { p };
            assert_eq!(Route::parse(p, q), Some(route), "{path}");
        }
        assert_eq!(
            Route::parse(&format!("/components/{id}/uptime.svg"), None),
            Some(Route::Component(id, ComponentBadge::Uptime))
        );
        assert_eq!(Route::parse("/", Some("utm=x")), Some(Route::Index));
        assert_eq!(
            Route::parse("/history", Some("page=2&x=1")),
            Some(Route::History(2))
        );
    }

    #[test]
    fn anything_else_is_not_a_route() {
        for (path, query) in [
            ("/history", Some("page=0")),
            ("/history", Some("page=abc")),
            ("/history", Some("page=100000")),
            ("/incidents/not-a-uuid", None),
            ("/images/../../etc/passwd", None),
            ("/images/logo.svg", None),
            ("/i/a%2Fb", None),
            ("/api/v2/../summary.json", None),
            ("/graphql", None),
            ("//", None),
        ] {
            assert_eq!(Route::parse(path, query), None, "{path}");
        }
    }
}
