//! `cargo xtask hint N [K]`: the hints of chapter N's exercise in the terminal, for a room
//! whose browser is elsewhere or that works over SSH. Each call shows the next hint, in order,
//! and remembers how far the reader got in `target/xtask/hints/chapter-N`; `K` shows hint K.
//!
//! The hints are read from the chapter's page, where each is a collapsed
//! `admonish tip title="Hint K: …"` block, so the terminal and the book never disagree.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::workbook::{self, Chapter};

/// One hint: its title (`Hint 1: Where the blocks come from`) and its text.
#[derive(Debug, PartialEq)]
pub(crate) struct Hint {
    pub(crate) title: String,
    pub(crate) body: String,
}

/// The hints of a page, in order: every ```` ```admonish ```` block titled `Hint …`.
pub(crate) fn hints_of(page: &str) -> Vec<Hint> {
    let mut hints = Vec::new();
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.trim_start().strip_prefix("```admonish") else {
            continue;
        };
        let Some(title) = rest
            .split_once("title=\"")
            .and_then(|(_, after)| after.split_once('"'))
            .map(|(title, _)| title)
            .filter(|title| title.starts_with("Hint"))
        else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        hints.push(Hint {
            title: title.to_owned(),
            body: body.join("\n").trim().to_owned(),
        });
    }
    hints
}

/// Where the number of hints already shown is kept.
fn seen_path(root: &Path, chapter: &Chapter) -> PathBuf {
    root.join("target/xtask/hints").join(chapter.package())
}

/// Which hint to show: `asked` (1-based) if given, else the one after the last shown, and
/// after the last one, the last one again.
fn which(asked: Option<usize>, seen: usize, count: usize) -> usize {
    asked.unwrap_or(seen + 1).clamp(1, count.max(1))
}

/// Prints one hint of chapter `number`: hint `asked`, or the next one.
pub(crate) fn hint(root: &Path, number: u32, asked: Option<usize>) -> anyhow::Result<()> {
    let chapters = workbook::written_chapters(root)?;
    let chapter = chapters
        .iter()
        .find(|c| c.number == number)
        .with_context(|| {
            format!(
                "chapter {number} has no exercise: hint takes a chapter number from 1 to {}",
                chapters.len()
            )
        })?;
    let page_path = chapter.page_dir(root).join("index.md");
    let page = std::fs::read_to_string(&page_path)
        .with_context(|| format!("Failed to read {}", page_path.display()))?;
    let hints = hints_of(&page);
    anyhow::ensure!(!hints.is_empty(), "{} has no hint", page_path.display());
    if let Some(asked) = asked {
        anyhow::ensure!(
            (1..=hints.len()).contains(&asked),
            "chapter {number} has hints 1 to {}",
            hints.len()
        );
    }
    let seen_file = seen_path(root, chapter);
    let seen: usize = std::fs::read_to_string(&seen_file)
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0);
    let index = which(asked, seen, hints.len());
    let hint = &hints[index - 1];
    println!("Chapter {number}, {}\n\n{}\n", hint.title, hint.body);
    if index < hints.len() {
        println!(
            "Hint {index} of {}. `cargo xtask hint {number}` again shows the next one.",
            hints.len()
        );
    } else {
        println!(
            "That is the last hint. The solution is at the end of the chapter's exercise, \
             collapsed (`cargo xtask serve --open` opens the book)."
        );
    }
    if let Some(dir) = seen_file.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("Failed to create {}", dir.display()))?;
    }
    std::fs::write(&seen_file, seen.max(index).to_string())
        .with_context(|| format!("Failed to write {}", seen_file.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
Text.

```admonish tip title=\"Hint 1: Where\" collapsible=true
First line.

Second `code`.
```

```admonish info title=\"For instructors\" collapsible=true
Not a hint.
```

```admonish tip title=\"Hint 2: How\" collapsible=true
Do it.
```
";

    #[test]
    fn hints_come_from_the_page_in_order() {
        let hints = hints_of(PAGE);
        assert_eq!(
            hints,
            [
                Hint {
                    title: "Hint 1: Where".into(),
                    body: "First line.\n\nSecond `code`.".into()
                },
                Hint {
                    title: "Hint 2: How".into(),
                    body: "Do it.".into()
                },
            ]
        );
    }

    #[test]
    fn the_next_hint_follows_the_last_one_shown() {
        assert_eq!(which(None, 0, 3), 1);
        assert_eq!(which(None, 1, 3), 2);
        assert_eq!(which(None, 3, 3), 3, "after the last, the last again");
        assert_eq!(which(Some(1), 2, 3), 1);
    }

    #[test]
    fn every_chapter_has_hints_numbered_from_one() {
        let root = crate::root();
        for chapter in workbook::written_chapters(&root).unwrap() {
            let page = std::fs::read_to_string(chapter.page_dir(&root).join("index.md")).unwrap();
            let hints = hints_of(&page);
            assert!(hints.len() >= 2, "chapter {}", chapter.number);
            for (index, hint) in hints.iter().enumerate() {
                assert!(
                    hint.title.starts_with(&format!("Hint {}", index + 1)),
                    "chapter {}: {}",
                    chapter.number,
                    hint.title
                );
                assert!(!hint.body.is_empty() && !hint.body.contains("{{#"));
            }
        }
    }
}
