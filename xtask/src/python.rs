//! The book's Python listings: `chapters/NN-slug/STEM.py`, run with the machine's `python3`.
//!
//! CPython's figures depend on the interpreter as Rust's depend on the toolchain, so
//! `workbook.toml` pins the version every saved output was made with (`[python] version`).
//! On another version `generate` warns and leaves the Python outputs alone, and
//! `generate --check` skips them: a reader's CPython need not be ours.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

/// The interpreter `generate` runs: the one a reader types.
const PYTHON: &str = "python3";

/// A Python listing: a `.py` file in a chapter folder.
#[derive(Debug)]
pub(crate) struct PythonListing {
    /// Its source, relative to the root.
    pub(crate) path: PathBuf,
}

impl PythonListing {
    /// Where its output is saved: `STEM.py.out`, so that it never meets a Rust `STEM.out`.
    pub(crate) fn output_path(&self, root: &Path) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".out");
        root.join(&self.path).with_file_name(name)
    }

    /// `python3 STEM.py` in the chapter's folder, with the shared `measure_memory` helper on
    /// the path, a fixed hash seed (set and dict orders, and so some sizes, follow it) and no
    /// bytecode caches written into the book.
    pub(crate) fn command(&self, root: &Path) -> Command {
        let source = root.join(&self.path);
        let mut command = Command::new(PYTHON);
        command
            .arg(source.file_name().unwrap_or_default())
            .current_dir(source.parent().unwrap_or(root))
            .env("PYTHONPATH", root.join("chapters"))
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1");
        // Each of these changes what the allocator hands out or what tracemalloc traces.
        for changes_the_figures in ["PYTHONMALLOC", "PYTHONTRACEMALLOC", "PYTHONDEVMODE"] {
            command.env_remove(changes_the_figures);
        }
        command
    }
}

/// Every `.py` file in a chapter folder, in order. The shared helper sits in `chapters/`
/// itself, so it is imported, never run as a listing.
pub(crate) fn listings(root: &Path) -> anyhow::Result<Vec<PythonListing>> {
    let mut listings = Vec::new();
    let chapters = root.join("chapters");
    for folder in
        std::fs::read_dir(&chapters).with_context(|| format!("reading {}", chapters.display()))?
    {
        let folder = folder?.path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder)? {
            let file = file?.path();
            if file.extension().is_some_and(|ext| ext == "py") {
                let path = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
                listings.push(PythonListing { path });
            }
        }
    }
    listings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(listings)
}

/// The release of `python3` on this machine, such as `3.11.7`; `None` if there is none.
pub(crate) fn installed_version() -> anyhow::Result<Option<String>> {
    let output = match Command::new(PYTHON).arg("--version").output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error).context("starting `python3 --version`"),
    };
    anyhow::ensure!(
        output.status.success(),
        "`python3 --version` failed ({})",
        output.status
    );
    // Python 2 printed its version on stderr; 3 prints it on stdout.
    let printed = crate::process::printed(&output);
    Ok(Some(release_of(&printed).to_owned()))
}

/// `Python 3.11.7\n` → `3.11.7`.
fn release_of(version_line: &str) -> &str {
    let line = version_line.trim();
    line.strip_prefix("Python ").unwrap_or(line).trim()
}

/// Why the Python outputs are not made or compared on this machine, if `installed` (the
/// release of `python3`, `None` if it is missing) is not the `pinned` one.
pub(crate) fn version_mismatch(pinned: &str, installed: Option<&str>) -> Option<String> {
    match installed {
        None => Some(format!(
            "there is no `python3` on this machine, so the book's Python listings were not run \
             and their saved outputs (made with CPython {pinned}) were neither remade nor \
             compared. Install CPython {pinned} to check them."
        )),
        Some(installed) if installed != pinned => Some(format!(
            "the book's Python figures were made with CPython {pinned}, the version that \
             workbook.toml pins under [python], but `python3` here is CPython {installed}. \
             Object sizes and allocation counts change between releases, so the Python \
             listings' saved outputs were neither remade nor compared. To remake them with \
             {installed}, set `version = \"{installed}\"` in workbook.toml, run `cargo xtask \
             generate` and review every CPython figure that moves."
        )),
        Some(_) => None,
    }
}

/// `chapters/python.md`: which CPython and which machine printed the Python figures.
pub(crate) fn note(version: &str) -> String {
    format!(
        "<small>Python figures printed by `cargo xtask generate`: CPython {version}, {} {}, \
         run as `python3 STEM.py` with `PYTHONHASHSEED=0`, measured with tracemalloc by the \
         shared helper `chapters/measure_memory.py`. Blocks and bytes are the same on every \
         run; the time is this machine's and varies. `workbook.toml` pins this version, because \
         object sizes and allocation counts change between releases: on another CPython some \
         figures differ, and `cargo xtask generate` says so.</small>\n",
        std::env::consts::ARCH,
        std::env::consts::OS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_sits_beside_the_source_with_out_appended() {
        let listing = PythonListing {
            path: PathBuf::from("chapters/02-memory-manager/words.py"),
        };
        assert_eq!(
            listing.output_path(Path::new("/book")),
            Path::new("/book/chapters/02-memory-manager/words.py.out")
        );
    }

    #[test]
    fn the_release_is_read_from_the_version_line() {
        assert_eq!(release_of("Python 3.11.7\n"), "3.11.7");
    }

    #[test]
    fn the_pinned_version_raises_no_warning() {
        assert_eq!(version_mismatch("3.11.7", Some("3.11.7")), None);
    }

    #[test]
    fn another_version_is_named_beside_the_pinned_one() {
        let warning = version_mismatch("3.11.7", Some("3.12.1")).expect("a warning");
        assert!(warning.contains("CPython 3.11.7"), "{warning}");
        assert!(warning.contains("CPython 3.12.1"), "{warning}");
    }

    #[test]
    fn a_missing_python3_is_said_plainly() {
        let warning = version_mismatch("3.11.7", None).expect("a warning");
        assert!(warning.contains("no `python3`"), "{warning}");
    }
}
