//! `cargo xtask bundle [--verify]`: one archive for a room with bad Wi-Fi. It holds the built
//! book, the workspace as committed (`git archive HEAD`: the exercises with their starters,
//! the toolkit, the listings), and every dependency vendored (`cargo vendor`), with a
//! `.cargo/config.toml` that points Cargo at `vendor/`. An attendee with only Rust installed
//! unpacks it, opens `book/index.html` (or runs `cargo xtask serve --open`), and runs
//! `cargo test -p chapter-N` with no network. The book's tools need no install there either:
//! mdBook and admonish are libraries of the xtask, vendored with everything else.
//!
//! `--verify` then proves it: unpacks the archive into a temporary folder and runs
//! `cargo test --offline -p chapter-1` there with an empty cargo home.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::Context as _;
use seek_and_destroy::tooling::{Kind, Outcome};

use crate::{book, grade, process, starter, workbook};

/// The folder at the archive's top.
const NAME: &str = "seek-and-destroy";
/// The archive, relative to the root.
pub(crate) const ARCHIVE: &str = "target/seek-and-destroy-offline.tar.gz";

/// Makes the archive, and with `verify` tests it offline.
pub(crate) fn bundle(root: &Path, verify: bool) -> anyhow::Result<()> {
    let start = Instant::now();
    book::build(root)?;

    let staging_parent = root.join("target/bundle");
    let staging = staging_parent.join(NAME);
    if staging_parent.exists() {
        std::fs::remove_dir_all(&staging_parent)
            .with_context(|| format!("Failed to empty {}", staging_parent.display()))?;
    }
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("Failed to create {}", staging.display()))?;

    warn_if_uncommitted(root)?;
    println!("Copying the workspace as committed (git archive HEAD)");
    extract_head(root, &staging)?;
    println!("Copying the built book");
    copy_tree(&root.join(book::OUTPUT), &staging.join(book::OUTPUT))?;
    // The bundle's readers start afresh: the book's own progress.json lists no chapter.
    std::fs::copy(
        root.join("chapters/progress.json"),
        staging.join(book::OUTPUT).join("progress.json"),
    )
    .context("Failed to reset the bundled book's progress.json")?;

    println!("Vendoring every dependency (cargo vendor)");
    process::run(
        process::cargo(&staging)
            .args(["vendor", "--locked", "--quiet", "vendor"])
            .stdout(Stdio::null()),
    )?;
    let config_path = staging.join(".cargo/config.toml");
    let config = std::fs::read_to_string(&config_path).unwrap_or_default();
    std::fs::create_dir_all(staging.join(".cargo"))?;
    std::fs::write(&config_path, offline_config(&config))
        .with_context(|| format!("Failed to write {}", config_path.display()))?;

    // The bundle's readers start afresh, even if HEAD holds an instructor's solutions.
    for chapter in workbook::written_chapters(&staging)? {
        std::fs::write(
            starter::path(&staging, &chapter),
            starter::shipped(&staging, &chapter)?,
        )?;
    }
    std::fs::write(staging.join("OFFLINE.md"), OFFLINE_README)?;

    let archive = root.join(ARCHIVE);
    println!("Packing {}", ARCHIVE);
    process::run(
        Command::new("tar")
            .arg("-czf")
            .arg(&archive)
            .arg("-C")
            .arg(&staging_parent)
            .arg(NAME),
    )?;
    std::fs::remove_dir_all(&staging_parent)
        .with_context(|| format!("Failed to remove {}", staging_parent.display()))?;
    let size = std::fs::metadata(&archive)?.len();
    println!(
        "Made {ARCHIVE}: {} in {:.0} s. Unpack it, open {NAME}/book/index.html, and run \
         `cargo test -p chapter-1` in {NAME}/: no network needed.",
        megabytes(size),
        start.elapsed().as_secs_f64()
    );
    if verify {
        verify_offline(root, &archive)?;
    }
    Ok(())
}

/// The workspace's Cargo configuration with crates.io replaced by `vendor/`.
fn offline_config(existing: &str) -> String {
    let mut config = existing.trim_end().to_owned();
    if !config.is_empty() {
        config.push_str("\n\n");
    }
    config.push_str(
        "# The offline bundle: every dependency is in vendor/, so no command needs the network.\n\
         [source.crates-io]\n\
         replace-with = \"vendored-sources\"\n\
         \n\
         [source.vendored-sources]\n\
         directory = \"vendor\"\n",
    );
    config
}

/// `12.3 MB`.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn warn_if_uncommitted(root: &Path) -> anyhow::Result<()> {
    let status = process::output_of(
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["status", "--porcelain"]),
    )
    .context("Failed to ask git whether the work tree is clean")?;
    if !status.trim().is_empty() {
        eprintln!(
            "warning: the bundle holds the last commit (HEAD); these uncommitted changes are \
             not in it:\n{status}"
        );
    }
    Ok(())
}

/// `git archive HEAD | tar -x -C staging`.
fn extract_head(root: &Path, staging: &Path) -> anyhow::Result<()> {
    let mut archive = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", "HEAD"])
        .stdout(Stdio::piped())
        .spawn()
        .context("Failed to start git archive")?;
    let stdout = archive.stdout.take().context("git archive has no output")?;
    let extracted = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(staging)
        .stdin(stdout)
        .status()
        .context("Failed to start tar, to unpack git archive")?;
    let archived = archive.wait()?;
    anyhow::ensure!(
        archived.success() && extracted.success(),
        "git archive HEAD | tar -x failed ({archived}, {extracted})"
    );
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("Failed to create {}", to.display()))?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("Failed to read {}", from.display()))?
    {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("Failed to copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Unpacks the archive into a temporary folder and runs chapter 1's checks there, offline,
/// with an empty cargo home: the starter must build, give right answers, and fail its budgets.
fn verify_offline(root: &Path, archive: &Path) -> anyhow::Result<()> {
    let place = root.join("target/bundle-verify");
    let _ = std::fs::remove_dir_all(&place);
    let cargo_home = place.join("empty-cargo-home");
    std::fs::create_dir_all(&cargo_home)?;
    process::run(
        Command::new("tar")
            .arg("-xzf")
            .arg(archive)
            .arg("-C")
            .arg(&place),
    )?;
    let unpacked = place.join(NAME);
    println!(
        "Verifying: cargo test --offline -p chapter-1 in {}, CARGO_HOME={}",
        unpacked.display(),
        cargo_home.display()
    );
    let start = Instant::now();
    let mut command = attendee_cargo(&unpacked, &cargo_home);
    command.args(["test", "--offline", "-p", "chapter-1"]);
    let run = grade::verdicts_of(command, &place.join("verdicts"))?;
    println!("{}", run.printed.trim_end());
    let verdict = judge(&run);
    println!(
        "Verification took {:.0} s: {}",
        start.elapsed().as_secs_f64(),
        verdict.as_ref().map_or_else(|e| e.clone(), |ok| ok.clone())
    );
    verdict.map_err(anyhow::Error::msg)?;
    std::fs::remove_dir_all(&place).ok();
    Ok(())
}

/// `cargo` as an attendee runs it (through rustup when present), in `dir`, with nothing of
/// this process's Cargo environment.
fn attendee_cargo(dir: &Path, cargo_home: &Path) -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(dir);
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy().into_owned();
        if name == "CARGO" || name == "RUSTUP_TOOLCHAIN" || name.starts_with("CARGO_") {
            command.env_remove(&name);
        }
    }
    command.env("CARGO_HOME", cargo_home);
    command
}

/// The starter of chapter 1, run offline: every correctness check passes and every budget
/// check ran (and failed, as the starter's do by design).
fn judge(run: &grade::Run) -> Result<String, String> {
    let correctness: Vec<_> = run
        .verdicts
        .iter()
        .filter(|v| v.kind == Kind::Correctness)
        .collect();
    let budget = run.verdicts.len() - correctness.len();
    if run.verdicts.is_empty() {
        return Err("no check ran: the bundle did not build offline".to_owned());
    }
    if let Some(wrong) = correctness.iter().find(|v| v.outcome != Outcome::Passed) {
        return Err(format!("{} did not pass: {:?}", wrong.check, wrong.outcome));
    }
    Ok(format!(
        "built and ran offline: {} correctness checks passed, {budget} budget checks ran \
         (the starter fails them by design)",
        correctness.len()
    ))
}

/// What an attendee reads first in the unpacked bundle.
const OFFLINE_README: &str = "\
# Seek and Destroy, offline

This folder holds everything the workshop needs, with no network:

- `book/index.html`: the book. Open it in a browser, or serve it with
  `cargo xtask serve --open` (the first run compiles the xtask from `vendor/`, offline).
- `exercises/chapter-N/`: the exercises. Edit `exercises/chapter-N/src/lib.rs`.
- `vendor/`: every dependency. `.cargo/config.toml` tells Cargo to use it.

Grade an exercise:

```sh
cargo test -p chapter-1
```

The workbook pins Rust 1.95.0 in `rust-toolchain.toml`. With rustup, install it before the day
(`rustup toolchain install 1.95.0 --component rustfmt clippy`): it is the one download the
bundle cannot hold. `cargo xtask progress`, `watch` and `reset N` work here too.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offline_config_keeps_the_alias_and_replaces_crates_io() {
        let config = offline_config("[alias]\nxtask = \"run --package xtask --\"\n");
        assert!(config.starts_with("[alias]\nxtask"), "{config}");
        assert!(config.contains("[source.crates-io]\nreplace-with = \"vendored-sources\""));
        assert!(config.ends_with("[source.vendored-sources]\ndirectory = \"vendor\"\n"));
        let parsed: toml::Table = toml::from_str(&config).expect("valid TOML");
        assert!(parsed.contains_key("alias") && parsed.contains_key("source"));
    }

    #[test]
    fn sizes_read_in_megabytes() {
        assert_eq!(megabytes(12_345_678), "12.3 MB");
    }

    #[test]
    fn a_verified_bundle_passes_correctness_and_runs_budgets() {
        use seek_and_destroy::tooling::Verdict;
        let verdict = |check: &str, kind, outcome| Verdict {
            check: check.to_owned(),
            kind,
            outcome,
            measurement: None,
        };
        let run = grade::Run {
            passed: false,
            verdicts: vec![
                verdict("correctness::a", Kind::Correctness, Outcome::Passed),
                verdict(
                    "budget::a",
                    Kind::Budget,
                    Outcome::OverBudget { exceeded: vec![] },
                ),
            ],
            printed: String::new(),
        };
        assert!(judge(&run).is_ok());
        let empty = grade::Run {
            passed: false,
            verdicts: vec![],
            printed: String::new(),
        };
        assert!(judge(&empty).is_err());
    }
}
