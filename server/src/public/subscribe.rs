//! Subscribing to a published page without an account, below the page (at
//! `/status/{subdomain}` and at the root of its verified custom domain):
//!
//! | path | what |
//! |---|---|
//! | `GET /subscribe[?incident={id}]` | the form (no JavaScript) |
//! | `POST /subscribe` | subscribes: a form (`application/x-www-form-urlencoded`) answered in HTML, or JSON answered in JSON |
//! | `GET /subscribe/confirm/{token}` | the confirmation link of an email or SMS subscriber |
//! | `GET /unsubscribe/{token}` | a page with the button that unsubscribes |
//! | `POST /unsubscribe/{token}` | unsubscribes (also RFC 8058's one-click POST of mail clients) |
//!
//! None of these is cached. A page that is not published, a token that is unknown, used, or
//! another page's, all get the one 404. Subscribing is limited per client address
//! ([`PER_ADDRESS`] an hour) besides being idempotent per address.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use axum::body::to_bytes;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use entity::status_page_subscribers::SubscriberMode;
use entity::{incidents, status_pages};
use maud::{Markup, html};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::html::{Document, layout};
use super::{Public, Site, failure, not_found, read};
use crate::error::AppError;
use crate::status_page::incident::is_closed;
use crate::status_page::subscriber::{self, Confirmed, NewSubscriber, Subscribed, Token};

/// Subscriptions one client address may send an hour, per process.
pub const PER_ADDRESS: u32 = 30;
/// The largest subscription body read.
const MAX_BODY: usize = 16 * 1024;

/// What a path below a page asks of this module.
enum Action {
    Form,
    Subscribe,
    Confirm(String),
    Unsubscribe(String),
}

impl Action {
    fn of(method: &Method, rest: &str) -> Option<Action> {
        let path = rest.strip_suffix('/').unwrap_or(rest);
        let get = matches!(*method, Method::GET | Method::HEAD);
        let post = *method == Method::POST;
        if path == "/subscribe" {
            return match (get, post) {
                (true, _) => Some(Action::Form),
                (_, true) => Some(Action::Subscribe),
                _ => None,
            };
        }
        if let Some(token) = path.strip_prefix("/subscribe/confirm/") {
            return get.then(|| Action::Confirm(token.to_owned()));
        }
        let token = path.strip_prefix("/unsubscribe/")?;
        (get || post).then(|| Action::Unsubscribe(token.to_owned()))
    }
}

/// Whether `rest` (a path below a page) is one of this module's.
pub fn is_path(rest: &str) -> bool {
    rest == "/subscribe"
        || rest == "/subscribe/"
        || rest.starts_with("/subscribe/confirm/")
        || rest.starts_with("/unsubscribe/")
}

/// Answers a request to one of this module's paths of published page `page`.
pub async fn handle(
    public: &Public,
    page: &status_pages::Model,
    base: String,
    rest: &str,
    request: Request,
) -> Response {
    let Some(action) = Action::of(request.method(), rest) else {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD, POST")],
        )
            .into_response();
    };
    let site = Site::new(&public.state, page, base);
    let post = request.method() == Method::POST;
    let wants_json = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    let incident = incident_of(request.uri().query());
    match action {
        Action::Form => form(public, &site, incident, None).await,
        Action::Subscribe => subscribe(public, &site, request).await,
        Action::Confirm(token) => confirm(public, &site, &token).await,
        Action::Unsubscribe(token) => unsubscribe(public, &site, &token, post, wants_json).await,
    }
}

/// The `incident` of a query string.
fn incident_of(query: Option<&str>) -> Option<Uuid> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == "incident")
        .and_then(|(_, v)| Uuid::try_parse(&v).ok())
}

/// An HTML answer, never cached.
fn page_response(status: StatusCode, doc: Document) -> Response {
    let mut response = (status, doc.html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if let Ok(csp) = HeaderValue::from_str(&doc.csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

/// A short page with a heading and a message.
fn notice(site: &Site<'_>, status: StatusCode, title: &str, body: Markup) -> Response {
    let main = html! {
        p { a href=(site.link("")) { "Current status" } }
        h1 { (title) }
        div.notice { (body) }
    };
    page_response(
        status,
        layout(site, &format!("{title} - {}", site.page.name), main),
    )
}

/// The subscription form, with `error` (a field and its message) above it when a post was
/// refused.
async fn form(
    public: &Public,
    site: &Site<'_>,
    incident: Option<Uuid>,
    error: Option<(StatusCode, String)>,
) -> Response {
    let page = site.page;
    let incident = match incident {
        Some(id) => match incidents::Entity::find_by_id(id)
            .filter(incidents::Column::StatusPageId.eq(page.id))
            .one(&public.state.db)
            .await
        {
            Ok(found) => found.filter(|i| !is_closed(i.status) && page.allow_incident_subscribers),
            Err(err) => return failure(err.into()),
        },
        None => None,
    };
    if incident.is_none() && !page.allow_page_subscribers {
        return not_found();
    }
    let components = match read::components(&public.state.db, page.id).await {
        Ok(c) => c.rows,
        Err(err) => return failure(err),
    };
    let modes = [
        ("email", "Email", page.allow_email_subscribers),
        ("sms", "Text message (SMS)", page.allow_sms_subscribers),
        ("webhook", "Webhook", page.allow_webhook_subscribers),
        ("slack", "Slack", page.allow_webhook_subscribers),
    ];
    let (status, message) = error.unwrap_or((StatusCode::OK, String::new()));
    let title = match &incident {
        Some(i) => format!("Subscribe to updates of {}", i.name),
        None => format!("Subscribe to {} updates", page.name),
    };
    let main = html! {
        p { a href=(site.link("")) { "Current status" } }
        h1 { (title) }
        @if !message.is_empty() { p.notice role="alert" { (message) } }
        @if modes.iter().all(|(_, _, on)| !on) {
            p { "This page takes no subscribers." }
        } @else {
            form.subscribe method="post" action=(site.link("/subscribe")) {
                @if let Some(i) = &incident { input type="hidden" name="incident" value=(i.id); }
                fieldset {
                    legend { "Send me updates by" }
                    @for (i, (value, label, _)) in modes.iter().filter(|m| m.2).enumerate() {
                        div.choice {
                            input type="radio" name="mode" id=(format!("mode-{value}")) value=(value) checked[i == 0];
                            label for=(format!("mode-{value}")) { (label) }
                        }
                    }
                }
                @if page.allow_email_subscribers {
                    label for="email" { "Email address" }
                    input type="email" id="email" name="email" autocomplete="email" maxlength="254";
                }
                @if page.allow_sms_subscribers {
                    label for="phone_number" { "Mobile number, international form (+14155550123)" }
                    input type="tel" id="phone_number" name="phone_number" autocomplete="tel" maxlength="20";
                    label for="phone_country" { "Country code (US, FR, …)" }
                    input type="text" id="phone_country" name="phone_country" autocomplete="country" maxlength="2";
                }
                @if page.allow_webhook_subscribers {
                    label for="endpoint" { "Webhook or Slack incoming webhook URL" }
                    input type="url" id="endpoint" name="endpoint" maxlength="255";
                }
                @if incident.is_none() && !components.is_empty() {
                    fieldset {
                        legend { "Only these components (leave all unticked for every update)" }
                        @for c in &components {
                            div.check {
                                input type="checkbox" name="component" id=(format!("c-{}", c.id)) value=(c.id);
                                label for=(format!("c-{}", c.id)) { (c.name) }
                            }
                        }
                    }
                }
                p { button type="submit" { "Subscribe" } }
            }
        }
    };
    page_response(
        status,
        layout(site, &format!("{title} - {}", page.name), main),
    )
}

/// A subscription as JSON clients send it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsonInput {
    mode: String,
    email: Option<String>,
    phone_number: Option<String>,
    phone_country: Option<String>,
    endpoint: Option<String>,
    #[serde(default)]
    component_ids: Vec<String>,
    incident_id: Option<String>,
}

/// A subscription as the form sends it (`component` repeats).
fn form_input(body: &[u8]) -> JsonInput {
    let mut input = JsonInput::default();
    for (key, value) in url::form_urlencoded::parse(body) {
        let value = value.into_owned();
        match key.as_ref() {
            "mode" => input.mode = value,
            "email" => input.email = Some(value),
            "phone_number" => input.phone_number = Some(value),
            "phone_country" => input.phone_country = Some(value),
            "endpoint" => input.endpoint = Some(value),
            "component" => input.component_ids.push(value),
            "incident" => input.incident_id = Some(value).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    input
}

fn mode_of(text: &str) -> Option<SubscriberMode> {
    Some(match text.trim().to_ascii_lowercase().as_str() {
        "email" => SubscriberMode::Email,
        "sms" => SubscriberMode::Sms,
        "webhook" => SubscriberMode::Webhook,
        "slack" => SubscriberMode::Slack,
        _ => return None,
    })
}

/// The ids of `input`, or the field at fault.
fn ids(input: &JsonInput) -> Result<(Vec<Uuid>, Option<Uuid>), AppError> {
    let components = input
        .component_ids
        .iter()
        .map(|id| Uuid::try_parse(id.trim()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::field("componentIds", "is not a list of component ids"))?;
    let incident = input
        .incident_id
        .as_deref()
        .map(|id| Uuid::try_parse(id.trim()))
        .transpose()
        .map_err(|_| AppError::field("incidentId", "is not an incident id"))?;
    Ok((components, incident))
}

/// The client's address, as the app's other limits see it.
fn client(public: &Public, request: &Request) -> Option<IpAddr> {
    let addr = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    crate::http::client_ip(
        request.headers(),
        addr,
        public.state.settings.trust_forwarded_for,
    )
}

async fn subscribe(public: &Public, site: &Site<'_>, request: Request) -> Response {
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    let ip = client(public, &request);
    let body = request.into_body();
    if let Some(ip) = ip {
        let now = Instant::now();
        if let Some(wait) = public.subscriptions.retry_after(ip, now) {
            return refused(public, site, is_json, None, rate_limited(wait)).await;
        }
        public.subscriptions.failed(ip, now);
    }
    let Ok(body) = to_bytes(body, MAX_BODY).await else {
        let err = AppError::invalid(format!("the body is larger than {MAX_BODY} bytes"));
        return refused(public, site, is_json, None, err).await;
    };
    let input = if is_json {
        match serde_json::from_slice::<JsonInput>(&body) {
            Ok(input) => input,
            Err(err) => {
                let err = AppError::invalid(format!("the body is not a subscription: {err}"));
                return refused(public, site, true, None, err).await;
            }
        }
    } else {
        form_input(&body)
    };
    let (component_ids, incident_id) = match ids(&input) {
        Ok(ids) => ids,
        Err(err) => return refused(public, site, is_json, None, err).await,
    };
    let new = NewSubscriber {
        mode: mode_of(&input.mode),
        email: input.email.as_deref(),
        phone_number: input.phone_number.as_deref(),
        phone_country: input.phone_country.as_deref(),
        endpoint: input.endpoint.as_deref(),
        component_ids: &component_ids,
        incident_id,
    };
    match subscriber::subscribe(&public.state, site.page, &new).await {
        Ok(done) if is_json => subscribed_json(done),
        Ok(done) => subscribed_page(site, done),
        Err(err) => refused(public, site, is_json, incident_id, err).await,
    }
}

fn rate_limited(wait: Duration) -> AppError {
    AppError::RateLimited {
        message: "too many subscriptions from this address: try again later".into(),
        retry_after_secs: Some(wait.as_secs().max(1)),
    }
}

fn subscribed_json(done: Subscribed) -> Response {
    let body = match done {
        Subscribed::ConfirmationSent => json!({ "status": "confirmation_sent" }),
        Subscribed::Active { signing_secret } => {
            json!({ "status": "subscribed", "signingSecret": signing_secret })
        }
    };
    no_store((StatusCode::OK, axum::Json(body)).into_response())
}

fn subscribed_page(site: &Site<'_>, done: Subscribed) -> Response {
    match done {
        Subscribed::ConfirmationSent => notice(
            site,
            StatusCode::OK,
            "Check your messages",
            html! { p { "If the address can receive messages, a confirmation is on its way. Follow its link to start receiving updates." } },
        ),
        Subscribed::Active { signing_secret } => notice(
            site,
            StatusCode::OK,
            "Subscribed",
            html! {
                p { "Updates will be posted to your endpoint." }
                @if let Some(secret) = signing_secret {
                    p { "Requests are signed as Standard Webhooks (" code { "webhook-signature" } ", and " code { "X-Vigil-Signature" } ") with this secret, shown only now:" }
                    p { code { (secret) } }
                }
            },
        ),
    }
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A refused subscription: the one 404 for what is not served, else the error in JSON, or
/// the form again with the message.
async fn refused(
    public: &Public,
    site: &Site<'_>,
    is_json: bool,
    incident: Option<Uuid>,
    err: AppError,
) -> Response {
    if matches!(err, AppError::NotFound) {
        return not_found();
    }
    let status = err.status();
    let status = if status == StatusCode::OK {
        StatusCode::BAD_REQUEST
    } else {
        status
    };
    if status.is_server_error() {
        return failure(err);
    }
    let (field, message) = match &err {
        AppError::Validation { field, message } => (field.clone(), message.clone()),
        other => (None, other.public_message()),
    };
    if is_json {
        let body = json!({ "error": { "code": err.code(), "field": field, "message": message } });
        return no_store((status, axum::Json(body)).into_response());
    }
    let text = match field {
        Some(field) => format!("{field}: {message}"),
        None => message,
    };
    form(public, site, incident, Some((status, text))).await
}

async fn confirm(public: &Public, site: &Site<'_>, token: &str) -> Response {
    let Some(token) = Token::parse(token) else {
        return invalid_link(site);
    };
    match subscriber::confirm(&public.state, site.page, &token).await {
        Ok(Confirmed::Now) => notice(
            site,
            StatusCode::OK,
            "Subscription confirmed",
            html! { p { "You will be told of incidents and maintenance on " (site.page.name) ". Every message has a link to unsubscribe." } },
        ),
        Ok(Confirmed::Already) => notice(
            site,
            StatusCode::OK,
            "Already confirmed",
            html! { p { "This subscription is confirmed already: there is nothing more to do." } },
        ),
        Err(AppError::NotFound) => invalid_link(site),
        Err(err) => failure(err),
    }
}

/// The answer to a link that is unknown, used or of another page: a 404 that says so.
fn invalid_link(site: &Site<'_>) -> Response {
    notice(
        site,
        StatusCode::NOT_FOUND,
        "This link is not valid",
        html! { p { "The link is unknown or was used already (an unsubscribed address has nothing left to end). Subscribe again from the status page if you want updates." } },
    )
}

async fn unsubscribe(
    public: &Public,
    site: &Site<'_>,
    token: &str,
    post: bool,
    wants_json: bool,
) -> Response {
    let Some(token) = Token::parse(token) else {
        return invalid_link(site);
    };
    if !post {
        // A GET only shows what the button would end: mail scanners follow links.
        return match subscriber::by_unsubscribe_token(&public.state, site.page, &token).await {
            Ok(_) => notice(
                site,
                StatusCode::OK,
                "Unsubscribe",
                html! {
                    p { "Stop receiving updates of " (site.page.name) "?" }
                    form method="post" action=(site.link(&format!("/unsubscribe/{}", token.text()))) {
                        button type="submit" { "Unsubscribe" }
                    }
                },
            ),
            Err(AppError::NotFound) => invalid_link(site),
            Err(err) => failure(err),
        };
    }
    match subscriber::unsubscribe(&public.state, site.page, &token).await {
        Ok(_) if wants_json => no_store(
            (
                StatusCode::OK,
                axum::Json(json!({ "status": "unsubscribed" })),
            )
                .into_response(),
        ),
        Ok(_) => notice(
            site,
            StatusCode::OK,
            "Unsubscribed",
            html! { p { "You will receive no more updates of " (site.page.name) "." } },
        ),
        Err(AppError::NotFound) => invalid_link(site),
        Err(err) => failure(err),
    }
}
