//! The book in a real browser: `cargo xtask browser`, a step of `cargo xtask ci`.
//!
//! `browser/check.mjs` drives Debian's Chromium, headless, with playwright-core (pinned in
//! `browser/package-lock.json`), against the built book served on 127.0.0.1: every page read
//! at 1280 px and at 390 px as a reader would, every collapsed block clicked open, every link
//! followed. This module installs what it needs and runs it: Chromium with `apt-get` when
//! `/usr/bin/chromium` is missing (as root, as CI runs), and playwright-core with `npm ci`
//! when `browser/node_modules` does not hold the locked version. Node.js 20 or later must be
//! on `PATH`; playwright-core downloads no browser of its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context as _, bail, ensure};

use crate::{book, process};

/// Where the checker finds Chromium: `$CHROMIUM`, else Debian's.
const CHROMIUM_ENV: &str = "CHROMIUM";
const DEBIAN_CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's packages: the browser, and fonts for the diagrams' `sans-serif` and `monospace`
/// text. Installed without chromium's recommended packages (a printer setup, avahi, systemd),
/// which a headless browser does not use and which would treble the install.
const APT_PACKAGES: [&str; 3] = ["chromium", "fonts-liberation", "fonts-dejavu-core"];
/// The oldest Node.js that playwright-core supports.
const NODE_MAJOR: u32 = 20;

/// Builds the book, installs what the check needs, and runs it. Screenshots go to
/// `target/browser/`.
pub(crate) fn check(root: &Path) -> anyhow::Result<()> {
    book::build(root)?;
    let start = Instant::now();
    let chromium = ensure_chromium()?;
    ensure_node()?;
    ensure_playwright(&root.join("browser"))?;
    let installed = start.elapsed();

    let out = root.join("target").join("browser");
    process::run(
        Command::new("node")
            .current_dir(root)
            .arg("browser/check.mjs")
            .arg("--book")
            .arg(root.join(book::OUTPUT))
            .arg("--out")
            .arg(&out)
            .env(CHROMIUM_ENV, &chromium),
    )?;
    println!(
        "The browser check took {:.1} s, of which {:.1} s checking what it needs",
        start.elapsed().as_secs_f64(),
        installed.as_secs_f64()
    );
    Ok(())
}

/// `$CHROMIUM` if set, else Debian's Chromium, installed with apt-get if it is missing.
fn ensure_chromium() -> anyhow::Result<PathBuf> {
    if let Some(path) = std::env::var_os(CHROMIUM_ENV).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        ensure!(
            path.is_file(),
            "{CHROMIUM_ENV} is set to {}, which is not a file",
            path.display()
        );
        return Ok(path);
    }
    let path = PathBuf::from(DEBIAN_CHROMIUM);
    if path.is_file() {
        return Ok(path);
    }
    ensure!(
        Path::new("/usr/bin/apt-get").is_file(),
        "the browser check needs Chromium: install it, and set {CHROMIUM_ENV} to its binary \
         if it is not {DEBIAN_CHROMIUM}"
    );
    println!(
        "Installing Debian's {} with apt-get, once (about a minute; it needs root, as CI has).",
        APT_PACKAGES.join(" and ")
    );
    let apt = |args: &[&str]| {
        process::run(
            Command::new("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
        .with_context(|| {
            format!(
                "installing Chromium failed: as root, run `apt-get install {}`, or set \
                 {CHROMIUM_ENV} to a Chromium binary",
                APT_PACKAGES.join(" ")
            )
        })
    };
    apt(&["update", "-qq"])?;
    apt(&[
        &["install", "-y", "-qq", "--no-install-recommends"][..],
        &APT_PACKAGES[..],
    ]
    .concat())?;
    ensure!(
        path.is_file(),
        "apt-get installed chromium, but there is no {DEBIAN_CHROMIUM}"
    );
    Ok(path)
}

/// Node.js on `PATH`, at version 20 or later.
fn ensure_node() -> anyhow::Result<()> {
    let version = process::output_of(Command::new("node").arg("--version")).with_context(|| {
        format!("the browser check runs on Node.js {NODE_MAJOR} or later: install it (nodejs.org)")
    })?;
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse().ok())
        .with_context(|| format!("`node --version` printed {version:?}"))?;
    ensure!(
        major >= NODE_MAJOR,
        "the browser check needs Node.js {NODE_MAJOR} or later (playwright-core's minimum), \
         and this is {}",
        version.trim()
    );
    Ok(())
}

/// `npm ci` in `browser/`, unless its node_modules already holds the locked playwright-core.
fn ensure_playwright(dir: &Path) -> anyhow::Result<()> {
    let locked = package_version(&dir.join("package-lock.json"), |lock| {
        lock.get("packages")?
            .get("node_modules/playwright-core")?
            .get("version")
    })?
    .context("browser/package-lock.json does not lock playwright-core")?;
    let installed = package_version(
        &dir.join("node_modules/playwright-core/package.json"),
        |package| package.get("version"),
    )
    .ok()
    .flatten();
    if installed.as_deref() == Some(locked.as_str()) {
        return Ok(());
    }
    println!("Installing playwright-core {locked} from browser/package-lock.json with npm ci.");
    process::run(
        Command::new("npm")
            .current_dir(dir)
            .args(["ci", "--no-audit", "--no-fund"]),
    )
}

/// A string that `find` picks out of the JSON file at `path`, if it is there.
fn package_version(
    path: &Path,
    find: impl Fn(&serde_json::Value) -> Option<&serde_json::Value>,
) -> anyhow::Result<Option<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    match find(&json) {
        None => Ok(None),
        Some(serde_json::Value::String(version)) => Ok(Some(version.clone())),
        Some(other) => bail!(
            "{}: a version that is not a string: {other}",
            path.display()
        ),
    }
}
