//! The book: the pinned mdbook tools, building, checking and serving. (To be written.)

use std::path::{Path, PathBuf};

/// The mdbook and mdbook-admonish binaries at their pinned versions.
pub struct Tools {
    pub mdbook: PathBuf,
    pub admonish: PathBuf,
}

pub fn ensure_tools() -> anyhow::Result<Tools> {
    anyhow::bail!("not written yet")
}

pub fn build(_root: &Path, _tools: &Tools) -> anyhow::Result<()> {
    anyhow::bail!("not written yet")
}

pub fn serve(_root: &Path, _tools: &Tools, _open: bool) -> anyhow::Result<()> {
    anyhow::bail!("not written yet")
}
