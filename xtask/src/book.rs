//! The book: the pinned mdbook tools, building, checking and serving.
//!
//! Both tools are pinned exactly, mdbook 0.4.52 and mdbook-admonish 1.20.0: admonish 1.20
//! fails under mdbook 0.5, and `theme/mdbook-admonish.css` (with `assets_version` in
//! book.toml) belongs to its version; after changing a pin, rerun
//! `mdbook-admonish install --css-dir theme .` with the new version, installed with its
//! default features (the cached one is built without that subcommand). The tools come from
//! `PATH` when the versions there are right, otherwise from a per-user cache outside the
//! clone, filled once with `cargo install` (both in one build folder, unoptimised, with only
//! the features the book uses: under 3 minutes on two cores), so fresh clones and CI runs
//! reuse them.
//!
//! mdbook 0.4 exits with success on some broken books: it only warns when it cannot find a
//! preprocessor (the pages then show raw ```` ```admonish ```` blocks), and it only logs an
//! `{{#include}}` it cannot read. So [`build`] fails on anything mdbook logs above INFO (but
//! one known-harmless line), on any admonish block left unrendered, and on any internal link
//! or `#anchor` that leads nowhere in the built HTML.

use std::collections::{HashMap, HashSet};
use std::env;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail, ensure};

use crate::process;

/// A tool at its pinned version, built with only the features the workbook uses. Each crate
/// installs one binary of the same name.
struct Pin {
    name: &'static str,
    version: &'static str,
    /// Passed as `--no-default-features --features …`.
    features: &'static str,
}

/// `mdbook serve` needs `serve` (the web server) and `watch` (rebuilds on change), and the
/// book's search box needs `search`: all three of mdbook's features, named here so that a
/// new default of a later version is not built unasked.
const MDBOOK: Pin = Pin {
    name: "mdbook",
    version: "0.4.52",
    features: "search,serve,watch",
};
/// `cli` is the preprocessor's command line; `cli-install` (the `install` subcommand, which
/// writes theme/mdbook-admonish.css) is left out: after moving this pin, install the same
/// version with its default features once to rerun `mdbook-admonish install`.
const ADMONISH: Pin = Pin {
    name: "mdbook-admonish",
    version: "1.20.0",
    features: "cli",
};

/// Overrides the cache folder of the tools (CI may point it at a cached path).
const TOOLS_ENV: &str = "SEEK_AND_DESTROY_TOOLS";

/// The built book, relative to the workspace root; git ignores it. Passed to mdbook as
/// `--dest-dir` every time, so book.toml and this module cannot disagree.
pub(crate) const OUTPUT: &str = "book";

/// The one line a clean build prints to stderr: the locked mdbook-admonish 1.20.0 was
/// compiled against mdbook 0.4.51, and mdbook's preprocessor library says so on every run.
/// Harmless within 0.4; update it with the pins.
const HARMLESS: &str = "Warning: The mdbook-admonish preprocessor was built against version \
                        0.4.51 of mdbook, but we're being called from version 0.4.52";

/// `serve` listens on localhost only: the book is for the reader at this machine.
const HOST: &str = "127.0.0.1";
const PORT: &str = "3000";

/// The mdbook and mdbook-admonish binaries at their pinned versions.
pub(crate) struct Tools {
    pub(crate) mdbook: PathBuf,
    pub(crate) admonish: PathBuf,
}

/// Finds both tools at their pinned versions, installing into the cache those that are
/// missing. Returns absolute paths.
pub(crate) fn ensure_tools() -> anyhow::Result<Tools> {
    if let Some(tools) = find_tools()? {
        return Ok(tools);
    }
    let cache = cache_dir()?;
    fs::create_dir_all(&cache).with_context(|| format!("Failed to create {}", cache.display()))?;
    // Both installs build in one target folder, so the ~200 crates the two lock files share
    // at the same versions (tokio, handlebars, pulldown-cmark, serde…) compile once.
    let target = cache.join("target");
    for pin in [&MDBOOK, &ADMONISH] {
        if find(pin)?.is_none() {
            install(pin, &cache, &target)?;
        }
    }
    // The shared build folder is only needed during the installs, and it is large.
    if let Err(error) = fs::remove_dir_all(&target) {
        eprintln!(
            "warning: could not remove the tools' build folder {}: {error}",
            target.display()
        );
    }
    let missing = |pin: &Pin| {
        anyhow::anyhow!(
            "cargo install left no {} {} in {}",
            pin.name,
            pin.version,
            cache.display()
        )
    };
    Ok(Tools {
        mdbook: find(&MDBOOK)?.ok_or_else(|| missing(&MDBOOK))?,
        admonish: find(&ADMONISH)?.ok_or_else(|| missing(&ADMONISH))?,
    })
}

/// Both tools at their pinned versions, on `PATH` or in the cache, without installing them.
pub(crate) fn find_tools() -> anyhow::Result<Option<Tools>> {
    Ok(match (find(&MDBOOK)?, find(&ADMONISH)?) {
        (Some(mdbook), Some(admonish)) => Some(Tools { mdbook, admonish }),
        _ => None,
    })
}

/// The pinned tool on `PATH`, else in the cache; `None` if neither has the pinned version.
fn find(pin: &Pin) -> anyhow::Result<Option<PathBuf>> {
    if let Some(found) = on_path(pin.name)
        && version_of(&found).as_deref() == Some(pin.version)
    {
        return Ok(Some(found));
    }
    let binary = cache_dir()?
        .join("bin")
        .join(format!("{}{}", pin.name, env::consts::EXE_SUFFIX));
    Ok((version_of(&binary).as_deref() == Some(pin.version)).then_some(binary))
}

/// `cargo install` of one pinned tool into `cache`, building in the shared `target` folder.
fn install(pin: &Pin, cache: &Path, target: &Path) -> anyhow::Result<()> {
    println!(
        "Installing {} {} into {} with cargo install. Both tools take under 3 minutes on two \
         cores, once: later runs and other clones of the workbook reuse them (they need not be \
         on your PATH).",
        pin.name,
        pin.version,
        cache.display()
    );
    // Run from the cache folder, so the workspace's .cargo/config.toml plays no part.
    process::run(
        process::cargo(cache)
            .args(install_args(pin))
            .arg(cache)
            .env("CARGO_TARGET_DIR", target)
            // mdbook-admonish's own release profile strips symbols, and a profile setting is
            // part of every crate's build hash: the same setting for both lets them share.
            .env("CARGO_PROFILE_RELEASE_STRIP", "symbols")
            // Unoptimised: the installs take less than half the CPU time (171 s against 370 s at
            // level 1 and 478 s before, on 2 cores), and the tools still build this book in
            // about a second (0.3 s optimised). Nobody runs them on a hot path.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
    )
}

/// `install --locked --version V NAME --no-default-features --features F --root`; the
/// caller adds the root folder.
fn install_args(pin: &Pin) -> Vec<&'static str> {
    vec![
        "install",
        "--locked",
        "--version",
        pin.version,
        pin.name,
        "--no-default-features",
        "--features",
        pin.features,
        "--root",
    ]
}

/// The first `name` on `PATH`, as an absolute path.
fn on_path(name: &str) -> Option<PathBuf> {
    let file = format!("{name}{}", env::consts::EXE_SUFFIX);
    let found = env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(&file))
        .find(|candidate| candidate.is_file())?;
    std::path::absolute(found).ok()
}

/// The version a binary reports: the last word of `--version` (`mdbook v0.4.52`,
/// `mdbook-admonish 1.20.0`). `None` if it is missing or does not run.
fn version_of(binary: &Path) -> Option<String> {
    let output = Command::new(binary).arg("--version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let word = text.split_whitespace().last()?;
    Some(word.trim_start_matches('v').to_owned())
}

/// `$SEEK_AND_DESTROY_TOOLS`, else `seek-and-destroy/tools` in the user's cache folder
/// (`$XDG_CACHE_HOME`, `~/.cache`, or `%LOCALAPPDATA%` on Windows): outside the clone, so
/// that deleting or re-cloning the workbook keeps the tools.
fn cache_dir() -> anyhow::Result<PathBuf> {
    let set = |name: &str| env::var_os(name).filter(|value| !value.is_empty());
    let dir = match set(TOOLS_ENV) {
        Some(dir) => PathBuf::from(dir),
        None => set("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| set("HOME").map(|home| Path::new(&home).join(".cache")))
            .or_else(|| set("LOCALAPPDATA").map(PathBuf::from))
            .with_context(|| {
                format!("no cache folder for the book's tools: set {TOOLS_ENV} or HOME")
            })?
            .join("seek-and-destroy")
            .join("tools"),
    };
    Ok(std::path::absolute(dir)?)
}

/// `mdbook`, with the folders of both tools first on `PATH`: book.toml names the preprocessor
/// `mdbook-admonish`, and mdbook must find the pinned one, not another on the user's `PATH`.
fn mdbook(tools: &Tools) -> anyhow::Result<Command> {
    let mut dirs: Vec<PathBuf> = [&tools.admonish, &tools.mdbook]
        .into_iter()
        .filter_map(|binary| binary.parent().map(Path::to_path_buf))
        .collect();
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    let mut command = Command::new(&tools.mdbook);
    command.env("PATH", env::join_paths(dirs)?);
    Ok(command)
}

/// Builds the book into `book/` and checks it: mdbook logged no warning or error, every
/// admonish block was rendered, and every internal link and anchor resolves.
pub(crate) fn build(root: &Path, tools: &Tools) -> anyhow::Result<()> {
    let output = root.join(OUTPUT);
    let mut command = mdbook(tools)?;
    command
        .arg("build")
        .arg(root)
        .arg("--dest-dir")
        .arg(&output)
        // Only warnings and errors, from mdbook and the preprocessor alike: then anything
        // on stderr but HARMLESS is a problem, whatever its wording.
        .env("RUST_LOG", "warn");
    let start = Instant::now();
    let run = command
        .output()
        .with_context(|| format!("starting {}", tools.mdbook.display()))?;
    let took = start.elapsed();
    let log = String::from_utf8_lossy(&run.stderr);
    ensure!(
        run.status.success(),
        "mdbook build failed ({}):\n{log}",
        run.status
    );
    let complaints: Vec<&str> = log
        .lines()
        .filter(|line| !line.trim().is_empty() && *line != HARMLESS)
        .collect();
    ensure!(
        complaints.is_empty(),
        "mdbook build succeeded, but logged warnings or errors; a missing preprocessor or \
         include leaves the book broken:\n{}",
        complaints.join("\n")
    );

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

/// Builds and checks the book, then serves it on localhost. mdbook rebuilds it as files
/// change (without these checks; `cargo xtask book` runs them again).
pub(crate) fn serve(root: &Path, tools: &Tools, open: bool) -> anyhow::Result<()> {
    build(root, tools)?;
    // The sidebar shows the reader's progress: keep book/progress.json across rebuilds.
    crate::progress::keep_served(root);
    println!("Serving the book at http://{HOST}:{PORT}/ (Ctrl-C stops it)");
    let mut command = mdbook(tools)?;
    command
        .arg("serve")
        .arg(root)
        .arg("--dest-dir")
        .arg(root.join(OUTPUT))
        .args(["--hostname", HOST, "--port", PORT]);
    if open {
        command.arg("--open");
    }
    process::run(&mut command)
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
    fn installs_keep_the_exact_pins_and_the_lock_files() {
        let args = install_args(&MDBOOK);
        assert_eq!(
            args[..5],
            ["install", "--locked", "--version", "0.4.52", "mdbook"]
        );
        assert!(args.contains(&"--no-default-features"));
        assert_eq!(args.last(), Some(&"--root"));
        assert!(ADMONISH.features.split(',').any(|f| f == "cli"));
        for feature in ["search", "serve", "watch"] {
            assert!(MDBOOK.features.split(',').any(|f| f == feature));
        }
    }

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
