//! `cargo xtask reset N [--yes]`: puts back chapter N's starter (its pristine copy,
//! `exercises/chapter-N/starter.rs`) as `src/lib.rs`, after asking. Every version the reader
//! had is kept first, numbered, in `exercises/chapter-N/kept/` (`lib-1.rs`, `lib-2.rs`, …):
//! outside `target/`, so `cargo clean` keeps it, and never overwritten, so a second reset
//! by mistake costs nothing either.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::Path;

use anyhow::Context as _;

use crate::starter;
use crate::workbook;

/// Restores one chapter's starter. Without `yes`, asks first, and refuses when no one can
/// answer (no terminal).
pub(crate) fn reset(root: &Path, number: u32, yes: bool) -> anyhow::Result<()> {
    let chapter = workbook::written_chapters(root)?
        .into_iter()
        .find(|c| c.number == number)
        .with_context(|| {
            format!("chapter {number} has no exercise: reset takes a chapter number from 1 to 18")
        })?;
    let path = starter::path(root, &chapter);
    let shown = starter::relative_path(&chapter);
    let shipped = starter::shipped(root, &chapter)?;
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if starter::is_untouched(&current, &shipped) {
        println!("{shown} is already the starter: nothing to reset.");
        return Ok(());
    }
    if !yes {
        anyhow::ensure!(
            std::io::stdin().is_terminal(),
            "reset overwrites {shown}, and there is no terminal to ask for confirmation: \
             run `cargo xtask reset {number} --yes` to reset anyway"
        );
        print!(
            "Replace {shown} with its starter? Your version is kept in {} first. [y/N] ",
            KEPT_DIR_SHOWN.replace('N', &number.to_string())
        );
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .context("Failed to read the answer")?;
        if !agrees(&answer) {
            println!("Left {shown} as it is.");
            return Ok(());
        }
    }
    let kept = if current.is_empty() {
        None
    } else {
        Some(keep(&chapter.exercise_dir(root).join(KEPT_DIR), &current)?)
    };
    std::fs::write(&path, &shipped)
        .with_context(|| format!("Failed to write the starter into {shown}"))?;
    match kept {
        Some(kept) => println!(
            "{shown} is the starter again. Your version is in {}.",
            kept.strip_prefix(root).unwrap_or(&kept).display()
        ),
        None => println!("{shown} is the starter again."),
    }
    Ok(())
}

/// The folder of kept versions, inside the chapter's exercise folder.
pub(crate) const KEPT_DIR: &str = "kept";
const KEPT_DIR_SHOWN: &str = "exercises/chapter-N/kept/";

/// Saves `text` as the next free `lib-K.rs` in `dir` (1, 2, …), never over an earlier one.
pub(crate) fn keep(dir: &Path, text: &str) -> anyhow::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("Failed to create {}", dir.display()))?;
    for index in 1.. {
        let path = dir.join(format!("lib-{index}.rs"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes()).with_context(|| {
                    format!("Failed to save your version in {}", path.display())
                })?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => {
                return Err(error)
                    .with_context(|| format!("Failed to save your version in {}", path.display()));
            }
        }
    }
    unreachable!("an unbounded range ends only by returning")
}

/// `y` or `yes`, in any case; anything else, an empty line included, is no.
fn agrees(answer: &str) -> bool {
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_yes_is_yes() {
        assert!(agrees("y\n"));
        assert!(agrees(" Yes \r\n"));
        assert!(!agrees("\n"));
        assert!(!agrees("no\n"));
        assert!(!agrees("yep\n"));
    }

    #[test]
    fn every_kept_version_stays() {
        let dir = std::env::temp_dir().join(format!("kept-{}", std::process::id()));
        let first = keep(&dir, "one").unwrap();
        let second = keep(&dir, "two").unwrap();
        assert_eq!(first.file_name().unwrap(), "lib-1.rs");
        assert_eq!(second.file_name().unwrap(), "lib-2.rs");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "two");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
