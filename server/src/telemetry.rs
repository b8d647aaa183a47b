//! Logs and traces of `vigil` commands: log lines as text or JSON (`log_format`), filtered by
//! `log` (or `RUST_LOG`), and, when `otlp.endpoint` is set, the same spans exported to an
//! OpenTelemetry collector over OTLP/HTTP (protobuf) by a batch exporter on its own thread.
//!
//! What is logged never carries secrets: request spans name the route template, never the
//! raw path (which holds trigger tokens) nor the query string.

use anyhow::Context;
use opentelemetry::trace::TracerProvider as _;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::config::{LogFormat, Settings};

/// Keeps the trace exporter; [`Telemetry::shutdown`] sends what it still holds.
#[derive(Default)]
pub struct Telemetry {
    provider: Option<opentelemetry_sdk::trace::SdkTracerProvider>,
}

impl Telemetry {
    /// Flushes and stops the trace exporter (waits for its last export, on a blocking
    /// thread).
    pub async fn shutdown(self) {
        if let Some(provider) = self.provider {
            let _ = tokio::task::spawn_blocking(move || {
                if let Err(err) = provider.shutdown() {
                    eprintln!("vigil: flushing traces failed: {err}");
                }
            })
            .await;
        }
    }
}

/// Installs the process's logging (and trace export) from `settings`. A second call in the
/// same process (tests) leaves the first in place.
pub fn init(settings: &Settings) -> anyhow::Result<Telemetry> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&settings.log));
    let text = (settings.log_format == LogFormat::Text).then(tracing_subscriber::fmt::layer);
    let json = (settings.log_format == LogFormat::Json).then(|| {
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
    });
    let provider = match &settings.otlp.endpoint {
        Some(endpoint) => Some(tracer_provider(endpoint, &settings.otlp.service_name)?),
        None => None,
    };
    let otel = provider
        .as_ref()
        .map(|provider| tracing_opentelemetry::layer().with_tracer(provider.tracer("vigil")));
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(text)
        .with(json)
        .with(otel)
        .try_init();
    Ok(Telemetry { provider })
}

/// Logging for commands other than `serve`: `log` and `log_format`, no trace export.
pub fn init_logs(settings: &Settings) {
    let mut quiet = settings.clone();
    quiet.otlp.endpoint = None;
    let _ = init(&quiet);
}

/// A tracer provider that batches spans to `endpoint` (the full traces URL).
fn tracer_provider(
    endpoint: &str,
    service_name: &str,
) -> anyhow::Result<opentelemetry_sdk::trace::SdkTracerProvider> {
    use opentelemetry_otlp::WithExportConfig;
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
        .with_endpoint(endpoint)
        .build()
        .context("invalid setting otlp.endpoint: the exporter could not be built")?;
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(service_name.to_owned())
        .build();
    Ok(opentelemetry_sdk::trace::SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build())
}

/// The span of one HTTP request (for `TraceLayer`): its method and route template, never the
/// raw path or query.
pub fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("fallback", |p| p.as_str());
    tracing::info_span!("request", method = %request.method(), route = %route)
}
