//! `cargo xtask rehearse`: the workshop kit, tried the way a room uses it. In a fresh clone of
//! the last commit (`target/xtask/rehearse/clone`, kept between runs so that its builds are
//! warm), it proves:
//!
//! 1. every `src/lib.rs` is its pristine `starter.rs`, and every page includes `starter.rs`;
//! 2. with every exercise solved in the working tree and committed (as an instructor
//!    preparing a room does), the built book (its pages and `print.html`, the same build that
//!    `serve` and `bundle` ship) still shows each starter, never the reader's file;
//! 3. `progress` sees the truth: no solved chapter is "not started", and the chapters it runs
//!    are solved;
//! 4. an edited `budgets.toml` makes the chapter "not graded" in `progress`, and its
//!    `cargo test` fails saying so, although every check passes; so does an edited `checks.rs`;
//! 5. `reset` restores the starter and keeps every earlier version, numbered, in
//!    `exercises/chapter-N/kept/`, outside `target/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::Context as _;

use crate::progress::{self, State};
use crate::workbook::{self, Chapter};
use crate::{book, process, reset, starter};

/// The chapters whose checks `progress` really runs in the clone: the first, and one with a
/// dependency of its own. Every other chapter's checks run on its solution in `grade`.
const RUN_IN_FULL: [u32; 2] = [1, 17];

/// Runs the rehearsal; fails with every broken promise.
pub(crate) fn rehearse(root: &Path) -> anyhow::Result<()> {
    let start = Instant::now();
    let clone = fresh_clone(root)?;
    let chapters = workbook::written_chapters(&clone)?;

    let differing = starter::differing_starters(&clone, &chapters)?;
    anyhow::ensure!(
        differing.is_empty(),
        "a fresh clone's src/lib.rs must be its pristine starter: {}",
        differing.join("; ")
    );
    pages_include_starters(&clone, &chapters)?;
    println!(
        "rehearse: a fresh clone's {} src/lib.rs are their starter.rs, and the pages include \
         starter.rs",
        chapters.len()
    );

    for chapter in &chapters {
        let solution = std::fs::read_to_string(chapter.exercise_dir(&clone).join("solution.rs"))?;
        std::fs::write(starter::path(&clone, chapter), solution)?;
    }
    git(&clone, &["add", "--all", "exercises"])?;
    git(
        &clone,
        &[
            "-c",
            "user.name=rehearsal",
            "-c",
            "user.email=rehearsal@localhost",
            "commit",
            "--quiet",
            "-m",
            "Every exercise solved",
        ],
    )?;

    book::build(&clone)?;
    book_shows_starters(&clone, &chapters)?;
    println!("rehearse: with every exercise solved and committed, the book shows the starters");

    for chapter in &chapters {
        let state = progress::without_running(&clone, chapter)?;
        anyhow::ensure!(
            state.is_none(),
            "{}: solved and committed, but progress says {state:?}",
            chapter.package()
        );
    }
    for chapter in chapters.iter().filter(|c| RUN_IN_FULL.contains(&c.number)) {
        let (state, printed) = progress::check(&clone, chapter)?;
        anyhow::ensure!(
            state == State::Solved,
            "{}: solved, but progress says {state:?}:\n{printed}",
            chapter.package()
        );
    }
    println!("rehearse: progress counts no solved chapter as not started, and finds them solved");

    let first = &chapters[0];
    edited_budgets_do_not_count(&clone, first)?;
    println!("rehearse: an edited budgets.toml is reported, and never counted as solved");

    reset_keeps_every_version(&clone, first)?;
    println!(
        "rehearse: reset restores the starter and keeps every version in exercises/{}/kept/",
        first.package()
    );
    println!(
        "rehearse: done in {:.0} s ({})",
        start.elapsed().as_secs_f64(),
        clone.display()
    );
    Ok(())
}

/// `target/xtask/rehearse/clone`, at the root's `HEAD`, with nothing else in it but its
/// `target/`.
fn fresh_clone(root: &Path) -> anyhow::Result<PathBuf> {
    let clone = root.join("target/xtask/rehearse/clone");
    if !clone.join(".git").is_dir() {
        if clone.exists() {
            std::fs::remove_dir_all(&clone)?;
        }
        std::fs::create_dir_all(clone.parent().expect("a parent"))?;
        process::run(
            Command::new("git")
                .args(["clone", "--quiet", "--no-checkout"])
                .arg(root)
                .arg(&clone),
        )?;
    }
    let head = process::output_of(
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["rev-parse", "HEAD"]),
    )?;
    git(
        &clone,
        &["fetch", "--quiet", &root.display().to_string(), head.trim()],
    )?;
    git(
        &clone,
        &["checkout", "--quiet", "--force", "--detach", head.trim()],
    )?;
    git(&clone, &["clean", "--quiet", "-fdx", "--exclude=/target"])?;
    Ok(clone)
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<()> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("Failed to run git")?;
    anyhow::ensure!(
        output.status.success(),
        "git {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr).trim()
    );
    Ok(())
}

/// No page includes a reader's `src/lib.rs`; every page that shows its starter includes
/// `starter.rs`.
fn pages_include_starters(root: &Path, chapters: &[Chapter]) -> anyhow::Result<()> {
    for chapter in chapters {
        let page = std::fs::read_to_string(chapter.page_dir(root).join("index.md"))?;
        for line in page.lines().filter(|l| l.contains("{{#include")) {
            anyhow::ensure!(
                !(line.contains("exercises/") && line.contains("/src/")),
                "chapter {}'s page includes a reader's file, which the reader changes: {line}",
                chapter.number
            );
        }
    }
    Ok(())
}

/// A line of `starter.rs` that `solution.rs` does not have, as the book's HTML writes it.
fn distinctive_line(root: &Path, chapter: &Chapter) -> anyhow::Result<Option<String>> {
    let starter = starter::shipped(root, chapter)?;
    let solution = std::fs::read_to_string(chapter.exercise_dir(root).join("solution.rs"))?;
    let page = std::fs::read_to_string(chapter.page_dir(root).join("index.md"))?;
    // The part of the starter that the page includes: `starter.rs:FROM:` or `:FROM:TO`.
    let Some((from, to)) = page.lines().find_map(|l| {
        let range = l.split("starter.rs:").nth(1)?.trim_end_matches("}}");
        let (from, to) = range.split_once(':')?;
        Some((
            from.parse::<usize>().ok()?,
            to.parse::<usize>().unwrap_or(usize::MAX),
        ))
    }) else {
        return Ok(None);
    };
    Ok(starter
        .lines()
        .take(to)
        .skip(from.saturating_sub(1))
        .map(str::trim)
        .filter(|l| l.len() > 12 && !l.contains(['"', '\'', '&', '<', '>']))
        .find(|l| !solution.lines().any(|s| s.trim() == *l))
        .map(str::to_owned))
}

/// Each chapter's page and `print.html` hold a line only its starter has.
fn book_shows_starters(root: &Path, chapters: &[Chapter]) -> anyhow::Result<()> {
    let output = root.join(book::OUTPUT);
    let print = std::fs::read_to_string(output.join("print.html"))?;
    let mut missing = Vec::new();
    for chapter in chapters {
        let Some(line) = distinctive_line(root, chapter)? else {
            continue;
        };
        let page = std::fs::read_to_string(output.join(&chapter.slug).join("index.html"))?;
        if !page.contains(&line) || !print.contains(&line) {
            missing.push(format!("chapter {}: {line:?}", chapter.number));
        }
    }
    anyhow::ensure!(
        missing.is_empty(),
        "the book does not show these starters' lines: {}",
        missing.join("; ")
    );
    Ok(())
}

/// Raises a budget in the clone: progress says "not graded" without running, and the run
/// itself passes every check yet fails, naming the file.
fn edited_budgets_do_not_count(root: &Path, chapter: &Chapter) -> anyhow::Result<()> {
    let path = chapter.exercise_dir(root).join("budgets.toml");
    let shipped = std::fs::read_to_string(&path)?;
    std::fs::write(&path, format!("{shipped}\n# raised by the reader\n"))?;
    let (state, _) = progress::check(root, chapter)?;
    let output = process::cargo_test(root, &chapter.package()).output()?;
    std::fs::write(&path, &shipped)?;
    anyhow::ensure!(
        matches!(state, State::GradingChanged(_)),
        "an edited budgets.toml: progress says {state:?}"
    );
    let printed = process::printed(&output);
    anyhow::ensure!(
        !output.status.success() && printed.contains("budgets.toml changed"),
        "an edited budgets.toml: the run must fail and say so:\n{printed}"
    );
    let checks = chapter.exercise_dir(root).join("tests/checks.rs");
    let shipped_checks = std::fs::read_to_string(&checks)?;
    std::fs::write(
        &checks,
        format!("{shipped_checks}\n// edited by the reader\n"),
    )?;
    let (state, _) = progress::check(root, chapter)?;
    std::fs::write(&checks, &shipped_checks)?;
    anyhow::ensure!(
        matches!(&state, State::GradingChanged(files) if files[0].ends_with("tests/checks.rs")),
        "an edited checks.rs: progress says {state:?}"
    );
    Ok(())
}

/// Two resets in a row: each restores the starter, and both earlier versions stay.
fn reset_keeps_every_version(root: &Path, chapter: &Chapter) -> anyhow::Result<()> {
    let path = starter::path(root, chapter);
    let solved = std::fs::read_to_string(&path)?;
    reset::reset(root, chapter.number, true)?;
    let shipped = starter::shipped(root, chapter)?;
    anyhow::ensure!(
        std::fs::read_to_string(&path)? == shipped,
        "reset left no starter"
    );
    let edited = format!("{shipped}\n// a second attempt\n");
    std::fs::write(&path, &edited)?;
    reset::reset(root, chapter.number, true)?;
    anyhow::ensure!(
        std::fs::read_to_string(&path)? == shipped,
        "reset left no starter"
    );
    let kept = chapter.exercise_dir(root).join(reset::KEPT_DIR);
    for (index, expected) in [(1, &solved), (2, &edited)] {
        let file = kept.join(format!("lib-{index}.rs"));
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("reset kept no {}", file.display()))?;
        anyhow::ensure!(
            text == *expected,
            "{} holds another version",
            file.display()
        );
    }
    Ok(())
}
