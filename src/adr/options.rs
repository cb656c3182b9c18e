//! Which considered option a record chose: by its name ("Chosen option: \"Use Nomad\""), or by
//! a reference to it ("Chosen option: Option 3", "We will go with option 2", "Option B is
//! chosen", "We choose the second approach"). The chosen option's title, and the text under a
//! chosen option's heading, are read as decision text; the other options stay options.

use std::sync::LazyLock;

use regex::Regex;

use super::prose::{Block, OptionRole, Sentence};
use super::{Section, SectionKind};

/// How a sentence points at one of the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKey {
    /// "option 2", "alternative #3"
    Numbered(usize),
    /// "Option B"
    Lettered(usize),
    /// "the second approach" (1-based), or the last one (`usize::MAX`)
    Ordinal(usize),
}

const LABEL: &str = r"(?:option|alternative|approach|proposal|solution|variant)";
const KEY: &str = r"(?:#\s*)?(\d{1,2}|[a-e]\b|one|two|three|four|five)";
const ORDINAL: &str = r"(first|second|third|fourth|fifth|last)";
const CHOOSE: &str = r"(?:chosen\s+option|decided\s+(?:to\s+go\s+with|on|for)|(?:go|going|went)\s+with|choose|chose|chosen|pick|picked|select|selected|prefer|preferred|opt(?:ed)?\s+for|recommend|recommended|adopt|adopted|decision\s+is)";
const CHOSEN: &str = r"(?:is|was|has\s+been|will\s+be|gets|got)\s+(?:chosen|selected|accepted|preferred|adopted|taken|picked)";

static REFERENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{CHOOSE}\s*:?\s*[*_]*\s*(?:the\s+)?{LABEL}\s*{KEY}|\b{LABEL}\s*{KEY}[*_]*\s+{CHOSEN}|\b{CHOOSE}\s+the\s+{ORDINAL}\s+(?:option|alternative)|\bthe\s+{ORDINAL}\s+(?:option|alternative)\s+{CHOSEN}"
    ))
    .ok()
});

/// An option's own label at the start of its title: "Option 3: …", "3. …", "B) …".
static TITLE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\A[\s*_]*(?:{LABEL}\s*(?:#\s*)?(?P<key>\d{{1,2}}|[a-e]\b|one|two|three|four|five)|(?P<bare>\d{{1,2}}|[a-e])\s*[.):])"
    ))
    .ok()
});

fn key_value(key: &str) -> Option<OptionKey> {
    let lower = key.to_ascii_lowercase();
    let word = ["one", "two", "three", "four", "five"]
        .iter()
        .position(|w| *w == lower)
        .map(|i| i + 1);
    if let Some(n) = word.or_else(|| lower.parse().ok()) {
        return Some(OptionKey::Numbered(n));
    }
    let letter = *lower.as_bytes().first()?;
    (lower.len() == 1 && letter.is_ascii_lowercase())
        .then(|| OptionKey::Lettered(usize::from(letter - b'a') + 1))
}

/// The option a decision sentence refers to, unless it is negated ("we did not choose option 2").
pub fn reference(text: &str) -> Option<OptionKey> {
    let regex = REFERENCE.as_ref()?;
    let found = regex.captures(text)?;
    let whole = found.get(0)?;
    let before = text[..whole.start()].to_ascii_lowercase();
    let tail = &before[before.len().saturating_sub(12)..];
    if tail.contains("not ") || tail.contains("n't ") || tail.contains("never ") {
        return None;
    }
    // Groups 1 and 2 hold a key, 3 and 4 an ordinal.
    if let Some(key) = found.get(1).or_else(|| found.get(2)) {
        return key_value(key.as_str());
    }
    let ordinal = found
        .get(3)
        .or_else(|| found.get(4))?
        .as_str()
        .to_ascii_lowercase();
    let n = ["first", "second", "third", "fourth", "fifth"]
        .iter()
        .position(|w| *w == ordinal)
        .map_or(usize::MAX, |i| i + 1);
    Some(OptionKey::Ordinal(n))
}

/// The label an option's title carries, if any.
pub fn title_label(title: &str) -> Option<OptionKey> {
    let found = TITLE_LABEL.as_ref()?.captures(title)?;
    let key = found.name("key").or_else(|| found.name("bare"))?;
    key_value(key.as_str())
}

/// Marks the chosen option's titles (`OptionRole::ChosenTitle`) and the text under a chosen
/// option's heading (`OptionRole::ChosenBody`), from the chosen name when it names a title,
/// else from the first reference to an option in the decision text.
pub fn mark_chosen(sentences: &mut [Sentence], sections: &[Section], chosen: Option<&str>) {
    let titles: Vec<usize> = (0..sentences.len())
        .filter(|&i| sentences[i].option == OptionRole::Title)
        .collect();
    if titles.is_empty() {
        return;
    }
    let mut marked = false;
    if let Some(chosen) = chosen.map(comparable).filter(|c| c.len() >= 3) {
        for &i in &titles {
            let title = comparable(&sentences[i].text);
            if title.starts_with(&chosen) || (title.len() >= 3 && chosen.starts_with(&title)) {
                sentences[i].option = OptionRole::ChosenTitle;
                marked = true;
            }
        }
    }
    if !marked {
        let key = sentences
            .iter()
            .filter(|s| s.kind == SectionKind::Decision && s.option == OptionRole::None)
            .find_map(|s| reference(&s.text))
            .or_else(|| chosen.and_then(reference));
        // "Option A — …" set out in the decision text itself is the option referred to, not
        // the considered option that happens to carry the same letter.
        let defined_here = |key: OptionKey| {
            sentences
                .iter()
                .any(|s| s.kind != SectionKind::Options && title_label(&s.text) == Some(key))
        };
        if let Some(key) = key.filter(|&k| !defined_here(k)) {
            for i in resolve(sentences, sections, &titles, key) {
                sentences[i].option = OptionRole::ChosenTitle;
            }
        }
    }
    mark_bodies(sentences, sections);
}

/// The titles `key` designates: those whose own label is the key, else (when no title carries
/// a label) the key's position in the list of options. MADR repeats its options as the
/// headings of "Pros and Cons of the Options": positions restart where the first title
/// comes again.
fn resolve(
    sentences: &[Sentence],
    sections: &[Section],
    titles: &[usize],
    key: OptionKey,
) -> Vec<usize> {
    let labels: Vec<Option<OptionKey>> = titles
        .iter()
        .map(|&i| title_label(&sentences[i].text))
        .collect();
    let wanted = match key {
        OptionKey::Ordinal(_) => None,
        labelled => Some(labelled),
    };
    if labels.iter().any(Option::is_some) && wanted.is_some() {
        return titles
            .iter()
            .zip(&labels)
            .filter(|(_, label)| **label == wanted)
            .map(|(&i, _)| i)
            .collect();
    }
    let position = match key {
        OptionKey::Numbered(n) | OptionKey::Lettered(n) | OptionKey::Ordinal(n) => n,
    };
    // By position only among headings of one level: list items under options are as often
    // an option's details as options.
    let headings: Vec<usize> = titles
        .iter()
        .copied()
        .filter(|&i| sentences[i].block == Block::Heading)
        .collect();
    let Some(&first_heading) = headings.first() else {
        return Vec::new();
    };
    let level = |i: usize| {
        sentences[i]
            .section
            .and_then(|s| sections.get(s))
            .map(|s| s.level)
    };
    let headings: Vec<usize> = headings
        .into_iter()
        .filter(|&i| level(i) == level(first_heading))
        .collect();
    let first = comparable(&sentences[first_heading].text);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in &headings {
        if runs.is_empty() || comparable(&sentences[i].text) == first {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(i);
        }
    }
    runs.iter()
        .filter_map(|run| {
            if position == usize::MAX {
                run.last().copied()
            } else {
                run.get(position.checked_sub(1)?).copied()
            }
        })
        .collect()
}

/// The sentences under a chosen option's heading (and its sub-headings) describe what was
/// chosen.
fn mark_bodies(sentences: &mut [Sentence], sections: &[Section]) {
    let chosen_sections: Vec<usize> = sentences
        .iter()
        .filter(|s| s.option == OptionRole::ChosenTitle && s.block == Block::Heading)
        .filter_map(|s| s.section)
        .collect();
    for start in chosen_sections {
        let Some(level) = sections.get(start).map(|s| s.level) else {
            continue;
        };
        let end = (start + 1..sections.len())
            .find(|&i| sections[i].level <= level)
            .unwrap_or(sections.len());
        for sentence in sentences.iter_mut() {
            if sentence.section.is_some_and(|s| (start..end).contains(&s))
                && sentence.option == OptionRole::None
                && sentence.kind == SectionKind::Options
            {
                sentence.option = OptionRole::ChosenBody;
            }
        }
    }
}

fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_to_an_option() {
        use OptionKey::*;
        assert_eq!(
            reference("Chosen option: Option 3 above"),
            Some(Numbered(3))
        );
        assert_eq!(reference("We will go with option 2."), Some(Numbered(2)));
        assert_eq!(
            reference("We decided on Option 2 - leave it."),
            Some(Numbered(2))
        );
        assert_eq!(reference("Option B is chosen."), Some(Lettered(2)));
        assert_eq!(
            reference("**We choose Option A** because:"),
            Some(Lettered(1))
        );
        assert_eq!(reference("We choose the second option."), Some(Ordinal(2)));
        // "the second approach" is as often one the decision itself describes.
        assert_eq!(reference("We choose the second approach."), None);
        assert_eq!(
            reference("Several options were considered and option 2 was selected."),
            Some(Numbered(2))
        );
        assert_eq!(
            reference("We chose the last option."),
            Some(Ordinal(usize::MAX))
        );
    }

    #[test]
    fn no_reference() {
        assert_eq!(reference("We did not choose option 2."), None);
        assert_eq!(reference("Option 2 has more cons."), None);
        assert_eq!(reference("We choose Kafka."), None);
        assert_eq!(reference("We will go with a simple approach."), None);
    }

    #[test]
    fn labels_of_titles() {
        use OptionKey::*;
        assert_eq!(title_label("Option 3: Use Kafka"), Some(Numbered(3)));
        assert_eq!(title_label("**Option B** – Spark"), Some(Lettered(2)));
        assert_eq!(title_label("2. Keep cron"), Some(Numbered(2)));
        assert_eq!(title_label("B) Keep cron"), Some(Lettered(2)));
        assert_eq!(title_label("Use Kafka"), None);
        assert_eq!(title_label("Apache Beam"), None);
    }
}
