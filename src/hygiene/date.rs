//! Calendar dates without a date library: ISO 8601 `YYYY-MM-DD` parsing and today's date from
//! the system clock (or `ADRLINT_TODAY`, so runs and tests can pin it).

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// Pins "today" for the future-date check, as `YYYY-MM-DD` (tests, reproducible CI runs).
pub const TODAY_VARIABLE: &str = "ADRLINT_TODAY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Today: `ADRLINT_TODAY` when set and valid, else the system clock (UTC).
    pub fn today() -> Date {
        if let Some(date) = std::env::var(TODAY_VARIABLE)
            .ok()
            .and_then(|value| parse_iso(value.trim()))
        {
            return date;
        }
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The civil date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(1970),
        month: u32::try_from(month).unwrap_or(1),
        day: u32::try_from(day).unwrap_or(1),
    }
}

/// Exactly `YYYY-MM-DD`, a real calendar date.
pub fn parse_iso(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    Date::new(year, digits(5..7)?, digits(8..10)?)
}

/// The date a `Date:` value states: its first word must be `YYYY-MM-DD` (a time may follow
/// after `T` or a space; trailing text such as "(revised …)" is allowed). `Err` holds the
/// value as written, for the message.
pub fn parse_date_value(value: &str) -> Result<Date, String> {
    let value = value
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`' || c == '"' || c == '\'');
    let first = value
        .split(|c: char| c.is_whitespace() || c == 'T' || c == ',' || c == ';' || c == '(')
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    parse_iso(first).ok_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_iso("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(parse_iso("2023-02-29"), None);
        assert_eq!(parse_iso("2023-13-01"), None);
        assert_eq!(parse_iso("2023-1-01"), None);
        assert_eq!(parse_iso("01/02/2023"), None);
    }

    #[test]
    fn values_with_trailing_text() {
        assert_eq!(
            parse_date_value("2020-01-02 (revised)"),
            Ok(Date {
                year: 2020,
                month: 1,
                day: 2
            })
        );
        assert_eq!(
            parse_date_value("2020-01-02T10:00:00Z"),
            Ok(Date {
                year: 2020,
                month: 1,
                day: 2
            })
        );
        assert_eq!(
            parse_date_value("**2020-01-02**."),
            Ok(Date {
                year: 2020,
                month: 1,
                day: 2
            })
        );
        assert_eq!(
            parse_date_value("15/03/2019 (approx)"),
            Err("15/03/2019 (approx)".to_string())
        );
    }

    #[test]
    fn days_since_the_epoch() {
        assert_eq!(from_days(0).to_string(), "1970-01-01");
        assert_eq!(from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(from_days(-1).to_string(), "1969-12-31");
    }
}
