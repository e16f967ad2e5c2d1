//! The files that grade an exercise, `budgets.toml` and `tests/checks.rs`, and whether the
//! reader changed one. `cargo xtask generate` records a fingerprint of each in
//! `exercises/grading-files.txt`; a run whose grading files no longer match says so first and
//! last, and fails even when every check passes, because raised limits prove nothing.

use std::path::Path;

/// The files of an exercise crate that grade it, relative to its folder.
pub const GRADING_FILES: [&str; 2] = ["budgets.toml", "tests/checks.rs"];

/// The list of fingerprints, relative to the workspace root (the exercise crates' parent's
/// parent): lines of `chapter-N/FILE FINGERPRINT`.
pub const FINGERPRINTS: &str = "exercises/grading-files.txt";

/// A fingerprint of a file's text: 64-bit FNV-1a over its bytes with `\r\n` read as `\n`, so a
/// checkout with `core.autocrlf` matches. It detects an edit, not a forger (who can edit the
/// list too), so a short, dependency-free hash is enough.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.replace("\r\n", "\n").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The grading files of the crate at `crate_dir` that differ from their recorded fingerprint
/// (or are missing), as `exercises/chapter-N/FILE`. Empty when nothing changed, and for a crate
/// that the list does not name (a fixture, or a workspace without the list).
pub fn changed(crate_dir: &Path) -> Vec<String> {
    let Some(package) = crate_dir.file_name().and_then(|name| name.to_str()) else {
        return Vec::new();
    };
    let Some(list) = crate_dir
        .parent()
        .and_then(Path::parent)
        .and_then(|root| std::fs::read_to_string(root.join(FINGERPRINTS)).ok())
    else {
        return Vec::new();
    };
    let prefix = format!("{package}/");
    list.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .filter_map(|(file, recorded)| Some((file.strip_prefix(&prefix)?, recorded.trim())))
        .filter(|(file, recorded)| {
            std::fs::read_to_string(crate_dir.join(file))
                .map_or(true, |text| fingerprint(&text) != *recorded)
        })
        .map(|(file, _)| format!("exercises/{package}/{file}"))
        .collect()
}

/// What a run prints, before and after its checks, when a grading file changed.
pub(crate) fn warning(crate_dir: &Path) -> Option<String> {
    let changed = changed(crate_dir);
    (!changed.is_empty()).then(|| {
        format!(
            "warning: {} changed since the workbook shipped. The budgets and checks grade \
             your src/lib.rs, so this run does not count, even if every check passes. Put back \
             the shipped file with `git checkout -- {}` (or from a fresh copy of the workbook) \
             and run again.",
            changed.join(" and "),
            changed.join(" ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_shows_and_line_endings_do_not() {
        let root = std::env::temp_dir().join(format!("grading-{}", std::process::id()));
        let crate_dir = root.join("exercises/chapter-1");
        std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
        std::fs::write(crate_dir.join("budgets.toml"), "max = 1\n").unwrap();
        std::fs::write(crate_dir.join("tests/checks.rs"), "fn main() {}\n").unwrap();
        assert!(
            changed(&crate_dir).is_empty(),
            "no list: nothing to compare"
        );
        let list = format!(
            "# comment\nchapter-1/budgets.toml {}\nchapter-1/tests/checks.rs {}\nchapter-2/budgets.toml x\n",
            fingerprint("max = 1\r\n"),
            fingerprint("fn main() {}\n")
        );
        std::fs::write(root.join(FINGERPRINTS), list).unwrap();
        assert!(changed(&crate_dir).is_empty());
        assert!(warning(&crate_dir).is_none());
        std::fs::write(crate_dir.join("budgets.toml"), "max = 100\n").unwrap();
        std::fs::remove_file(crate_dir.join("tests/checks.rs")).unwrap();
        assert_eq!(
            changed(&crate_dir),
            [
                "exercises/chapter-1/budgets.toml",
                "exercises/chapter-1/tests/checks.rs"
            ]
        );
        assert!(warning(&crate_dir).unwrap().contains("does not count"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
