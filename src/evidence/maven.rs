//! `pom.xml`: every `<dependency>` of a `<dependencies>` list (the project's, in
//! `<dependencyManagement>`, in profiles), named `groupId:artifactId`, read with roxmltree,
//! which keeps the byte range of every node.

use roxmltree::{Document, Node};

use super::{Dependency, ParseError, offset_of, rest_of_line};

pub fn parse(text: &str) -> Result<Vec<Dependency>, ParseError> {
    let document = Document::parse(text).map_err(|error| {
        let pos = error.pos();
        let offset = offset_of(text, pos.row as usize, pos.col as usize, true);
        ParseError::new(error.to_string(), Some(rest_of_line(text, offset)))
    })?;
    let mut out = Vec::new();
    for node in document.descendants() {
        if !is(node, "dependency") || !node.parent_element().is_some_and(|p| is(p, "dependencies"))
        {
            continue;
        }
        let (Some(group), Some(artifact)) = (child(node, "groupId"), child(node, "artifactId"))
        else {
            continue;
        };
        let name = format!("{}:{}", group.0, artifact.0);
        out.push(Dependency::new(name, artifact.1));
    }
    Ok(out)
}

fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The trimmed text of the child element `name` and its byte range.
fn child<'a>(node: Node<'a, '_>, name: &str) -> Option<(&'a str, std::ops::Range<usize>)> {
    let element = node.children().find(|c| is(*c, name))?;
    let text_node = element.first_child().filter(|c| c.is_text())?;
    let raw = text_node.text()?;
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let range = text_node.range();
    let lead = raw.len() - raw.trim_start().len();
    let start = range.start + lead;
    let span = start..start + trimmed.len();
    // With entities (`&amp;`) the source differs from the decoded text: span the element.
    let source = node.document().input_text();
    if source.get(span.clone()) == Some(trimmed) {
        Some((trimmed, span))
    } else {
        Some((trimmed, element.range()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dependencies_with_spans() {
        let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId> kafka-clients </artifactId>
      <version>3.6.0</version>
    </dependency>
    <dependency><artifactId>no-group</artifactId></dependency>
  </dependencies>
  <dependencyManagement><dependencies><dependency>
    <groupId>org.apache.flink</groupId><artifactId>flink-streaming-java</artifactId>
  </dependency></dependencies></dependencyManagement>
</project>"#;
        let deps = match parse(text) {
            Ok(deps) => deps,
            Err(error) => panic!("{error:?}"),
        };
        let shown: Vec<(String, &str)> = deps
            .iter()
            .map(|d| (d.name.clone(), &text[d.span.clone()]))
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    "org.apache.kafka:kafka-clients".to_string(),
                    "kafka-clients"
                ),
                (
                    "org.apache.flink:flink-streaming-java".to_string(),
                    "flink-streaming-java"
                ),
            ]
        );
    }

    #[test]
    fn entities_fall_back_to_the_element() {
        let text = "<project><dependencies><dependency><groupId>a</groupId><artifactId>b&amp;é</artifactId></dependency></dependencies></project>";
        let deps = parse(text).unwrap_or_default();
        assert_eq!(deps[0].name, "a:b&é");
        assert_eq!(
            &text[deps[0].span.clone()],
            "<artifactId>b&amp;é</artifactId>"
        );
    }

    #[test]
    fn malformed_xml_has_a_span_on_its_line() {
        let text = "<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        let span = error.span.clone().unwrap_or_default();
        assert!(text[span].contains("</dependencies>"), "{error:?}");
    }
}
