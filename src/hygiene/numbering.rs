//! How a log numbers its ADRs: sequentially, by date, or sparsely (by pull request or issue).
//! `adrlint init` reports the scheme, and the log pass reports `number-gap` only in a
//! sequential log.

use super::links::is_dated;

/// How a log numbers its ADRs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// 1, 2, 3…, maybe with a few numbers missing (which `number-gap` is for).
    Sequential,
    /// Most file names start with a date (`2021-03-04-use-kafka.md`, `20210304-…`).
    Dated,
    /// More than two numbers missing per number present: numbered by pull request or issue (7, 123, 456).
    Sparse,
    /// Too few numbered or dated files to tell.
    TooFew,
}

/// Fewer numbered (or dated) ADRs than this tell nothing about the scheme.
const MIN_TO_TELL: usize = 3;

/// The numbering of a log from its ADRs' file names and numbers (from the name, else the
/// title, as the log rules read them).
pub fn classify_numbering(files: &[(&str, Option<u32>)]) -> Numbering {
    let dated = files
        .iter()
        .filter(|(name, _)| starts_with_date(name))
        .count();
    if dated >= MIN_TO_TELL && dated * 2 > files.len() {
        return Numbering::Dated;
    }
    let mut numbers: Vec<u32> = files.iter().filter_map(|(_, number)| *number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let (Some(&first), Some(&last)) = (numbers.first(), numbers.last()) else {
        return Numbering::TooFew;
    };
    if numbers.len() < MIN_TO_TELL {
        return Numbering::TooFew;
    }
    let present = numbers.len() as u64;
    let missing = u64::from(last) - u64::from(first) + 1 - present;
    // A deleted or renumbered ADR leaves a few holes; pull-request numbers leave many more
    // holes than ADRs.
    if missing > 2 * present {
        Numbering::Sparse
    } else {
        Numbering::Sequential
    }
}

/// `2021-03-04-…` or `20210304-…`, after an optional `adr-` prefix.
fn starts_with_date(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("adr")
        .map_or(lower.as_str(), |r| r.trim_start_matches(['-', '_', ' ']));
    let iso = rest.len() > 10
        && rest.bytes().take(10).enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    iso || is_dated(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbering(files: &[(&str, Option<u32>)]) -> Numbering {
        classify_numbering(files)
    }

    #[test]
    fn sequential_numbers_even_with_a_hole() {
        let files = [
            ("0001-a.md", Some(1)),
            ("0002-b.md", Some(2)),
            ("0003-c.md", Some(3)),
            ("0005-e.md", Some(5)),
        ];
        assert_eq!(numbering(&files), Numbering::Sequential);
        // A log may start late: the first number is no gap.
        let late = [
            ("0040-a.md", Some(40)),
            ("0041-b.md", Some(41)),
            ("0042-c.md", Some(42)),
        ];
        assert_eq!(numbering(&late), Numbering::Sequential);
    }

    #[test]
    fn pull_request_numbers_are_sparse() {
        let files = [
            ("0007-a.md", Some(7)),
            ("0123-b.md", Some(123)),
            ("0456-c.md", Some(456)),
            ("0802-d.md", Some(802)),
        ];
        assert_eq!(numbering(&files), Numbering::Sparse);
        // Pull-request numbers in the hundreds and thousands.
        let prs = [
            ("0263-a.md", Some(263)),
            ("1144-b.md", Some(1144)),
            ("1751-c.md", Some(1751)),
            ("1891-d.md", Some(1891)),
        ];
        assert_eq!(numbering(&prs), Numbering::Sparse);
        // A few holes per ADR are still a sequence: 1, 2 and 9 (a few withdrawn).
        let holes = [
            ("0001-a.md", Some(1)),
            ("0002-b.md", Some(2)),
            ("0009-c.md", Some(9)),
        ];
        assert_eq!(numbering(&holes), Numbering::Sequential);
    }

    #[test]
    fn dated_names() {
        let files = [
            ("2021-03-04-use-kafka.md", None),
            ("2021-05-17-use-flink.md", None),
            ("20220110-use-airflow.md", None),
            ("notes.md", None),
        ];
        assert_eq!(numbering(&files), Numbering::Dated);
    }

    #[test]
    fn too_few_to_tell() {
        assert_eq!(numbering(&[]), Numbering::TooFew);
        assert_eq!(
            numbering(&[("0001-a.md", Some(1)), ("0900-b.md", Some(900))]),
            Numbering::TooFew
        );
        let unnumbered = [("use-a.md", None), ("use-b.md", None), ("use-c.md", None)];
        assert_eq!(numbering(&unnumbered), Numbering::TooFew);
        let two_dated = [("2021-03-04-a.md", None), ("2021-03-05-b.md", None)];
        assert_eq!(numbering(&two_dated), Numbering::TooFew);
    }
}
