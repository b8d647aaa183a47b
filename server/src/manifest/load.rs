//! Reading a file: YAML errors with the file, line and field at fault, then the checks that
//! need the whole file (names given twice, references to names the file does not declare are
//! left to the plan, which also knows what Vigil holds).

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;
use serde_saphyr::Spanned;

use super::spec::{Manifest, VERSION};

/// An error in the file, said as `vigil.yaml:12: monitors[2].interval: expected …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: u64,
    /// The field at fault, `monitors[2].interval`; empty for a syntax error.
    pub path: String,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => write!(f, "{}:{}: {}", self.file, self.line, self.message),
            false => write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.path, self.message
            ),
        }
    }
}

impl std::error::Error for FileError {}

/// Parses `text` (the content of `file`); `env` resolves `${NAME}` in settings maps.
pub fn parse(
    file: &str,
    text: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Manifest, FileError> {
    let mut path = String::new();
    let parsed: Result<Manifest, _> = serde_saphyr::with_deserializer_from_str(text, |de| {
        serde_path_to_error::deserialize(de).map_err(|err| {
            // `Spanned` adds a `value` level that the file does not have.
            path = err.path().to_string().replace(".value", "");
            err.into_inner()
        })
    });
    let mut manifest = parsed.map_err(|err| FileError {
        file: file.to_owned(),
        line: err.location().map(|l| l.line()).unwrap_or(1),
        path: if path == "." { String::new() } else { path },
        message: bare_message(&err.to_string()),
    })?;
    let at = |line: u64, path: String, message: String| FileError {
        file: file.to_owned(),
        line,
        path,
        message,
    };
    if manifest.version != VERSION {
        return Err(at(1, "version".into(), format!("must be {VERSION}")));
    }
    unique(&manifest.tags, "tags", "name", |t| &t.name).map_err(|(l, p, m)| at(l, p, m))?;
    unique(
        &manifest.notification_providers,
        "notificationProviders",
        "name",
        |p| &p.name,
    )
    .map_err(|(l, p, m)| at(l, p, m))?;
    unique(&manifest.tests, "tests", "title", |t| &t.title).map_err(|(l, p, m)| at(l, p, m))?;
    unique(&manifest.jobs, "jobs", "name", |j| &j.name).map_err(|(l, p, m)| at(l, p, m))?;
    unique(&manifest.monitors, "monitors", "name", |m| &m.name).map_err(|(l, p, m)| at(l, p, m))?;
    unique(&manifest.callbacks, "callbacks", "name", |c| &c.name)
        .map_err(|(l, p, m)| at(l, p, m))?;
    substitute_all(&mut manifest, env).map_err(|(l, p, m)| at(l, p, m))?;
    Ok(manifest)
}

/// The first line of the YAML library's message, without its own `line X column Y`.
fn bare_message(display: &str) -> String {
    let first = display.lines().next().unwrap_or(display);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.split_once(": ") {
        Some((place, rest)) if place.starts_with("line ") => rest.to_owned(),
        _ => first.to_owned(),
    }
}

type Located = (u64, String, String);

/// Refuses a list whose objects share a key, or have an empty one.
fn unique<T>(
    items: &[Spanned<T>],
    list: &str,
    key: &str,
    name: impl Fn(&T) -> &String,
) -> Result<(), Located> {
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let value = name(&item.value).trim();
        let line = item.referenced.line();
        if value.is_empty() {
            return Err((
                line,
                format!("{list}[{i}].{key}"),
                "must not be empty".into(),
            ));
        }
        if !seen.insert(value.to_owned()) {
            return Err((
                line,
                format!("{list}[{i}].{key}"),
                format!("`{value}` is already declared above"),
            ));
        }
    }
    Ok(())
}

/// Replaces `${NAME}` in every settings map with the environment's value.
fn substitute_all(m: &mut Manifest, env: &dyn Fn(&str) -> Option<String>) -> Result<(), Located> {
    for (i, p) in m.notification_providers.iter_mut().enumerate() {
        let line = p.referenced.line();
        if let Some(config) = &mut p.value.config {
            substitute(config, env)
                .map_err(|e| at_path(line, "notificationProviders", i, "config", e))?;
        }
    }
    for (i, c) in m.callbacks.iter_mut().enumerate() {
        let line = c.referenced.line();
        for (j, action) in c.value.actions.iter_mut().flatten().enumerate() {
            substitute(&mut action.config, env)
                .map_err(|e| at_path(line, "callbacks", i, &format!("actions[{j}].config"), e))?;
        }
    }
    for (i, mon) in m.monitors.iter_mut().enumerate() {
        let line = mon.referenced.line();
        let spec = &mut mon.value;
        for (name, section) in [("http", &mut spec.http), ("heartbeat", &mut spec.heartbeat)] {
            if let Some(section) = section {
                substitute(section, env).map_err(|e| at_path(line, "monitors", i, name, e))?;
            }
        }
    }
    Ok(())
}

fn at_path(line: u64, list: &str, i: usize, field: &str, message: String) -> Located {
    (line, format!("{list}[{i}].{field}"), message)
}

/// `${NAME}` anywhere in a string of `value`, from `env`; `$${` writes a literal `${`.
pub fn substitute(value: &mut Value, env: &dyn Fn(&str) -> Option<String>) -> Result<(), String> {
    match value {
        Value::String(text) => {
            *text = expand(text, env)?;
            Ok(())
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| substitute(v, env)),
        Value::Object(map) => map.values_mut().try_for_each(|v| substitute(v, env)),
        _ => Ok(()),
    }
}

fn expand(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('$') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        if let Some(tail) = after.strip_prefix("$${") {
            out.push_str("${");
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("${") {
            let end = tail
                .find('}')
                .ok_or_else(|| "`${` without its closing `}`".to_owned())?;
            let name = &tail[..end];
            let valid = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !name.starts_with(|c: char| c.is_ascii_digit());
            if !valid {
                return Err(format!("`${{{name}}}` is not an environment variable name"));
            }
            let value =
                env(name).ok_or_else(|| format!("environment variable {name} is not set"))?;
            out.push_str(&value);
            rest = &tail[end + 1..];
        } else {
            out.push('$');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        (name == "HOOK").then(|| "https://hooks.example.com/x".to_owned())
    }

    #[test]
    fn references_are_expanded_and_a_missing_one_is_named() {
        assert_eq!(
            expand("a ${HOOK} b", &env).as_deref(),
            Ok("a https://hooks.example.com/x b")
        );
        assert_eq!(
            expand("cost $5, $${HOOK}", &env).as_deref(),
            Ok("cost $5, ${HOOK}")
        );
        assert_eq!(
            expand("${NOPE}", &env),
            Err("environment variable NOPE is not set".to_owned())
        );
        assert!(expand("${A-B}", &env).is_err());
        assert!(expand("${HOOK", &env).is_err());
    }

    #[test]
    fn errors_name_the_file_line_and_field() {
        let text = "version: 1\nmonitors:\n  - name: a\n    type: HTTP\n  - name: b\n    type: HTTP\n    interval: soon\n";
        let err = parse("vigil.yaml", text, &env).expect_err("bad duration");
        assert_eq!(
            err.to_string(),
            "vigil.yaml:7: monitors[1].interval: expected a duration like 60s"
        );
        let err = parse(
            "v.yaml",
            "version: 1\ntags:\n  - name: a\n    colour: red\n",
            &env,
        )
        .expect_err("unknown field");
        assert_eq!(err.line, 4);
        assert_eq!(err.path, "tags[0].colour");
        assert!(err.message.contains("unknown field `colour`"), "{err}");
        let err = parse(
            "v.yaml",
            "version: 1\ntags:\n  - name: a\n  - name: a\n",
            &env,
        )
        .expect_err("twice");
        assert_eq!(
            err.to_string(),
            "v.yaml:4: tags[1].name: `a` is already declared above"
        );
    }
}
