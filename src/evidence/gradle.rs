//! `build.gradle` and `build.gradle.kts`: dependency declarations such as
//! `implementation 'g:a:v'`, `api("g:a:v")`, `testImplementation group: 'g', name: 'a'` and
//! `implementation(platform("g:a:v"))`. Gradle scripts are programs, so no parser reads them
//! fully; a scanner blanks comments (keeping offsets) and reads declarations that start a
//! statement. Version-catalog references (`libs.kafka.clients`) and `project(…)` are not
//! coordinates and are skipped.

use std::sync::LazyLock;

use regex::Regex;

use super::Dependency;

/// A dependency configuration at the start of a statement.
static CONFIGURATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^|[;{])[ \t]*(?:[a-z][A-Za-z0-9]*(?:Implementation|Api|CompileOnly|Compile|RuntimeOnly|Runtime|AnnotationProcessor)|implementation|api|compileOnly|compile|runtimeOnly|runtime|annotationProcessor|kapt|ksp|providedCompile|providedRuntime|provided|developmentOnly|shadow)\b",
    )
    .ok()
});

pub fn parse(text: &str) -> Vec<Dependency> {
    let code = blank_comments(text);
    let Some(configuration) = CONFIGURATION.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for found in configuration.find_iter(&code) {
        let mut cursor = Cursor {
            text: &code,
            pos: found.end(),
        };
        cursor.arguments(&mut out);
    }
    out
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.text[self.pos..].starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    /// A single- or double-quoted string on one line: the span of its content.
    fn string(&mut self) -> Option<std::ops::Range<usize>> {
        self.skip_ws();
        let quote = self.text[self.pos..]
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')?;
        let start = self.pos + 1;
        let len = self.text[start..].find([quote, '\n'])?;
        if !self.text[start + len..].starts_with(quote) {
            return None;
        }
        self.pos = start + len + 1;
        Some(start..start + len)
    }

    /// After a configuration name: `'g:a:v'`, `('g:a:v')`, `'a:b:1', 'c:d:2'`,
    /// `(platform('g:a:v'))` or `group: 'g', name: 'a'` (`group = "g", name = "a"` in Kotlin).
    fn arguments(&mut self, out: &mut Vec<Dependency>) {
        self.eat("(");
        let _ = self.eat("platform(") || self.eat("enforcedPlatform(");
        let mark = self.pos;
        if let Some(group) = self.named("group") {
            if self.eat(",")
                && let Some(name) = self.named("name")
            {
                let coordinates = format!("{}:{}", &self.text[group], &self.text[name.clone()]);
                out.push(Dependency::new(coordinates, name));
            }
            return;
        }
        self.pos = mark;
        while let Some(span) = self.string() {
            if let Some(dependency) = coordinates(self.text, span) {
                out.push(dependency);
            }
            if !self.eat(",") {
                break;
            }
        }
    }

    /// `key: 'value'` or `key = "value"`: the value's span.
    fn named(&mut self, key: &str) -> Option<std::ops::Range<usize>> {
        if !self.eat(key) {
            return None;
        }
        if !(self.eat(":") || self.eat("=")) {
            return None;
        }
        self.string()
    }
}

/// `group:name[:version[:classifier]]` in a string: the dependency, spanning `group:name`.
fn coordinates(text: &str, span: std::ops::Range<usize>) -> Option<Dependency> {
    let content = &text[span.clone()];
    let mut parts = content.split(':');
    let group = parts.next()?;
    let name = parts.next()?;
    let valid = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    };
    if !valid(group) || !valid(name) {
        return None;
    }
    let len = group.len() + 1 + name.len();
    Some(Dependency::new(
        &content[..len],
        span.start..span.start + len,
    ))
}

/// The script with comments replaced by spaces (line breaks kept), so that byte offsets stay
/// those of the file. Strings are kept whole, so `"http://x"` is not a comment.
fn blank_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |p| i + 2 + p + 2);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"\"\"\"") {
            i = text[i + 3..]
                .find("\"\"\"")
                .map_or(bytes.len(), |p| i + 3 + p + 3);
        } else if rest[0] == b'"' || rest[0] == b'\'' {
            let quote = rest[0];
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            i = (j + 1).min(bytes.len());
        } else {
            i += 1;
        }
    }
    // Only whole comments were blanked, and they end at ASCII delimiters, so this is UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, String)> {
        parse(text)
            .into_iter()
            .map(|d| (d.name, text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn groovy_declarations() {
        let text = r#"
plugins { id 'java' }
dependencies {
    implementation 'org.apache.kafka:kafka-clients:3.6.0'
    // implementation 'org.apache.spark:spark-core_2.13:3.5.0'
    /* api 'io.ray:ray-api:2.9.0' */
    testImplementation group: 'org.apache.flink', name: 'flink-test-utils', version: '1.18.0'
    runtimeOnly 'a.b:c:1', 'org.apache.zookeeper:zookeeper:3.9.1'
    implementation project(':core')
    compileOnly "org.projectlombok:lombok:${lombokVersion}"
    def url = "http://not/a:comment"
}
"#;
        assert_eq!(
            shown(text),
            vec![
                (
                    "org.apache.kafka:kafka-clients".to_string(),
                    "org.apache.kafka:kafka-clients".to_string()
                ),
                (
                    "org.apache.flink:flink-test-utils".to_string(),
                    "flink-test-utils".to_string()
                ),
                ("a.b:c".to_string(), "a.b:c".to_string()),
                (
                    "org.apache.zookeeper:zookeeper".to_string(),
                    "org.apache.zookeeper:zookeeper".to_string()
                ),
                (
                    "org.projectlombok:lombok".to_string(),
                    "org.projectlombok:lombok".to_string()
                ),
            ]
        );
    }

    #[test]
    fn kotlin_declarations() {
        let text = r#"dependencies {
    implementation("org.apache.spark:spark-sql_2.13:3.5.0")
    implementation(platform("org.apache.beam:beam-sdks-java-bom:2.52.0"))
    testImplementation(kotlin("test"))
    implementation(libs.kafka.clients)
    api(group = "io.etcd", name = "jetcd-core", version = "0.7.7")
    implementation(
        "org.apache.flink:flink-clients:1.18.0"
    )
}"#;
        let names: Vec<String> = parse(text).into_iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            vec![
                "org.apache.spark:spark-sql_2.13",
                "org.apache.beam:beam-sdks-java-bom",
                "io.etcd:jetcd-core",
                "org.apache.flink:flink-clients",
            ]
        );
    }

    #[test]
    fn comments_keep_offsets() {
        let text = "a /* é */ b // ü\nc";
        let blanked = blank_comments(text);
        assert_eq!(blanked.len(), text.len());
        assert!(blanked.starts_with("a ") && blanked.ends_with("\nc"));
        assert!(!blanked.contains('é') && !blanked.contains('ü'));
    }
}
