//! A chapter's shipped starter: the `src/lib.rs` a reader begins with. `progress` compares the
//! reader's file with it (an untouched starter is "not started"), and `reset` puts it back.
//!
//! In a clone it is the file in git's `HEAD`. The offline bundle has no git, so `bundle`
//! saves each starter under `.starters/` and that copy wins when it exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::workbook::Chapter;

/// The bundle's folder of shipped starters, relative to the root: `chapter-N.rs` each.
pub(crate) const SAVED: &str = ".starters";

/// `exercises/chapter-N/src/lib.rs`, relative to the root (with `/`, as git names it).
pub(crate) fn relative_path(chapter: &Chapter) -> String {
    format!("exercises/{}/src/lib.rs", chapter.package())
}

/// The reader's file: `exercises/chapter-N/src/lib.rs`.
pub(crate) fn path(root: &Path, chapter: &Chapter) -> PathBuf {
    root.join(relative_path(chapter))
}

/// The starter as shipped, from `.starters/` in a bundle, else from git's `HEAD`.
pub(crate) fn shipped(root: &Path, chapter: &Chapter) -> anyhow::Result<String> {
    let saved = root.join(SAVED).join(format!("{}.rs", chapter.package()));
    if saved.is_file() {
        return std::fs::read_to_string(&saved)
            .with_context(|| format!("Failed to read the saved starter {}", saved.display()));
    }
    let spec = format!("HEAD:{}", relative_path(chapter));
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["show", &spec])
        .output()
        .context("Failed to run git, to read the shipped starter from HEAD")?;
    anyhow::ensure!(
        output.status.success(),
        "Failed to read {spec} from git: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    String::from_utf8(output.stdout).with_context(|| format!("{spec} is not UTF-8"))
}

/// Whether the reader's file is still the shipped starter. Line endings do not count, so a
/// checkout with `core.autocrlf` is not "started".
pub(crate) fn is_untouched(current: &str, shipped: &str) -> bool {
    current.replace("\r\n", "\n") == shipped.replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_do_not_make_a_start() {
        assert!(is_untouched("fn a() {}\r\n", "fn a() {}\n"));
        assert!(!is_untouched("fn a() { 1 }\n", "fn a() {}\n"));
    }
}
