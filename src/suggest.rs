//! "Did you mean" for every closed set: keys, categories, severities, rule ids.

/// The closest candidate to `given`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a, I>(given: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let given = given.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&given, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `` `a`, `b` or `c` `` for messages that list the valid values.
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids() {
        let ids = ["data-product-user", "framework-user", "framework-creator"];
        assert_eq!(did_you_mean("framework-usr", ids), Some("framework-user"));
        assert_eq!(did_you_mean("eror", ["error", "warning"]), Some("error"));
        assert_eq!(did_you_mean("banana", ids), None);
    }

    #[test]
    fn lists_values() {
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a"]), "`a`");
    }
}
