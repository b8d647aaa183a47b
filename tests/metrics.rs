//! Reading `/metrics`: the Prometheus text format parsed strictly, and one series' value.

use std::collections::HashMap;

use crate::TestApp;

/// The samples of a Prometheus text exposition, keyed `name{labels}` exactly as written;
/// panics on a line that is not a comment or a `series value` pair.
pub fn parse_prometheus(text: &str) -> HashMap<String, f64> {
    let mut samples = HashMap::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (series, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("not a sample: {line:?}"));
        let value: f64 = match value {
            "+Inf" => f64::INFINITY,
            "-Inf" => f64::NEG_INFINITY,
            v => v
                .parse()
                .unwrap_or_else(|_| panic!("not a value: {line:?}")),
        };
        let name_ok = series.split('{').next().is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
        });
        assert!(name_ok, "not a metric name: {line:?}");
        if let Some(labels) = series.split_once('{').map(|(_, l)| l) {
            assert!(labels.ends_with('}'), "unclosed labels: {line:?}");
        }
        samples.insert(series.to_owned(), value);
    }
    samples
}

/// The value of the series named `name` whose labels include every `labels` pair (0 when
/// there is none).
pub fn value(samples: &HashMap<String, f64>, name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|(series, _)| {
            series.split('{').next() == Some(name)
                && labels
                    .iter()
                    .all(|(k, v)| series.contains(&format!("{k}=\"{v}\"")))
        })
        .map(|(_, v)| *v)
        .sum()
}

/// `GET /metrics` of `app` (with `token` as its bearer token), checked to be a 200 in the
/// Prometheus text format, parsed.
pub async fn scrape(app: &TestApp, token: Option<&str>) -> HashMap<String, f64> {
    let mut request = app.http.get(format!("{}/metrics", app.url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("GET /metrics");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    parse_prometheus(&response.text().await.expect("the text"))
}
