//! File-name conventions (`[adr] file-name`): `NNNN-kebab-title.md`, `YYYYMMDD-kebab-title.md`,
//! or, by default, whatever scheme most of the log follows.

use super::FileNameConvention;
use super::links::is_dated;

/// A file name split into its scheme (prefix, number, separator, extension) and its title.
#[derive(Debug, PartialEq, Eq)]
struct Parts<'a> {
    /// `adr-N-.md`: the name with its number as `N` (`YYYYMMDD` or `DATE` for dates) and its
    /// title left out.
    scheme: String,
    title: &'a str,
    /// The scheme for people: `adr-NNNN-title.md`.
    shown: String,
    /// `NNNN-title.md`, `YYYYMMDD-title.md`, or either after a word prefix such as `adr-` or
    /// `ODH-ADR-DR-`.
    canonical: bool,
}

const EXTENSIONS: [&str; 4] = [".html.md", ".html.markdown", ".md", ".markdown"];

fn parts(name: &str) -> Parts<'_> {
    let lower = name.to_ascii_lowercase();
    let extension = EXTENSIONS
        .iter()
        .find(|e| lower.ends_with(*e))
        .map_or("", |e| &name[name.len() - e.len()..]);
    let stem = &name[..name.len() - extension.len()];
    let Some(start) = stem.find(|c: char| c.is_ascii_digit()) else {
        return Parts {
            scheme: extension.to_string(),
            title: stem,
            shown: format!("title{extension}"),
            canonical: false,
        };
    };
    let bytes = stem.as_bytes();
    let digits_from = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // A date (2023-01-15), maybe followed by a number (2023-01-15_001), or a number.
    let (end, number) = if is_iso_date(&stem[start..]) {
        let mut end = start + 10;
        if matches!(bytes.get(end), Some(b'-' | b'_'))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            end = digits_from(end + 1);
        }
        (end, "YYYY-MM-DD")
    } else {
        let end = digits_from(start);
        let dated = end - start == 8 && is_dated(&stem[start..]);
        (end, if dated { "YYYYMMDD" } else { "#" })
    };
    let rest = &stem[end..];
    let separator_len = rest
        .bytes()
        .take_while(|b| matches!(b, b'-' | b'_' | b' ' | b'.'))
        .count();
    let (prefix, separator, title) = (
        &stem[..start],
        &rest[..separator_len],
        &rest[separator_len..],
    );
    let canonical = prefix
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        && number != "YYYY-MM-DD"
        && separator == "-"
        && !extension.to_ascii_lowercase().starts_with(".html");
    Parts {
        canonical,
        scheme: format!("{prefix}{number}{separator}{extension}"),
        title,
        shown: format!(
            "{prefix}{}{separator}{}{extension}",
            number.replace('#', "NNNN"),
            if title.is_empty() { "" } else { "title" }
        ),
    }
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Lower-case words joined by `-` (a `.` inside a word, as in `2.0`, is allowed).
fn is_kebab(title: &str) -> bool {
    !title.is_empty()
        && title.split('-').all(|word| {
            !word.is_empty()
                && !word.starts_with('.')
                && !word.ends_with('.')
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.')
        })
}

/// What keeps `title` from being kebab-case, for the message.
fn not_kebab(title: &str) -> String {
    let mut what = Vec::new();
    if title.contains(|c: char| c.is_uppercase()) {
        what.push("capitals");
    }
    if title.contains('_') {
        what.push("`_`");
    }
    if title.contains(' ') {
        what.push("spaces");
    }
    if title.contains(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '_' | ' ' | '.')) {
        what.push("other punctuation");
    }
    if what.is_empty() {
        what.push("empty words");
    }
    match what.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => what.concat(),
    }
}

/// How a log names its files: the scheme most of them share, and whether most titles are
/// kebab-case.
#[derive(Debug, Default)]
pub struct LogStyle {
    /// The majority's scheme, how to show it, and whether it is canonical.
    scheme: Option<(String, String, bool)>,
    kebab_titles: bool,
}

impl LogStyle {
    pub fn of(names: &[&str]) -> LogStyle {
        let all: Vec<Parts<'_>> = names.iter().map(|n| parts(n)).collect();
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for p in &all {
            *counts.entry(p.scheme.as_str()).or_default() += 1;
        }
        let scheme = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .filter(|(_, count)| **count >= 2 && **count * 2 > all.len())
            .and_then(|(scheme, _)| all.iter().find(|p| p.scheme == *scheme))
            .map(|p| (p.scheme.clone(), p.shown.clone(), p.canonical));
        let titled: Vec<&Parts<'_>> = all.iter().filter(|p| !p.title.is_empty()).collect();
        let kebab = titled.iter().filter(|p| is_kebab(p.title)).count();
        LogStyle {
            scheme,
            kebab_titles: kebab * 2 >= titled.len(),
        }
    }
}

/// The message for a file name that breaks `convention`, or `None` when it follows it.
pub fn check(name: &str, convention: FileNameConvention, log: &LogStyle) -> Option<String> {
    let parts = parts(name);
    let four_digits = name.len() > 5 && name.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    match convention {
        FileNameConvention::Any => None,
        FileNameConvention::NnnnKebab => (!(parts.scheme == "#-.md"
            && four_digits
            && !name.as_bytes()[4].is_ascii_digit()
            && is_kebab(parts.title)))
        .then(|| format!("the file name `{name}` does not follow `NNNN-kebab-title.md`")),
        FileNameConvention::DateKebab => (!(parts.scheme == "YYYYMMDD-.md"
            && is_kebab(parts.title)))
        .then(|| format!("the file name `{name}` does not follow `YYYYMMDD-kebab-title.md`")),
        FileNameConvention::Auto => {
            let scheme_ok = parts.canonical
                || log
                    .scheme
                    .as_ref()
                    .is_some_and(|(s, _, _)| *s == parts.scheme);
            if !scheme_ok {
                let expected = match &log.scheme {
                    Some((_, shown, false)) => format!("this log's scheme `{shown}`"),
                    _ => "`NNNN-kebab-title.md` (or `YYYYMMDD-kebab-title.md`)".to_string(),
                };
                return Some(format!("the file name `{name}` does not follow {expected}"));
            }
            // Case is not judged here: acronyms and names keep their capitals in dashed titles
            // (`0019-use-GPIO-pins.md`, MADR's own `0001-use-CC0-or-MIT-as-license.md`:
            // "title-with-dashes"). An explicit `nnnn-kebab` or `date-kebab` judges it.
            let title_ok = parts.title.is_empty()
                || is_kebab(&parts.title.to_ascii_lowercase())
                || !log.kebab_titles;
            (!title_ok).then(|| {
                format!(
                    "the file name `{name}` is not kebab-case: `{}` has {}",
                    parts.title,
                    not_kebab(parts.title)
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme(name: &str) -> (String, &str) {
        let p = parts(name);
        (p.scheme, p.title)
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("0007-use-nomad.md"), ("#-.md".into(), "use-nomad"));
        assert_eq!(scheme("adr-001-use-x.md"), ("adr-#-.md".into(), "use-x"));
        assert_eq!(scheme("ADR-12.md"), ("ADR-#.md".into(), ""));
        assert_eq!(
            scheme("ADR051-cell-capacity.html.md"),
            ("ADR#-.html.md".into(), "cell-capacity")
        );
        assert_eq!(
            scheme("2023-01-15_001-use-x.md"),
            ("YYYY-MM-DD-.md".into(), "use-x")
        );
        assert_eq!(
            scheme("20240115-use-x.md"),
            ("YYYYMMDD-.md".into(), "use-x")
        );
        assert_eq!(
            scheme("0009-translations-2.0.md"),
            ("#-.md".into(), "translations-2.0")
        );
        assert_eq!(scheme("dotenv.md"), (".md".into(), "dotenv"));
    }

    #[test]
    fn auto_accepts_the_canonical_and_the_log_s_own_scheme() {
        let log = LogStyle::of(&["adr-001-a.md", "adr-002-b.md", "adr-003-c.md"]);
        let check = |name| check(name, FileNameConvention::Auto, &log);
        assert_eq!(check("adr-004-d.md"), None);
        assert_eq!(check("0005-e.md"), None);
        assert_eq!(
            check("adr-006-Big_Name.md").as_deref(),
            Some(
                "the file name `adr-006-Big_Name.md` is not kebab-case: `Big_Name` has capitals and `_`"
            )
        );
        assert!(check("ADR_7.md").is_some_and(|m| m.contains("`NNNN-kebab-title.md`")));
        let log = LogStyle::of(&["ADR-1.md", "ADR-2.md", "ADR-3.md"]);
        let check = |name| super::check(name, FileNameConvention::Auto, &log);
        assert_eq!(check("ADR-4.md"), None);
        assert!(check("ADR_5.md").is_some_and(|m| m.contains("`ADR-NNNN.md`")));
    }

    #[test]
    fn auto_leaves_case_to_the_explicit_conventions() {
        let log = LogStyle::of(&["0001-use-rest.md", "0002-use-queues.md", "0003-use-SQL.md"]);
        let auto = |name| check(name, FileNameConvention::Auto, &log);
        assert_eq!(auto("0003-use-SQL.md"), None);
        assert_eq!(auto("0004-give-records-a-TTL-of-300.md"), None);
        // Other breaks still count, with the capitals named.
        assert_eq!(
            auto("0006-move_to_AWS.md").as_deref(),
            Some(
                "the file name `0006-move_to_AWS.md` is not kebab-case: `move_to_AWS` has capitals and `_`"
            )
        );
        assert!(auto("0007-move to AWS.md").is_some());
        // An explicit `nnnn-kebab` stays strict.
        assert!(check("0003-use-SQL.md", FileNameConvention::NnnnKebab, &log).is_some());
    }

    #[test]
    fn explicit_conventions() {
        let log = LogStyle::default();
        let nnnn = |name| check(name, FileNameConvention::NnnnKebab, &log);
        assert_eq!(nnnn("0007-use-nomad.md"), None);
        assert!(nnnn("007-use-nomad.md").is_some());
        assert!(nnnn("00007-use-nomad.md").is_some());
        assert!(nnnn("0007_use_nomad.md").is_some());
        let date = |name| check(name, FileNameConvention::DateKebab, &log);
        assert_eq!(date("20240115-index-storage.md"), None);
        assert!(date("0007-use-nomad.md").is_some());
    }
}
