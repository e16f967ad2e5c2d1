//! The workbook's data: `workbook.toml` (the chapters and the pinned CPython) and the root
//! `Cargo.toml`'s listings.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

/// One chapter, as `workbook.toml` describes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Chapter {
    pub(crate) number: u32,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) talk: String,
    pub(crate) part: String,
    pub(crate) reading_minutes: u32,
    pub(crate) exercise_minutes: u32,
    /// Whether the page and the exercise crate exist yet.
    pub(crate) written: bool,
}

impl Chapter {
    /// `chapter-N`: the exercise crate's package name.
    pub(crate) fn package(&self) -> String {
        format!("chapter-{}", self.number)
    }

    /// `chapters/NN-slug`.
    pub(crate) fn page_dir(&self, root: &Path) -> PathBuf {
        root.join("chapters").join(&self.slug)
    }

    /// `exercises/chapter-N`.
    pub(crate) fn exercise_dir(&self, root: &Path) -> PathBuf {
        root.join("exercises").join(self.package())
    }

    /// The chapter's `budgets.toml`, parsed.
    pub(crate) fn budgets(
        &self,
        root: &Path,
    ) -> anyhow::Result<seek_and_destroy::tooling::Budgets> {
        let path = self.exercise_dir(root).join("budgets.toml");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        seek_and_destroy::tooling::Budgets::parse(&text)
            .with_context(|| format!("parsing {}", path.display()))
    }
}

#[derive(Deserialize)]
struct WorkbookFile {
    chapter: Vec<Chapter>,
    python: PythonPin,
}

/// `[python]`: the CPython release that made every saved Python output.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PythonPin {
    version: String,
}

fn workbook_file(root: &Path) -> anyhow::Result<WorkbookFile> {
    let path = root.join("workbook.toml");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// The CPython release that `workbook.toml` pins, such as `3.11.7`.
pub(crate) fn pinned_python(root: &Path) -> anyhow::Result<String> {
    Ok(workbook_file(root)?.python.version)
}

/// Every chapter, in order.
pub(crate) fn chapters(root: &Path) -> anyhow::Result<Vec<Chapter>> {
    let file = workbook_file(root)?;
    for (index, chapter) in file.chapter.iter().enumerate() {
        anyhow::ensure!(
            chapter.number as usize == index + 1,
            "workbook.toml: chapter {} is listed in place {}",
            chapter.number,
            index + 1
        );
    }
    Ok(file.chapter)
}

/// The written chapters only: those with a page and an exercise crate.
pub(crate) fn written_chapters(root: &Path) -> anyhow::Result<Vec<Chapter>> {
    Ok(chapters(root)?.into_iter().filter(|c| c.written).collect())
}

/// A runnable Rust listing: a `.rs` file in a chapter folder, registered as a Cargo example.
/// (A `.py` file there is a Python listing: see `crate::python`.)
#[derive(Debug, Deserialize)]
pub(crate) struct Listing {
    /// The example's name, `chNN-STEM`.
    pub(crate) name: String,
    /// Its source, relative to the root.
    pub(crate) path: PathBuf,
}

/// The line that makes `generate` build and run a listing in release: a listing that times
/// something says so, since a debug build's times measure unoptimised code.
pub(crate) const RELEASE_MARKER: &str = "// xtask: run in release";

impl Listing {
    /// Whether the listing asks to run in release ([`RELEASE_MARKER`]).
    pub(crate) fn runs_in_release(&self, root: &Path) -> anyhow::Result<bool> {
        let path = root.join(&self.path);
        let source = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        Ok(source.lines().any(|line| line.trim() == RELEASE_MARKER))
    }

    /// Where its output is saved: the source with `.out` for `.rs`.
    pub(crate) fn output_path(&self, root: &Path) -> PathBuf {
        root.join(&self.path).with_extension("out")
    }
}

#[derive(Deserialize)]
struct RootManifest {
    #[serde(default)]
    example: Vec<Listing>,
}

/// Every listing the root `Cargo.toml` registers, after checking that each `.rs` file in a
/// chapter folder is registered under its conventional name.
pub(crate) fn listings(root: &Path) -> anyhow::Result<Vec<Listing>> {
    let text = std::fs::read_to_string(root.join("Cargo.toml"))?;
    let manifest: RootManifest = toml::from_str(&text).context("parsing Cargo.toml")?;
    let listings = manifest.example;
    for listing in &listings {
        let expected = conventional_name(&listing.path);
        anyhow::ensure!(
            expected.as_deref() == Some(listing.name.as_str()),
            "the listing {} should be the example {:?}, not {:?}",
            listing.path.display(),
            expected.unwrap_or_default(),
            listing.name
        );
    }
    for entry in walk_chapter_sources(root)? {
        let relative = entry.strip_prefix(root).unwrap_or(&entry).to_path_buf();
        anyhow::ensure!(
            listings.iter().any(|l| l.path == relative),
            "{} is not registered as an example in Cargo.toml, so nothing builds or runs it",
            relative.display()
        );
    }
    Ok(listings)
}

/// `chapters/02-memory-manager/before.rs` → `ch02-before`.
fn conventional_name(path: &Path) -> Option<String> {
    let folder = path.parent()?.file_name()?.to_str()?;
    let number = folder.split('-').next()?;
    let stem = path.file_stem()?.to_str()?;
    Some(format!("ch{number}-{stem}"))
}

fn walk_chapter_sources(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut sources = Vec::new();
    for folder in std::fs::read_dir(root.join("chapters"))? {
        let folder = folder?.path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder)? {
            let file = file?.path();
            if file.extension().is_some_and(|ext| ext == "rs") {
                sources.push(file);
            }
        }
    }
    sources.sort();
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_is_named_after_its_chapter_number_and_stem() {
        let path = Path::new("chapters/02-memory-manager/before.rs");
        assert_eq!(conventional_name(path).as_deref(), Some("ch02-before"));
    }
}
