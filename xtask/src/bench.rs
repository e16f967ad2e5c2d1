//! `cargo xtask bench`: the figures the workbook promises its readers, measured.
//!
//! - edit→verdict: a one-line change to chapter 1's starter, then `cargo test -p chapter-1`,
//!   and the same for `plain-chapter-1`, the same file under plain `#[test]`s, with their
//!   ratio;
//! - one budget check on each starter, run alone;
//! - a cold `cargo test -p chapter-1` in an empty target folder (dependencies fetched);
//! - determinism: every chapter's figures, run after run, debug and release, serial and
//!   parallel, starter and solution;
//! - the book's build and its checks.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use seek_and_destroy::Measurement;
use seek_and_destroy::tooling::CheckName;

use crate::grade::{Code, run_checks};
use crate::process::{cargo_test, cargo_test_one};
use crate::workbook;

/// Runs every benchmark, `runs` times where it repeats, and prints a summary table.
///
/// `quick` measures only what a reader waits for (edit→verdict, one check) and skips the cold
/// build, the determinism runs and the book, which take long with every chapter written.
pub(crate) fn bench(root: &Path, runs: usize, quick: bool) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    let chapters = workbook::written_chapters(root)?;
    let first = chapters
        .first()
        .ok_or_else(|| anyhow::anyhow!("no chapter is written"))?;

    let (times, plain) = edit_to_verdict(root, &first.package(), runs)?;
    rows.push(row(
        &format!("edit→verdict, cargo test -p {}", first.package()),
        &times,
    ));
    rows.push(row(&format!("edit→verdict, cargo test -p {PLAIN}"), &plain));
    let ratio = median(&times).as_secs_f64() / median(&plain).as_secs_f64();
    let line = format!(
        "| edit→verdict, {} against {PLAIN} (paired, medians) | {ratio:.2}× |",
        first.package()
    );
    println!("{line}");
    rows.push(line);

    for chapter in &chapters {
        for budget in chapter.budgets(root)?.checks {
            let check = CheckName::budget(&budget.name).to_string();
            let times = repeat(runs.min(5), || {
                let start = Instant::now();
                cargo_test_one(root, &chapter.package(), &check).output()?;
                Ok(start.elapsed())
            })?;
            let name = format!("one check on the starter, {} {check}", chapter.package());
            rows.push(row(&name, &times));
        }
    }

    if quick {
        return print_rows(rows);
    }

    let cold_dir = root.join("target/bench-cold");
    let _ = std::fs::remove_dir_all(&cold_dir);
    let start = Instant::now();
    cargo_test(root, &first.package())
        .arg("--target-dir")
        .arg(&cold_dir)
        .output()?;
    rows.push(row(
        &format!("cold cargo test -p {}", first.package()),
        &[start.elapsed()],
    ));
    let _ = std::fs::remove_dir_all(&cold_dir);

    for chapter in &chapters {
        let identical = determinism(root, chapter, runs)?;
        println!("{}: {identical}", chapter.package());
        rows.push(format!(
            "| determinism, {} | {identical} |",
            chapter.package()
        ));
    }

    let times = repeat(runs.min(5), || {
        let start = Instant::now();
        crate::book::build(root)?;
        Ok(start.elapsed())
    })?;
    rows.push(row("xtask book (the build and its checks)", &times));
    print_rows(rows)
}

fn print_rows(rows: Vec<String>) -> anyhow::Result<()> {
    println!("\n| what | median (min–max) |\n|---|---|");
    for row in rows {
        println!("{row}");
    }
    Ok(())
}

fn repeat(
    runs: usize,
    mut once: impl FnMut() -> anyhow::Result<Duration>,
) -> anyhow::Result<Vec<Duration>> {
    (0..runs.max(1)).map(|_| once()).collect()
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn row(what: &str, times: &[Duration]) -> String {
    let mut sorted = times.to_vec();
    sorted.sort();
    let median = median(times);
    let line = format!(
        "| {what} | {:.2} s ({:.2}–{:.2} s, {} runs) |",
        median.as_secs_f64(),
        sorted[0].as_secs_f64(),
        sorted[sorted.len() - 1].as_secs_f64(),
        sorted.len()
    );
    println!("{line}");
    line
}

/// A crate of chapter 1's shape without dhat: the same `src/lib.rs` (the very file), the same
/// eleven checks as plain `#[test]`s. Its edit→verdict is the floor the workbook aims near.
const PLAIN: &str = "plain-chapter-1";

/// Times `cargo test -p package`, and `cargo test -p plain-chapter-1`, after each of `runs`
/// one-line changes to the package's `src/lib.rs`, which the plain crate also builds. Each
/// edit is timed in both crates, in alternating order, so both see the same load.
fn edit_to_verdict(
    root: &Path,
    package: &str,
    runs: usize,
) -> anyhow::Result<(Vec<Duration>, Vec<Duration>)> {
    let lib = root.join("exercises").join(package).join("src/lib.rs");
    let original = std::fs::read_to_string(&lib)?;
    for warm in [package, PLAIN] {
        cargo_test(root, warm).arg("--no-run").output()?;
    }
    let timed = |crate_name: &str| -> anyhow::Result<Duration> {
        let start = Instant::now();
        cargo_test(root, crate_name).output()?;
        Ok(start.elapsed())
    };
    let mut edit = 0;
    let mut plain = Vec::new();
    let times = repeat(runs, || {
        edit += 1;
        std::fs::write(&lib, format!("{original}// edit {edit}\n"))?;
        // The plain crate's build reads the same file: one edit, two rebuilds.
        if edit % 2 == 0 {
            plain.push(timed(PLAIN)?);
            timed(package)
        } else {
            let time = timed(package)?;
            plain.push(timed(PLAIN)?);
            Ok(time)
        }
    });
    std::fs::write(&lib, &original)?;
    Ok((times?, plain))
}

/// Runs a chapter's checks `runs` times for each combination, and says whether every run of
/// a check measured the same figures (wall time aside).
fn determinism(root: &Path, chapter: &workbook::Chapter, runs: usize) -> anyhow::Result<String> {
    let mut seen: BTreeMap<String, Measurement> = BTreeMap::new();
    let mut total = 0;
    for code in [Code::Starter, Code::Solution] {
        for profile in [&[][..], &["--release"][..]] {
            for run in 0..runs {
                let threads: &[&str] = if run % 2 == 0 {
                    &[]
                } else {
                    &["--test-threads=1"]
                };
                let result = run_checks(root, chapter, code, profile, threads)?;
                for verdict in result.verdicts {
                    let Some(mut measured) = verdict.measurement else {
                        continue;
                    };
                    measured.elapsed = Duration::ZERO;
                    let key = format!("{code:?} {}", verdict.check);
                    if let Some(earlier) = seen.insert(key.clone(), measured) {
                        anyhow::ensure!(
                            earlier == measured,
                            "{key} measured {earlier:?}, then {measured:?}"
                        );
                    }
                    total += 1;
                }
            }
        }
    }
    Ok(format!(
        "{total} measurements over {runs} runs × debug/release × starter/solution, serial and \
         parallel: identical"
    ))
}
