//! Property tests of the paths that take input from anyone: the GraphQL request path (parse,
//! cost count, validation and execution, anonymous and signed in), trigger request handling
//! (the upstream URL, the logged request, custom paths), and the cron, JSON-path, template,
//! settings and outbound-target parsers. Each property runs `PROPTEST_CASES` cases (256 by
//! default, in the suite); run them longer by hand with
//! `PROPTEST_CASES=100000 cargo test -p vigil --lib fuzz` (BENCHMARKS.md, "Fuzzing").

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::graphql::VigilSchema;
use crate::graphql::context::RequestData;
use crate::state::AppState;

/// Pieces GraphQL documents are made of, Vigil's own names among them, so that generated
/// documents often parse and reach validation and resolvers.
const TOKENS: &[&str] = &[
    "query",
    "mutation",
    "subscription",
    "fragment",
    "on",
    "{",
    "}",
    "{",
    "}",
    "(",
    ")",
    ":",
    "$v",
    "$p",
    "!",
    "[",
    "]",
    "...",
    "@include(if: true)",
    "@skip(if: $v)",
    "=",
    ",",
    "\"x\"",
    "\"\"",
    "1",
    "0",
    "200",
    "365",
    "-1",
    "99999999999",
    "1.5",
    "true",
    "null",
    "WEEK",
    "me",
    "id",
    "email",
    "monitors",
    "nodes",
    "totalCount",
    "dailyUptime",
    "days:",
    "first:",
    "after:",
    "projectId:",
    "organizations",
    "projects",
    "members",
    "user",
    "runs",
    "tests",
    "callbacks",
    "signIn",
    "signUp",
    "createApiKey",
    "input:",
    "password:",
    "email:",
    "name:",
    "__schema",
    "__type",
    "types",
    "fields",
    "__typename",
    "Query",
    "Monitor",
    "a:",
    "b:",
    "ID",
    "Int",
    "String",
    "#",
    "\n",
    "\\u0000",
    "\"\\\"\"",
];

/// Field names of Vigil's schema, with arguments they take, for documents that parse.
const FIELDS: &[&str] = &[
    "me",
    "id",
    "email",
    "name",
    "monitors(projectId: $p, first: 200)",
    "monitors(projectId: $p)",
    "nodes",
    "totalCount",
    "dailyUptime(days: 365)",
    "dailyUptime(days: $n)",
    "responseTimes(range: WEEK)",
    "organizations(first: 5)",
    "projects",
    "members",
    "user",
    "runs(first: 3)",
    "tests(projectId: $p)",
    "callbacks(projectId: $p)",
    "monitor(id: $p)",
    "run(id: \"x\")",
    "__typename",
    "__schema",
    "types",
    "fields",
    "apiKeys",
    "sessions",
    "currentSession",
    "runnerStatus",
    "problems",
    "auditLogs(organizationId: $p)",
    "cronPreview(expression: \"* * * * *\", count: $n)",
    "notifications(first: 1)",
    "a: me",
    "b: me",
];

/// A selection set of Vigil's field names, nested a few levels.
fn selection() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(FIELDS).prop_map(str::to_owned);
    leaf.prop_recursive(4, 40, 5, |inner| {
        (
            prop::sample::select(FIELDS),
            prop::collection::vec(inner, 1..5),
        )
            .prop_map(|(field, children)| format!("{field} {{ {} }}", children.join(" ")))
    })
}

/// Token soup (mostly refused by the parser) or documents built from the schema's names
/// (mostly parsed, then validated, some executed).
fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|t| t.join(" ")),
        (
            prop::sample::select(vec![
                "",
                "query($p: ID, $n: Int)",
                "mutation",
                "subscription"
            ]),
            prop::collection::vec(selection(), 1..4),
        )
            .prop_map(|(op, sets)| format!("{op} {{ {} }}", sets.join(" "))),
    ]
}

fn variables() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop::collection::btree_map(prop::sample::select(vec!["v", "p", "n", "x"]), value, 0..3)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

/// One server state on a temporary SQLite database, shared by every case, with a signed-in
/// user's principal.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    state: AppState,
    schema: VigilSchema,
    principal: crate::auth::principal::Principal,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        crate::install_crypto_provider();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let dir = std::env::temp_dir().join(format!("vigil-fuzz-{}", uuid::Uuid::new_v4()));
        let settings = crate::config::Settings {
            data_dir: dir,
            role: crate::config::Role::Api,
            ..Default::default()
        };
        let (state, principal) = runtime.block_on(async {
            let hasher =
                crate::auth::password::PasswordHasher::with_params(1024, 1, 1).expect("hasher");
            let state = crate::app::build_state_with(settings, hasher)
                .await
                .expect("state");
            let schema = crate::app::schema(&state);
            let request = async_graphql::Request::new(
                "mutation { signUp(input: { email: \"fuzz@example.com\", password: \"correct horse battery\", name: \"Fuzz\" }) { token } }",
            )
            .data(request_data(&state, None));
            let response = schema.execute(request).await;
            let token = response.data.into_json().expect("json")["signUp"]["token"]
                .as_str()
                .expect("a token")
                .to_owned();
            let principal = crate::auth::principal::authenticate(&state, &token)
                .await
                .expect("principal");
            (state, principal)
        });
        let schema = crate::app::schema(&state);
        Fixture {
            runtime,
            state,
            schema,
            principal,
        }
    })
}

fn request_data(
    state: &AppState,
    principal: Option<crate::auth::principal::Principal>,
) -> RequestData {
    RequestData {
        loaders: crate::graphql::loaders::Loaders::new(
            &state.db,
            principal.as_ref().map(|p| p.user_id()),
            principal.as_ref().and_then(|p| p.project_scope()),
        ),
        principal,
        client: Default::default(),
        secure_cookies: false,
        cookies: Default::default(),
    }
}

proptest! {
    /// Any document and variables, anonymous and signed in: an answer, never a panic; every
    /// error carries a code and no database text.
    #[test]
    fn graphql_requests_never_panic_and_errors_are_clean(doc in document(), vars in variables()) {
        let f = fixture();
        for principal in [None, Some(f.principal.clone())] {
            let request = async_graphql::Request::new(doc.clone())
                .variables(async_graphql::Variables::from_json(vars.clone()))
                .data(request_data(&f.state, principal));
            let mut response = f.runtime.block_on(f.schema.execute(request));
            crate::http::with_codes(&mut response.errors);
            for error in &response.errors {
                prop_assert!(!error.message.is_empty());
                let lower = error.message.to_lowercase();
                prop_assert!(!lower.contains("sqlx") && !lower.contains("sqlite") && !lower.contains("syntax error at"), "{}", error.message);
                prop_assert!(error.extensions.as_ref().is_some_and(|e| e.get("code").is_some()));
            }
        }
    }

    /// Whatever follows the token or the custom path, the request goes to the callback URL's
    /// own scheme, host and port.
    #[test]
    fn trigger_suffixes_and_queries_never_change_the_upstream_host(
        suffix in "[ -~]{0,40}",
        query in proptest::option::of("[ -~]{0,40}"),
    ) {
        for base in ["http://a.test/hook", "https://a.test:8443/h/?k=v"] {
            if let Ok(url) = crate::callback::forward::upstream_url(base, &suffix, query.as_deref()) {
                let own = reqwest::Url::parse(base).expect("base");
                prop_assert_eq!(url.scheme(), own.scheme());
                prop_assert_eq!(url.host_str(), own.host_str());
                prop_assert_eq!(url.port(), own.port());
                prop_assert!(url.username().is_empty() && url.password().is_none());
            }
        }
    }

    /// The logged request never keeps credentials meant for Vigil, whatever else is sent.
    #[test]
    fn logged_trigger_requests_keep_no_credentials(
        headers in prop::collection::vec(("[a-z-]{1,12}", "[ -~]{0,20}"), 0..8),
        body in prop::collection::vec(any::<u8>(), 0..200),
        suffix in "[ -~]{0,20}",
    ) {
        let mut map = axum::http::HeaderMap::new();
        for (name, value) in &headers {
            if let (Ok(n), Ok(v)) = (axum::http::HeaderName::from_bytes(name.as_bytes()), axum::http::HeaderValue::from_str(value)) {
                map.append(n, v);
            }
        }
        let secret = "Bearer s3cret-credential-value";
        map.insert("authorization", axum::http::HeaderValue::from_static("Bearer s3cret-credential-value"));
        map.insert("cookie", axum::http::HeaderValue::from_static("vigil_session=s3cret-credential-value"));
        let record = crate::callback::trigger::request_record(&axum::http::Method::POST, &suffix, None, &map, &body);
        prop_assert!(!record.to_string().contains("s3cret-credential-value"), "{}", secret);
    }

    /// Accepted custom paths never shadow Vigil's routes nor climb out of their prefix.
    #[test]
    fn custom_paths_are_clean_or_refused(path in "[ -~]{0,40}") {
        if let Ok(clean) = crate::callback::check_custom_path(&path) {
            let first = clean.split('/').next().unwrap_or_default();
            prop_assert!(!crate::callback::RESERVED.contains(&first));
            prop_assert!(!clean.split('/').any(|s| s.is_empty() || s == "." || s == ".."));
        }
    }

    /// Cron expressions: an error or a schedule whose next times rise.
    #[test]
    fn cron_expressions_parse_or_are_refused(expr in "[0-9*/,\\- A-Za-z?#LW@]{0,30}") {
        if let Ok(cron) = crate::testing::cron::parse("cron", &expr) {
            let now = chrono::Utc::now();
            let next = crate::testing::cron::upcoming(&cron, now, 3);
            prop_assert!(next.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(next.iter().all(|t| *t > now));
        }
    }

    /// JSON paths, templates and status ranges: no panic, and what is accepted is well formed.
    #[test]
    fn json_paths_templates_and_status_ranges_never_panic(text in "[ -~]{0,40}") {
        if let Some(pointer) = crate::monitor::config::json_pointer(&text) {
            prop_assert!(pointer.is_empty() || pointer.starts_with('/'));
        }
        let _ = crate::callback::template::check("t", &text);
        let _ = crate::callback::template::render(&text, &json!({ "body": { "a": [1, { "b": "c" }] }, "headers": {} }));
        if let Some((low, high)) = crate::monitor::config::status_range(&text) {
            prop_assert!(low <= high && (100..=599).contains(&low) && high <= 599);
        }
    }

    /// A settings file of any content: settings or an error naming what is wrong, never a
    /// panic.
    #[test]
    fn settings_files_load_or_are_refused(lines in prop::collection::vec(
        (prop::sample::select(vec!["bind", "base_url", "trigger_base_url", "data_dir", "mode", "role", "location",
            "session_days", "log", "[smtp]", "port", "host", "[runner]", "memory_mb", "cpus", "max_sockets_per_address"]),
         prop::sample::select(vec!["\"x\"", "1", "-5", "\"http://a\"", "true", "\"cloud\"", "1e99", "\"\"", "[1]", "{ a = 1 }", "\"/tmp/v\""])),
        0..6)) {
        let text: String = lines.iter().map(|(k, v)| if k.starts_with('[') { format!("{k}\n") } else { format!("{k} = {v}\n") }).collect();
        let file = std::env::temp_dir().join(format!("vigil-fuzz-{}.toml", uuid::Uuid::new_v4()));
        std::fs::write(&file, &text).expect("write");
        let loaded = crate::config::Settings::load(Some(&file), &crate::config::Overrides::default());
        let _ = std::fs::remove_file(&file);
        if let Err(err) = loaded {
            prop_assert!(!err.to_string().is_empty());
        }
    }

    /// A private IPv4 address in any spelling the system's resolver reads is refused, as a
    /// bare host and in a URL.
    #[test]
    fn private_addresses_are_refused_in_every_spelling(
        ip in prop_oneof![
            any::<u32>().prop_map(|n| 0x7f00_0000 | (n & 0x00ff_ffff)),
            any::<u32>().prop_map(|n| 0x0a00_0000 | (n & 0x00ff_ffff)),
            any::<u32>().prop_map(|n| 0xa9fe_0000 | (n & 0xffff)),
            any::<u32>().prop_map(|n| 0xc0a8_0000 | (n & 0xffff)),
            any::<u32>().prop_map(|n| 0xac10_0000 | (n & 0x000f_ffff)),
            any::<u32>().prop_map(|n| n & 0x00ff_ffff),
        ],
        form in 0usize..6,
        radix in prop::collection::vec(0usize..3, 4),
    ) {
        let spelled = spell(ip, form, &radix);
        let strict = crate::outbound::OutboundPolicy { block_private: true };
        prop_assert!(strict.check_host("target", &spelled).is_err(), "{spelled} was accepted");
        prop_assert!(strict.check_url("url", &format!("http://{spelled}/")).is_err(), "http://{spelled}/ was accepted");
    }
}

/// `ip` written in one of the forms `inet_aton` reads: 1 to 4 parts, each in decimal, octal or
/// hex.
fn spell(ip: u32, form: usize, radix: &[usize]) -> String {
    let octets = ip.to_be_bytes().map(u64::from);
    let parts: Vec<u64> = match form {
        0 => vec![u64::from(ip)],
        1 => vec![octets[0], (u64::from(ip)) & 0x00ff_ffff],
        2 => vec![octets[0], octets[1], u64::from(ip) & 0xffff],
        _ => octets.to_vec(),
    };
    parts
        .iter()
        .zip(radix.iter().cycle())
        .map(|(n, r)| match r {
            0 => n.to_string(),
            1 => format!("0{n:o}"),
            _ => format!("0x{n:x}"),
        })
        .collect::<Vec<_>>()
        .join(".")
}
