//! `cargo xtask grade`: the grader survives every misbehaving fixture; every solution passes
//! every check; and every untouched starter compiles, gives right answers, and fails its
//! budgets on exactly the figures that its `budgets.toml` declares (`starter_exceeds`): the
//! reason the chapter teaches.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use seek_and_destroy::tooling::{
    Budgets, CheckName, Figure, Kind, MANIFEST, Outcome, VERDICTS_DIR, Verdict,
};

use crate::process::cargo_test;
use crate::workbook::{self, Chapter};

/// Which code the checks grade.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Code {
    /// `src/lib.rs`, as shipped.
    Starter,
    /// `solution.rs`, through the `solution` feature.
    Solution,
}

impl Code {
    fn name(self) -> &'static str {
        match self {
            Code::Starter => "starter",
            Code::Solution => "solution",
        }
    }
}

/// What one run of a chapter's checks produced.
pub(crate) struct Run {
    pub(crate) passed: bool,
    pub(crate) verdicts: Vec<Verdict>,
    pub(crate) printed: String,
}

/// Runs `chapter`'s checks on `code` and collects the grader's verdicts. `extra` goes to
/// cargo (such as `--release`), `test_args` to the test binary (such as `--test-threads=1`).
pub(crate) fn run_checks(
    root: &Path,
    chapter: &Chapter,
    code: Code,
    extra: &[&str],
    test_args: &[&str],
) -> anyhow::Result<Run> {
    let package = chapter.package();
    let mut command = test_command(root, &package, code);
    command.args(extra);
    command.arg("--").args(test_args);
    verdicts_of(command, &verdicts_dir(root, &package, code.name()))
}

/// `cargo test -p package`, grading `code`.
fn test_command(root: &Path, package: &str, code: Code) -> Command {
    let mut command = cargo_test(root, package);
    if let Code::Solution = code {
        command.args(["--features", "solution"]);
    }
    command
}

/// Runs a `cargo test` command with the grader's verdicts going to a folder of this call's
/// own under `dir` (so that runs of the same chapter at once never share one), and collects
/// them.
///
/// The run counts as passed only if cargo says so *and* the grader listed the checks it
/// grades and wrote a passing verdict for each: code that ends the grader's process early can
/// fake an exit status, not the verdicts of checks that never ran.
pub(crate) fn verdicts_of(mut command: Command, dir: &Path) -> anyhow::Result<Run> {
    let own = private_verdicts_dir(dir);
    let _ = std::fs::remove_dir_all(&own);
    command.env(VERDICTS_DIR, &own);
    let output = command.output().context("starting cargo test")?;
    collect_run(
        &own,
        output.status.success(),
        crate::process::printed(&output),
    )
}

/// A folder of this call's own under `dir`, so that runs of the same chapter at once (watch
/// in one terminal, `progress` in another) never share one.
pub(crate) fn private_verdicts_dir(dir: &Path) -> PathBuf {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    dir.join(format!(
        "{}-{}",
        std::process::id(),
        CALLS.fetch_add(1, Ordering::Relaxed)
    ))
}

/// The run whose grader wrote its verdicts into `own` (then removed), given whether cargo
/// said it succeeded and what it printed.
pub(crate) fn collect_run(
    own: &Path,
    cargo_succeeded: bool,
    mut printed: String,
) -> anyhow::Result<Run> {
    let mut verdicts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(own) {
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                let text = std::fs::read_to_string(&path)?;
                verdicts.push(serde_json::from_str::<Verdict>(&text)?);
            }
        }
    }
    let listed = std::fs::read_to_string(own.join(MANIFEST)).ok();
    let _ = std::fs::remove_dir_all(own);
    verdicts.sort_by(|a, b| a.check.cmp(&b.check));
    let complete = listed.as_deref().is_some_and(|listed| {
        let listed: BTreeSet<&str> = listed.lines().filter(|l| !l.is_empty()).collect();
        let judged: BTreeSet<&str> = verdicts.iter().map(|v| v.check.as_str()).collect();
        listed == judged
    });
    let all_passed = verdicts.iter().all(|v| v.outcome == Outcome::Passed);
    if cargo_succeeded && !complete && listed.is_some() {
        printed.push_str(
            "\nxtask: cargo test succeeded, but the grader did not judge every check it listed, \
             so the run does not count as passed.\n",
        );
    }
    Ok(Run {
        passed: cargo_succeeded && complete && all_passed,
        verdicts,
        printed,
    })
}

pub(crate) fn verdicts_dir(root: &Path, package: &str, label: &str) -> PathBuf {
    root.join("target/xtask/verdicts").join(package).join(label)
}

/// Grades every written chapter, and the grader itself; fails with every problem found.
pub(crate) fn grade(root: &Path) -> anyhow::Result<()> {
    let mut problems = crate::fixtures::grader_survives_misbehaviour(root)?;
    for chapter in workbook::written_chapters(root)? {
        let package = chapter.package();
        let mut compiles = true;
        for code in [Code::Starter, Code::Solution] {
            let output = test_command(root, &package, code)
                .arg("--no-run")
                .output()?;
            if !output.status.success() {
                compiles = false;
                problems.push(format!(
                    "{package}: the {} does not compile:\n{}",
                    code.name(),
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
        if !compiles {
            continue;
        }
        let budgets = chapter.budgets(root)?;
        let solution = run_checks(root, &chapter, Code::Solution, &[], &[])?;
        let starter = run_checks(root, &chapter, Code::Starter, &[], &[])?;
        let found = judge_solution(&solution).chain(judge_starter(&starter, &budgets));
        let found: Vec<String> = found.map(|p| format!("{package}: {p}")).collect();
        problems.extend(crate::mistakes::grade_chapter(
            root, &chapter, &solution, &starter,
        )?);
        if found.is_empty() {
            println!(
                "{package}: the solution passes its {} checks; the starter fails {} budget check(s) \
                 as declared",
                solution.verdicts.len(),
                budgets.checks.len()
            );
        } else {
            problems.extend(found);
            problems.push(format!(
                "{package}: what the starter's checks printed:\n{}",
                starter.printed
            ));
        }
    }
    anyhow::ensure!(
        problems.is_empty(),
        "grading failed:\n\n{}",
        problems.join("\n\n")
    );
    Ok(())
}

fn judge_solution(run: &Run) -> impl Iterator<Item = String> + '_ {
    let empty = run
        .verdicts
        .is_empty()
        .then(|| format!("the solution ran no check:\n{}", run.printed));
    let failed = (!run.passed && !run.verdicts.is_empty())
        .then(|| format!("the solution fails:\n{}", run.printed));
    empty.into_iter().chain(failed)
}

fn judge_starter<'a>(run: &'a Run, budgets: &'a Budgets) -> impl Iterator<Item = String> + 'a {
    let passed = run
        .passed
        .then(|| "the starter passes every check".to_owned());
    let missing = budgets
        .checks
        .iter()
        .filter(|budget| {
            let check = CheckName::budget(&budget.name).to_string();
            !run.verdicts.iter().any(|v| v.check == check)
        })
        .map(|budget| {
            format!(
                "{} did not run on the starter",
                CheckName::budget(&budget.name)
            )
        });
    let wrong = run.verdicts.iter().filter_map(move |verdict| {
        let declared = CheckName::parse(&verdict.check)
            .and_then(|check| budgets.get(&check.name))
            .map(|b| {
                b.starter_exceeds
                    .iter()
                    .copied()
                    .collect::<BTreeSet<Figure>>()
            });
        match (verdict.kind, &verdict.outcome, declared) {
            (Kind::Correctness, outcome, _) => {
                let meant_wrong = CheckName::parse(&verdict.check).is_some_and(|check| {
                    budgets.starter_wrong.iter().any(|w| w.name == check.name)
                });
                match (outcome, meant_wrong) {
                    (Outcome::Passed, false) | (Outcome::Wrong, true) => None,
                    (Outcome::Passed, true) => Some(format!(
                        "{} passes on the starter, but budgets.toml declares it wrong there",
                        verdict.check
                    )),
                    (outcome, false) => Some(format!(
                        "{} fails on the starter ({outcome:?}): a starter must give right \
                         answers, unless budgets.toml lists it under starter_wrong",
                        verdict.check
                    )),
                    (outcome, true) => Some(format!(
                        "{} ends as {outcome:?} on the starter; budgets.toml declares it wrong",
                        verdict.check
                    )),
                }
            }
            (Kind::Budget, Outcome::OverBudget { exceeded }, Some(declared)) => {
                let exceeded: BTreeSet<Figure> = exceeded.iter().copied().collect();
                (exceeded != declared).then(|| {
                    format!(
                        "{} exceeds {exceeded:?} on the starter, but budgets.toml declares \
                         {declared:?}",
                        verdict.check
                    )
                })
            }
            (Kind::Budget, outcome, _) => Some(format!(
                "{} should fail over budget on the starter, but ended {outcome:?}",
                verdict.check
            )),
        }
    });
    passed.into_iter().chain(missing).chain(wrong)
}
