//! The book: built with mdBook 0.4.52 and mdbook-admonish 1.20.0, both linked into this xtask
//! as libraries, then checked.
//!
//! Both are pinned exactly and move only together: admonish 1.20 fails under mdBook 0.5, and
//! `theme/mdbook-admonish.css` (with `assets_version` in book.toml) belongs to its version.
//! After moving the pins, rerun `mdbook-admonish install --css-dir theme .` with the new
//! admonish, installed once with `cargo install` for that purpose.
//!
//! Linked in, the tools cost no separate install and no separate build: the xtask's first
//! build compiles them, sharing its dependencies, and no other `mdbook` or `mdbook-admonish`
//! on the machine can be picked up by mistake.
//!
//! mdBook 0.4 succeeds on some broken books: it only logs a preprocessor it cannot find (the
//! pages then show raw ```` ```admonish ```` blocks) or an `{{#include}}` it cannot read. So
//! [`build`] fails on anything mdBook or admonish logs above INFO, on a book.toml without the
//! admonish preprocessor, on any admonish block left unrendered, and on any internal link or
//! `#anchor` that leads nowhere in the built HTML.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context as _, bail, ensure};
use mdbook::MDBook;

/// The built book, relative to the workspace root; git ignores it. Set as mdBook's build
/// folder every time, so book.toml and this module cannot disagree.
pub(crate) const OUTPUT: &str = "book";

/// The preprocessor book.toml must declare, and that [`render`] runs from the linked library.
const ADMONISH: &str = "admonish";

/// Builds the book into `book/` and checks it: mdBook logged no warning or error, every
/// admonish block was rendered, and every internal link and anchor resolves.
pub(crate) fn build(root: &Path) -> anyhow::Result<()> {
    let output = root.join(OUTPUT);
    let start = Instant::now();
    render(root)?;
    let took = start.elapsed();

    let start = Instant::now();
    let (links, problems) = check(&output)?;
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{problem}");
        }
        bail!(
            "the built book has {} problem(s), listed above",
            problems.len()
        );
    }
    println!(
        "Built the book in {} ms, checked {links} links in {} ms: {}",
        took.as_millis(),
        start.elapsed().as_millis(),
        output.join("index.html").display()
    );
    Ok(())
}

/// `mdbook build`, in this process, with admonish's preprocessor from the linked library.
fn render(root: &Path) -> anyhow::Result<()> {
    let mut config = mdbook::Config::from_disk(root.join("book.toml"))
        .with_context(|| format!("reading {}", root.join("book.toml").display()))?;
    config.update_from_env();
    // Loading the book turns every `[preprocessor.NAME]` table into a command to run, which
    // would start an installed `mdbook-admonish` too (or warn that there is none). So the
    // table is taken out for loading and put back for the linked preprocessor to read its
    // settings (`on_failure`, `assets_version`) from.
    let settings = config
        .get_mut("preprocessor")
        .and_then(|table| table.as_table_mut())
        .and_then(|table| table.remove(ADMONISH))
        .with_context(|| {
            format!(
                "book.toml declares no [preprocessor.{ADMONISH}]: without it, every hint \
                 and solution shows as a raw ```admonish block"
            )
        })?;
    config.build.build_dir = root.join(OUTPUT);
    let complaints = logged_complaints(|| {
        let mut book = MDBook::load_with_config(root, config)?;
        book.config
            .set(format!("preprocessor.{ADMONISH}"), settings)?;
        book.with_preprocessor(mdbook_admonish::Admonish);
        book.build()
    })?;
    ensure!(
        complaints.is_empty(),
        "mdBook built the book, but logged warnings or errors; a missing preprocessor or \
         include leaves the book broken:\n{}",
        complaints.join("\n")
    );
    Ok(())
}

/// Collects what mdBook and admonish log at WARN and above while they build; prints what
/// anything logs at other times (the file watcher of `serve`, for one).
struct BookLog {
    /// `Some` while a build runs.
    complaints: Mutex<Option<Vec<String>>>,
}

static BOOK_LOG: BookLog = BookLog {
    complaints: Mutex::new(None),
};

impl log::Log for BookLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        match self.complaints.lock().as_deref_mut() {
            Ok(Some(complaints)) => complaints.push(line),
            _ => eprintln!("{line}"),
        }
    }

    fn flush(&self) {}
}

/// Runs `build` and returns what it logged at WARN and above, one line each.
fn logged_complaints(build: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<Vec<String>> {
    // Fails only if a logger is set already: ours, from an earlier build.
    if log::set_logger(&BOOK_LOG).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
    let set = |value| {
        *BOOK_LOG
            .complaints
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = value;
    };
    set(Some(Vec::new()));
    let built = build();
    let complaints = BOOK_LOG
        .complaints
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
        .unwrap_or_default();
    built.map_err(|error| {
        anyhow::anyhow!(
            "mdBook could not build the book: {error:#}\n{}",
            complaints.join("\n")
        )
    })?;
    Ok(complaints)
}

/// Every problem in the built book at `output`, one line each, naming the page it is on;
/// and how many links were checked, which shows the check saw the pages.
fn check(output: &Path) -> anyhow::Result<(usize, Vec<String>)> {
    let mut pages = HashMap::new();
    for path in html_files(output)? {
        let html =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        pages.insert(path, html);
    }
    let ids: HashMap<&Path, HashSet<String>> = pages
        .iter()
        .map(|(path, html)| {
            let ids = attribute_values(html, "id").map(decode).collect();
            (path.as_path(), ids)
        })
        .collect();

    let mut sorted: Vec<_> = pages.iter().collect();
    sorted.sort();
    let mut problems = Vec::new();
    let mut links = 0;
    for (page, html) in sorted {
        // As `book/NN-slug/index.html`, the path from the workspace root.
        let shown = page
            .strip_prefix(output.parent().unwrap_or(output))
            .unwrap_or(page)
            .display();
        // pulldown-cmark gives an unprocessed ```admonish block this class.
        if html.contains("language-admonish") {
            problems.push(format!(
                "{shown}: an admonish block was not rendered (did mdbook-admonish run?)"
            ));
        }
        if html.contains("Error rendering admonishment") {
            problems.push(format!("{shown}: mdbook-admonish could not parse a block"));
        }
        // mdbook's 404 page sets <base href="/">: its links are relative to the site root.
        let base = match base_href(html) {
            Some(base) if base.starts_with('/') => output.join(base.trim_start_matches('/')),
            _ => page.parent().unwrap_or(output).to_path_buf(),
        };
        let mut seen = HashSet::new();
        for link in attribute_values(html, "href").chain(attribute_values(html, "src")) {
            if !seen.insert(link) {
                continue;
            }
            links += 1;
            if let Err(why) = resolve(output, page, &base, link, &ids) {
                problems.push(format!("{shown}: broken link `{link}`: {why}"));
            }
        }
    }
    Ok((links, problems))
}

/// Checks one `href` or `src` of `page`. External links (any `scheme:` or `//host`) pass.
fn resolve(
    output: &Path,
    page: &Path,
    base: &Path,
    link: &str,
    ids: &HashMap<&Path, HashSet<String>>,
) -> Result<(), String> {
    if link.is_empty() || link.starts_with("//") || has_scheme(link) {
        return Ok(());
    }
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let path = path.split_once('?').map_or(path, |(path, _query)| path);
    let decoded = decode(path);
    let target = if decoded.is_empty() {
        page.to_path_buf()
    } else {
        let joined = match decoded.strip_prefix('/') {
            Some(from_root) => output.join(from_root),
            None => base.join(&decoded),
        };
        let target = normalize(&joined);
        if !target.starts_with(output) {
            return Err("it leads outside the built book".into());
        }
        if target.is_dir() {
            target.join("index.html")
        } else {
            target
        }
    };
    if !target.is_file() {
        let shown = target.strip_prefix(output).unwrap_or(&target).display();
        return Err(format!("no file {shown} in the built book"));
    }
    let fragment = decode(fragment);
    if fragment.is_empty() {
        return Ok(());
    }
    match ids.get(target.as_path()) {
        Some(ids) if !ids.contains(&fragment) => {
            let shown = target.strip_prefix(output).unwrap_or(&target).display();
            Err(format!("no id \"{fragment}\" in {shown}"))
        }
        // Found, or not an HTML page (an SVG's anchors are not checked).
        _ => Ok(()),
    }
}

/// Every `.html` file under `dir`.
fn html_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in
            fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "html") {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// The values of every `name="…"` attribute. mdbook and pulldown-cmark always quote with `"`,
/// and escape quotes in text, so a plain scan finds attributes and nothing else.
fn attribute_values<'a>(html: &'a str, name: &str) -> impl Iterator<Item = &'a str> {
    let pattern = format!("{name}=\"");
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find(&pattern)?;
            // Whitespace before the name: `href`, not `data-href`.
            let whole = rest[..at].ends_with(char::is_whitespace);
            rest = &rest[at + pattern.len()..];
            if whole {
                let end = rest.find('"')?;
                let value = &rest[..end];
                rest = &rest[end..];
                return Some(value);
            }
        }
    })
}

/// The `href` of the page's `<base>` element, if it has one.
fn base_href(html: &str) -> Option<&str> {
    let at = html.find("<base ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    attribute_values(tag, "href").next()
}

/// `mailto:`, `https:`, `data:`: a scheme is letters (then digits, `+`, `-`, `.`) before `:`.
fn has_scheme(link: &str) -> bool {
    link.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Undoes `&amp;` and percent-encoding, the two escapes mdbook's links and ids use.
fn decode(text: &str) -> String {
    let text = text.replace("&amp;", "&");
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// `a/b/../c` as `a/c`, without touching the file system (the target may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found_whole() {
        let html = r#"<a href="a.html#x" data-href="no">t</a><img src="p.svg"><p id="x">"#;
        assert_eq!(
            attribute_values(html, "href").collect::<Vec<_>>(),
            ["a.html#x"]
        );
        assert_eq!(attribute_values(html, "src").collect::<Vec<_>>(), ["p.svg"]);
        assert_eq!(attribute_values(html, "id").collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn external_links_have_a_scheme() {
        assert!(has_scheme("https://example.com"));
        assert!(has_scheme("mailto:a@b.c"));
        assert!(!has_scheme("page.html#a:b"));
        assert!(!has_scheme("../x.html"));
    }

    #[test]
    fn escapes_are_undone() {
        assert_eq!(decode("a%20b&amp;c"), "a b&c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(
            normalize(Path::new("/b/x/../y/./z.html")),
            Path::new("/b/y/z.html")
        );
    }
}
