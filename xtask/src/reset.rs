//! `cargo xtask reset N [--yes]`: puts back chapter N's starter, `src/lib.rs` as shipped,
//! after asking. The reader's version is kept in `target/xtask/reset/` first, so a reset
//! by mistake costs nothing.

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
        .with_context(|| format!("chapter {number} has no exercise yet (see workbook.toml)"))?;
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
        print!("Replace {shown} with its starter? Your changes are saved in target/ first. [y/N] ");
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
    let backup_dir = root.join("target/xtask/reset");
    std::fs::create_dir_all(&backup_dir)
        .with_context(|| format!("Failed to create {}", backup_dir.display()))?;
    let backup = backup_dir.join(format!("{}-lib.rs", chapter.package()));
    if !current.is_empty() {
        std::fs::write(&backup, &current)
            .with_context(|| format!("Failed to save your version in {}", backup.display()))?;
    }
    std::fs::write(&path, &shipped)
        .with_context(|| format!("Failed to write the starter into {shown}"))?;
    println!(
        "{shown} is the starter again. Your version is in {}.",
        backup.strip_prefix(root).unwrap_or(&backup).display()
    );
    Ok(())
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
}
