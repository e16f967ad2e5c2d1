//! Which source files belong to the check and which to the reader, decided in one place by
//! comparing path components, so that it works the same with `/` and `\`.

use std::path::{Component, Path, PathBuf};

/// Whether `file` (a panic's or a frame's path, relative or absolute) lies in the `tests/`
/// folder of the exercise crate at `crate_dir`: the check's own code, not the reader's.
pub(crate) fn is_check_file(file: &str, crate_dir: &Path) -> bool {
    let crate_name = crate_dir.file_name().unwrap_or_default();
    let parts = lexical_components(Path::new(file));
    parts.first().is_some_and(|first| first == "tests")
        || parts
            .windows(2)
            .any(|pair| pair[0] == crate_name && pair[1] == "tests")
}

/// The source files of an exercise crate, to tell which paths in a profile are the reader's.
pub(crate) struct Sources<'a> {
    crate_dir: &'a Path,
    /// Every `.rs` file of the crate, relative to its folder.
    files: Vec<PathBuf>,
}

impl<'a> Sources<'a> {
    /// Lists the sources of the crate at `crate_dir`.
    pub(crate) fn new(crate_dir: &'a Path) -> Sources<'a> {
        let files = rust_files(crate_dir)
            .into_iter()
            .filter_map(|path| path.strip_prefix(crate_dir).ok().map(Path::to_path_buf))
            .collect();
        Sources { crate_dir, files }
    }

    /// Whether `file` is one of the check's own files: see [`is_check_file`].
    pub(crate) fn is_check_file(&self, file: &str) -> bool {
        is_check_file(file, self.crate_dir)
    }

    /// The crate-relative path (`src/lib.rs`) of `file`, if it is one of the crate's files.
    ///
    /// dhat keeps only the last three components of a frame's path, so a file in a nested
    /// module (`src/parse/deep/line.rs`) arrives without the crate's folder; it is then found
    /// among the crate's files by its tail.
    pub(crate) fn locate(&self, file: &str) -> Option<String> {
        let crate_name = self.crate_dir.file_name().unwrap_or_default();
        let parts = lexical_components(Path::new(file));
        if let Some(at) = parts.iter().rposition(|part| part == crate_name) {
            return (at + 1 < parts.len()).then(|| join(&parts[at + 1..]));
        }
        let tail: PathBuf = parts.iter().collect();
        self.files
            .iter()
            .find(|relative| relative.ends_with(&tail))
            .map(|relative| join_path(relative))
    }
}

/// The module path of a crate-relative file: `src/parse/line.rs` is `parse::line`, and
/// `src/lib.rs` the crate root, ``.
pub(crate) fn module_path(relative: &str) -> String {
    let inner = relative.strip_prefix("src/").unwrap_or(relative);
    let inner = inner.strip_suffix(".rs").unwrap_or(inner);
    let mut parts: Vec<&str> = inner.split('/').collect();
    if matches!(parts.last(), Some(&("lib" | "main" | "mod"))) {
        parts.pop();
    }
    parts.join("::")
}

/// A warning when the reader's crate can allocate around dhat: `unsafe` code, or the
/// `System` allocator named directly. Such blocks are invisible to every budget.
pub(crate) fn bypass_warning(crate_dir: &Path) -> Option<String> {
    let mut found = Vec::new();
    for (relative, code) in reader_code(crate_dir) {
        if has_word(&code, "unsafe") {
            found.push(format!("{relative} uses `unsafe`"));
        }
        if has_word(&code, "System") || code.contains("malloc") {
            found.push(format!("{relative} names the system allocator"));
        }
    }
    if found.is_empty() {
        return None;
    }
    Some(format!(
        "warning: {}. Blocks taken straight from the system allocator (std::alloc::System, or \
         a hand-declared malloc) bypass dhat, so no budget can see them: a check that passes \
         this way proves nothing.",
        found.join("; ")
    ))
}

/// Names in the reader's code that point at an attack on the grader rather than at a
/// solution: reading the process's memory, code that runs before `main`, or processes that
/// leave the check's process group or replace the process.
const SUSPICIOUS_WORDS: [&str; 8] = [
    "link_section",
    "init_array",
    "exec",
    "execv",
    "pre_exec",
    "setsid",
    "process_group",
    "fork",
];

/// A warning when the reader's crate names what it would take to tamper with the grader
/// (see [`SUSPICIOUS_WORDS`], and `/proc/self/mem`).
pub(crate) fn suspicious_names(crate_dir: &Path) -> Option<String> {
    let mut found = Vec::new();
    for (relative, code) in reader_code(crate_dir) {
        let mut names: Vec<String> = SUSPICIOUS_WORDS
            .iter()
            .filter(|word| has_word(&code, word))
            .map(|word| format!("`{word}`"))
            .collect();
        if code.contains("/proc/self/mem") {
            names.push("`/proc/self/mem`".to_owned());
        }
        if !names.is_empty() {
            found.push(format!("{relative} names {}", names.join(", ")));
        }
    }
    if found.is_empty() {
        return None;
    }
    Some(format!(
        "warning: {}. No exercise needs these: they read the grader's memory, run code before \
         main, or start processes that leave the check, and a check that passes with them \
         proves nothing.",
        found.join("; ")
    ))
}

/// Each Rust file of the reader's `src/`, as its crate-relative path and its text with line
/// comments taken out: what the warnings look for names in.
fn reader_code(crate_dir: &Path) -> Vec<(String, String)> {
    rust_files(&crate_dir.join("src"))
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let relative = path
                .strip_prefix(crate_dir)
                .map_or_else(|_| path.display().to_string(), join_path);
            Some((relative, without_line_comments(&text)))
        })
        .collect()
}

fn without_line_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !is_ident(before) && !is_ident(after)
    })
}

/// `a/tests/../b.rs` as `[a, b.rs]`: normal components, with `..` applied.
fn lexical_components(path: &Path) -> Vec<std::ffi::OsString> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_os_string()),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    parts
}

fn join(parts: &[std::ffi::OsString]) -> String {
    parts
        .iter()
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn join_path(path: &Path) -> String {
    join(&lexical_components(path))
}

/// A crate-relative location (`src/lib.rs:18:18`) as a terminal opened where the reader ran
/// cargo can follow it: `exercises/chapter-1/src/lib.rs:18:18` from the workspace root. Cargo
/// runs the checks in the crate's folder but passes the shell's `PWD` on unchanged, so that is
/// where the reader is. Without `PWD`, or outside it, the location stays crate-relative.
pub(crate) fn from_where_run(crate_dir: &Path, location: &str) -> String {
    let Some(pwd) = std::env::var_os("PWD").map(PathBuf::from) else {
        return location.to_owned();
    };
    relative_to(crate_dir, location, &pwd)
}

/// [`from_where_run`], with the reader's folder given.
fn relative_to(crate_dir: &Path, location: &str, pwd: &Path) -> String {
    let full = crate_dir.join(location);
    let resolved = pwd.canonicalize().unwrap_or_else(|_| pwd.to_path_buf());
    [pwd, resolved.as_path()]
        .iter()
        .find_map(|base| full.strip_prefix(base).ok())
        .filter(|relative| !relative.as_os_str().is_empty())
        .map_or_else(|| location.to_owned(), join_path)
}

/// Every `.rs` file below `dir`, skipping `target/`, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|name| name != "target") {
                    folders.push(path);
                }
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_s_own_files_are_told_apart_by_components() {
        let dir = Path::new("/home/r/seek/exercises/chapter-1");
        assert!(is_check_file("exercises/chapter-1/tests/checks.rs", dir));
        assert!(is_check_file("tests/checks.rs", dir));
        assert!(
            is_check_file(r"C:\seek\exercises\chapter-1\tests\checks.rs", dir) == cfg!(windows)
        );
        assert!(!is_check_file("exercises/chapter-1/src/lib.rs", dir));
        assert!(!is_check_file("exercises/chapter-1/src/tests.rs", dir));
        assert!(!is_check_file(
            "exercises/chapter-1/tests/../solution.rs",
            dir
        ));
        assert!(!is_check_file("exercises/chapter-10/tests/checks.rs", dir));
    }

    #[test]
    fn a_frame_s_path_is_made_relative_to_the_crate() {
        let dir = Path::new("/home/r/seek/exercises/chapter-1");
        let sources = Sources::new(dir);
        assert_eq!(
            sources.locate("chapter-1/src/lib.rs").as_deref(),
            Some("src/lib.rs")
        );
        assert_eq!(sources.locate("alloc/src/boxed.rs"), None);
        assert_eq!(module_path("src/lib.rs"), "");
        assert_eq!(module_path("src/parse/line.rs"), "parse::line");
        assert_eq!(module_path("src/parse/mod.rs"), "parse");
    }

    #[test]
    fn a_nested_module_is_found_by_its_tail() {
        let dir = std::env::temp_dir().join(format!("sd-source-{}", std::process::id()));
        let nested = dir.join("chapter-9/src/parse/deep");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(nested.join("line.rs"), "").unwrap();
        let crate_dir = dir.join("chapter-9");
        assert_eq!(
            Sources::new(&crate_dir)
                .locate("parse/deep/line.rs")
                .as_deref(),
            Some("src/parse/deep/line.rs")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn unsafe_and_the_system_allocator_are_words_not_substrings() {
        assert!(has_word("unsafe { x }", "unsafe"));
        assert!(!has_word("let unsafe_count = 1;", "unsafe"));
        assert!(has_word("use std::alloc::System;", "System"));
        assert!(!has_word("SystemTime", "System"));
    }

    #[test]
    fn a_location_is_shown_from_where_cargo_ran() {
        let crate_dir = Path::new("/w/exercises/chapter-1");
        let at = |pwd: &str| relative_to(crate_dir, "src/lib.rs:18:18", Path::new(pwd));
        assert_eq!(at("/w"), "exercises/chapter-1/src/lib.rs:18:18");
        assert_eq!(at("/w/exercises/chapter-1"), "src/lib.rs:18:18");
        assert_eq!(at("/elsewhere"), "src/lib.rs:18:18");
    }

    #[test]
    fn names_that_attack_the_grader_are_found_outside_comments() {
        let dir = std::env::temp_dir().join(format!("sd-suspicious-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(
            dir.join("src/lib.rs"),
            "// exec in a comment\nfn f() { let _ = std::fs::read(\"/proc/self/mem\"); }\n",
        )
        .unwrap();
        let warning = suspicious_names(&dir).unwrap();
        assert!(
            warning.starts_with("warning: src/lib.rs names `/proc/self/mem`."),
            "{warning}"
        );
        std::fs::write(dir.join("src/lib.rs"), "fn executive() {}\n").unwrap();
        assert_eq!(suspicious_names(&dir), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
