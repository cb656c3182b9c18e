//! `package.json`: `dependencies`, `devDependencies`, `peerDependencies` and
//! `optionalDependencies`. serde_json validates the file and gives the position of a syntax
//! error; it keeps no spans, so a small scanner then walks the (now known valid) text for the
//! byte span of each dependency's key.

use std::ops::Range;

use super::{Dependency, ParseError, offset_of, rest_of_line};

const FIELDS: [&str; 4] = [
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
];

pub fn parse(text: &str) -> Result<Vec<Dependency>, ParseError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        let offset = offset_of(text, error.line(), error.column(), false);
        ParseError::new(error.to_string(), Some(rest_of_line(text, offset)))
    })?;
    let Some(object) = value.as_object() else {
        return Err(ParseError::new("the top level is not an object", None));
    };
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let found = scanner.dependency_keys();
    for field in FIELDS {
        if let Some(value) = object.get(field)
            && !value.is_object()
        {
            let span = found
                .fields
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, s)| s.clone());
            return Err(ParseError::new(format!("`{field}` is not an object"), span));
        }
    }
    Ok(found.keys)
}

#[derive(Default)]
struct Found {
    /// Dependency keys of the four fields, decoded, with the span inside the quotes.
    keys: Vec<Dependency>,
    /// The span of each of the four fields' own key.
    fields: Vec<(String, Range<usize>)>,
}

/// A cursor over text that serde_json has accepted; it never fails, it only stops early.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// At an opening quote: the span of the string's content, the cursor after its close.
    fn string(&mut self) -> Option<Range<usize>> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(start..self.pos - 1);
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    fn decode(&self, span: &Range<usize>) -> String {
        let quoted = self
            .text
            .get(span.start.saturating_sub(1)..span.end + 1)
            .unwrap_or("");
        serde_json::from_str(quoted).unwrap_or_default()
    }

    /// Skips any value: string, object, array, number, literal.
    fn skip_value(&mut self) {
        self.skip_ws();
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.pos += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
            }
        }
    }

    /// Walks the top-level object; inside each of [`FIELDS`], records the member keys.
    fn dependency_keys(&mut self) -> Found {
        let mut found = Found::default();
        if !self.eat(b'{') {
            return found;
        }
        loop {
            if self.eat(b'}') {
                break;
            }
            let Some(key) = self.string() else { break };
            if !self.eat(b':') {
                break;
            }
            let field = self.decode(&key);
            let wanted = FIELDS.contains(&field.as_str());
            if wanted {
                found.fields.push((field, key));
            }
            if wanted && self.eat(b'{') {
                loop {
                    if self.eat(b'}') {
                        break;
                    }
                    let Some(dep) = self.string() else {
                        return found;
                    };
                    if !self.eat(b':') {
                        return found;
                    }
                    found.keys.push(Dependency::new(self.decode(&dep), dep));
                    self.skip_value();
                    self.eat(b',');
                }
            } else {
                self.skip_value();
            }
            self.eat(b',');
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, String)> {
        match parse(text) {
            Ok(deps) => deps
                .into_iter()
                .map(|d| (d.name, text[d.span].to_string()))
                .collect(),
            Err(error) => panic!("should parse: {error:?}"),
        }
    }

    #[test]
    fn reads_the_four_fields_in_order() {
        let text = r#"{
  "name": "x",
  "scripts": {"dependencies": "not this one", "b": [1, {"c": "}"}]},
  "dependencies": {"kafkajs": "^2.2.4", "@confluentinc/kafka-javascript": "1.0"},
  "devDependencies": {"jest": "29"},
  "peerDependencies": {},
  "optionalDependencies": {"k\u0061fka-node": "5"}
}"#;
        assert_eq!(
            keys(text),
            vec![
                ("kafkajs".to_string(), "kafkajs".to_string()),
                (
                    "@confluentinc/kafka-javascript".to_string(),
                    "@confluentinc/kafka-javascript".to_string()
                ),
                ("jest".to_string(), "jest".to_string()),
                ("kafka-node".to_string(), "k\\u0061fka-node".to_string()),
            ]
        );
    }

    #[test]
    fn syntax_error_points_at_its_line() {
        let text = "{\n  \"dependencies\": {\n    \"kafkajs\": \"2\",\n  }\n}\n";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        let span = error.span.clone().unwrap_or_default();
        assert_eq!(&text[span], "}", "{error:?}");
    }

    #[test]
    fn wrong_shape_is_an_error_at_the_field() {
        let text = "{\"dependencies\": [\"kafkajs\"]}";
        let Err(error) = parse(text) else {
            panic!("should fail")
        };
        assert_eq!(&text[error.span.unwrap_or_default()], "dependencies");
    }
}
