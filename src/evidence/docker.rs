//! `docker-compose*.yml` and `compose*.yaml`: each service's `image:`, read with
//! serde-saphyr, whose `Spanned` values carry byte offsets.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Dependency, ParseError, offset_of, rest_of_line};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Compose {
    services: BTreeMap<String, Option<Service>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Service {
    image: Option<Spanned<String>>,
}

pub fn parse(text: &str) -> Result<Vec<Dependency>, ParseError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let compose: Option<Compose> = serde_saphyr::from_str(text).map_err(|error| {
        // Some errors carry only a line and column, not a byte offset.
        let span = error.location().and_then(|l| {
            let offset = match l.span().byte_offset() {
                Some(offset) => usize::try_from(offset).ok()?,
                None if l.line() > 0 => offset_of(
                    text,
                    usize::try_from(l.line()).ok()?,
                    usize::try_from(l.column()).ok()?,
                    true,
                ),
                None => return None,
            };
            Some(rest_of_line(text, offset))
        });
        let message = error.to_string();
        let first = message.lines().next().unwrap_or("invalid YAML");
        ParseError::new(strip_position(first), span)
    })?;
    let mut out = Vec::new();
    for service in compose.unwrap_or_default().services.into_values().flatten() {
        let Some(image) = service.image else {
            continue;
        };
        let span = image.referenced.span();
        let span = match (span.byte_offset(), span.byte_len()) {
            (Some(start), Some(len)) => {
                let start = usize::try_from(start).unwrap_or(0).min(text.len());
                let len = usize::try_from(len).unwrap_or(0);
                let end = start.saturating_add(len).min(text.len());
                narrow(text, start..end, &image.value)
            }
            _ => 0..0,
        };
        out.push(Dependency::new(image.value, span));
    }
    out.sort_by_key(|d| d.span.start);
    Ok(out)
}

/// `error: line 3 column 12: unclosed quote` → `unclosed quote`: the label shows where.
fn strip_position(message: &str) -> String {
    let rest = message.strip_prefix("error: ").unwrap_or(message);
    match rest.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((position, what)) if position.contains(" column ") => what.to_string(),
        _ => rest.to_string(),
    }
}

/// The image name inside its scalar's span (which includes any quotes).
fn narrow(text: &str, span: std::ops::Range<usize>, value: &str) -> std::ops::Range<usize> {
    match text.get(span.clone()).and_then(|raw| raw.find(value)) {
        Some(at) => span.start + at..span.start + at + value.len(),
        None => span,
    }
}

/// Matching names for an image reference: without tag or digest, without the Docker Hub
/// prefixes (`docker.io/`, `library/`), and without any other registry host.
pub fn candidates(image: &str) -> Vec<String> {
    let mut name = image.trim().to_ascii_lowercase();
    if let Some(at) = name.find('@') {
        name.truncate(at);
    }
    let last_slash = name.rfind('/').map_or(0, |i| i + 1);
    if let Some(colon) = name[last_slash..].find(':') {
        name.truncate(last_slash + colon);
    }
    for prefix in ["docker.io/", "index.docker.io/", "registry.hub.docker.com/"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest.to_string();
        }
    }
    if let Some(rest) = name.strip_prefix("library/") {
        name = rest.to_string();
    }
    let mut out = vec![name.clone()];
    if let Some((host, rest)) = name.split_once('/')
        && (host.contains('.') || host.contains(':') || host == "localhost")
    {
        out.push(rest.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_service_images_with_spans() {
        let text = "x-common: &common\n  restart: always\nservices:\n  broker:\n    <<: *common\n    image: \"bitnami/kafka:3.6\"\n  app:\n    build: .\n  spark:\n    image: apache/spark:3.5.0\n";
        let deps = match parse(text) {
            Ok(deps) => deps,
            Err(error) => panic!("{error:?}"),
        };
        let shown: Vec<(&str, &str)> = deps
            .iter()
            .map(|d| (d.name.as_str(), &text[d.span.clone()]))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("bitnami/kafka:3.6", "bitnami/kafka:3.6"),
                ("apache/spark:3.5.0", "apache/spark:3.5.0"),
            ]
        );
    }

    #[test]
    fn malformed_yaml_has_a_span() {
        let text = "services:\n  broker:\n    image: [bitnami/kafka\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert!(error.span.is_some(), "{error:?}");
    }

    #[test]
    fn unclosed_quote_is_located_by_line_and_column() {
        let text = "services:\n  broker:\n    image: \"bitnami/kafka:3.7\n  app:\n    build: .\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        let span = error.span.clone().unwrap_or_default();
        assert!(text[span].starts_with("\"bitnami"), "{error:?}");
        assert!(!error.message.contains("line 3"), "{error:?}");
    }

    #[test]
    fn image_names_normalise() {
        assert_eq!(candidates("flink:1.18-scala_2.12"), vec!["flink"]);
        assert_eq!(candidates("docker.io/library/flink"), vec!["flink"]);
        assert_eq!(
            candidates("quay.io/strimzi/kafka:0.38.0@sha256:abc"),
            vec!["quay.io/strimzi/kafka", "strimzi/kafka"]
        );
        assert_eq!(
            candidates("localhost:5000/apache/spark:3"),
            vec!["localhost:5000/apache/spark", "apache/spark"]
        );
    }
}
