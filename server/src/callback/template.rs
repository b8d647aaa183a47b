//! Templates over a trigger: `{{request.body.order.id}}`, `{{request.query.ref}}`,
//! `{{request.headers.x-event}}`, `{{request.method}}`, `{{response.status}}`,
//! `{{callback.name}}`, `{{trigger.id}}`, `{{trigger.time}}`. Strings are inserted as they are,
//! other values as JSON; a missing value renders as nothing.

use serde_json::Value;

/// Looks `path` (dot separated; numbers index arrays) up in `context`.
pub fn lookup<'a>(context: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = context;
    for segment in path.split('.') {
        current = match current {
            Value::Object(map) => map.get(segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

/// Fills the `{{ path }}` placeholders of `template` from `context`.
pub fn render(template: &str, context: &Value) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let path = after[..end].trim();
        match lookup(context, path) {
            Some(Value::String(s)) => out.push_str(s),
            Some(Value::Null) | None => {}
            Some(other) => out.push_str(&other.to_string()),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Checks that a template's placeholders are closed and name known roots.
pub fn check(field: &str, template: &str) -> crate::error::AppResult<()> {
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(crate::error::AppError::field(
                field,
                "has a '{{' without '}}'",
            ));
        };
        let path = after[..end].trim();
        let root = path.split('.').next().unwrap_or_default();
        if !["request", "response", "callback", "trigger"].contains(&root) {
            return Err(crate::error::AppError::field(
                field,
                format!(
                    "{{{{{path}}}}} is unknown: placeholders start with request, response, callback or trigger"
                ),
            ));
        }
        rest = &after[end + 2..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_paths() {
        let ctx = json!({ "request": { "body": { "order": { "id": 42, "items": [{ "sku": "A1" }] }, "note": "hi" } }, "callback": { "name": "orders" } });
        assert_eq!(
            render(
                "order {{request.body.order.id}} ({{ request.body.order.items.0.sku }})",
                &ctx
            ),
            "order 42 (A1)"
        );
        assert_eq!(
            render(
                "{{request.body.note}} from {{callback.name}}{{request.body.missing}}",
                &ctx
            ),
            "hi from orders"
        );
        assert_eq!(
            render("{{request.body.order.items}}", &ctx),
            r#"[{"sku":"A1"}]"#
        );
        assert_eq!(render("open {{ never", &ctx), "open {{ never");
        assert!(check("t", "{{request.body.x}}").is_ok());
        assert!(check("t", "{{env.SECRET}}").is_err());
        assert!(check("t", "{{request").is_err());
    }
}
