//! The checks of each chapter, proven against the mistakes readers make: every file in
//! `exercises/chapter-N/mistakes/` is a complete `src/lib.rs` that a hurried reader could
//! write, and each must fail the checks it names in its header, the way it names. Also: the
//! budget checks give the same figures on every run although their inputs' content is drawn
//! anew each time.
//!
//! A mistake file starts with its header, one line each:
//!
//! ```text
//! // mistake: what the hurried reader did, in one line
//! // expect: budget::count_word over-budget
//! // expect: correctness::non_ascii_text wrong
//! ```
//!
//! The chapter's `tests/checks.rs` grades it under the feature `mistake`, naming the file in
//! `SEEK_AND_DESTROY_MISTAKE` at compile time.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use seek_and_destroy::Measurement;
use seek_and_destroy::tooling::{Kind, Outcome, Verdict};

use crate::grade::{Code, Run, run_checks, verdicts_dir, verdicts_of};
use crate::process::cargo_test;
use crate::workbook::Chapter;

/// The variable that names the mistake file to grade, read by `env!` in `tests/checks.rs`.
const MISTAKE_ENV: &str = "SEEK_AND_DESTROY_MISTAKE";

/// How many more times the budget checks run, beside grade's own run, to prove their figures
/// do not move with the fresh seed of each run. Three runs in all, of the budget checks alone.
const EXTRA_SEED_RUNS: usize = 2;

/// How a mistake must fail one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    Wrong,
    OverBudget,
}

impl Failure {
    fn parse(word: &str) -> Option<Failure> {
        match word {
            "wrong" => Some(Failure::Wrong),
            "over-budget" => Some(Failure::OverBudget),
            _ => None,
        }
    }

    fn matches(self, outcome: &Outcome) -> bool {
        matches!(
            (self, outcome),
            (Failure::Wrong, Outcome::Wrong) | (Failure::OverBudget, Outcome::OverBudget { .. })
        )
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Failure::Wrong => "wrong",
            Failure::OverBudget => "over-budget",
        })
    }
}

/// One misbehaving reader file and what its header promises.
#[derive(Debug, PartialEq, Eq)]
struct Mistake {
    name: String,
    what: String,
    expected: Vec<(String, Failure)>,
}

/// Reads a mistake file's header: its leading `//` lines.
fn parse_header(name: &str, text: &str) -> anyhow::Result<Mistake> {
    let mut what = None;
    let mut expected = Vec::new();
    for line in text.lines().map_while(|line| line.strip_prefix("//")) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("mistake:") {
            what = Some(rest.trim().to_owned());
        } else if let Some(rest) = line.strip_prefix("expect:") {
            let (check, failure) = rest
                .trim()
                .rsplit_once(' ')
                .with_context(|| format!("`// expect: {}` names no failure", rest.trim()))?;
            let failure = Failure::parse(failure.trim()).with_context(|| {
                format!(
                    "`// expect: {}`: the failure is `wrong` or `over-budget`",
                    rest.trim()
                )
            })?;
            expected.push((check.trim().to_owned(), failure));
        }
    }
    let what = what.context("no `// mistake:` line says what the reader did")?;
    anyhow::ensure!(!expected.is_empty(), "no `// expect:` line names a check");
    Ok(Mistake {
        name: name.to_owned(),
        what,
        expected,
    })
}

/// The mistake files of a chapter, by name; none when it has no `mistakes/` folder.
fn mistakes_of(dir: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "rs")
            && let Some(stem) = path.file_stem().and_then(|stem| stem.to_str())
        {
            let stem = stem.to_owned();
            files.push((path, stem));
        }
    }
    files.sort();
    Ok(files)
}

/// Grades one chapter's mistakes and the stability of its figures, given grade's own runs of
/// the solution and the starter. Returns every problem found, each naming the chapter.
pub(crate) fn grade_chapter(
    root: &Path,
    chapter: &Chapter,
    solution: &Run,
    starter: &Run,
) -> anyhow::Result<Vec<String>> {
    let package = chapter.package();
    let mut problems = Vec::new();
    for (path, name) in mistakes_of(&chapter.exercise_dir(root).join("mistakes"))? {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mistake = match parse_header(&name, &text) {
            Ok(mistake) => mistake,
            Err(error) => {
                problems.push(format!("{package}: mistakes/{name}.rs: {error:#}"));
                continue;
            }
        };
        let found = judge_mistake(&mistake, &run_mistake(root, &package, &name)?);
        if found.is_empty() {
            println!(
                "{package}: mistake `{name}` ({}) fails {} check(s) as expected",
                mistake.what,
                mistake.expected.len()
            );
        }
        problems.extend(found.into_iter().map(|p| format!("{package}: {p}")));
    }
    for (code, label, first) in [
        (Code::Solution, "solution", solution),
        (Code::Starter, "starter", starter),
    ] {
        let mut runs = vec![first.verdicts.clone()];
        for _ in 0..EXTRA_SEED_RUNS {
            runs.push(run_checks(root, chapter, code, &[], &["budget::"])?.verdicts);
        }
        let found = unstable_figures(&runs);
        if found.is_empty() {
            println!(
                "{package}: the {label} gives the same budget figures on {} runs with fresh \
                 inputs",
                runs.len()
            );
        }
        problems.extend(
            found
                .into_iter()
                .map(|p| format!("{package} ({label}): {p}")),
        );
    }
    Ok(problems)
}

fn run_mistake(root: &Path, package: &str, name: &str) -> anyhow::Result<Run> {
    let mut command = cargo_test(root, package);
    command
        .args(["--features", "mistake"])
        .env(MISTAKE_ENV, name);
    verdicts_of(
        command,
        &verdicts_dir(root, package, &format!("mistake-{name}")),
    )
}

fn judge_mistake(mistake: &Mistake, run: &Run) -> Vec<String> {
    let name = &mistake.name;
    if run.verdicts.is_empty() {
        return vec![format!(
            "mistake `{name}` ran no check (does it compile?):\n{}",
            run.printed
        )];
    }
    let mut problems = Vec::new();
    if run.passed {
        problems.push(format!("mistake `{name}` passes every check"));
    }
    for (check, failure) in &mistake.expected {
        let outcome = run
            .verdicts
            .iter()
            .find(|verdict| verdict.check == *check)
            .map(|verdict| &verdict.outcome);
        if !outcome.is_some_and(|outcome| failure.matches(outcome)) {
            problems.push(format!(
                "mistake `{name}` ({}) should fail {check} as {failure}, but it ended {outcome:?}",
                mistake.what
            ));
        }
    }
    if !problems.is_empty() {
        problems.push(format!(
            "what mistake `{name}`'s checks printed:\n{}",
            run.printed
        ));
    }
    problems
}

/// The figures that count, without the wall time.
fn figures(measurement: &Measurement) -> [u64; 6] {
    [
        measurement.total_blocks,
        measurement.total_bytes,
        measurement.peak_blocks,
        measurement.peak_bytes,
        measurement.live_blocks,
        measurement.live_bytes,
    ]
}

/// Every budget check whose figures differ between runs, or that ended differently.
fn unstable_figures(runs: &[Vec<Verdict>]) -> Vec<String> {
    let Some((first, others)) = runs.split_first() else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for verdict in first.iter().filter(|v| v.kind == Kind::Budget) {
        let seen = verdict.measurement.as_ref().map(figures);
        for (index, other) in others.iter().enumerate() {
            let again = other.iter().find(|v| v.check == verdict.check);
            let again_seen = again.and_then(|v| v.measurement.as_ref()).map(figures);
            if again.map(|v| &v.outcome) != Some(&verdict.outcome) || again_seen != seen {
                problems.push(format!(
                    "{} measured {seen:?} ({:?}) on the first run but {again_seen:?} ({:?}) on \
                     run {}: its figures move with the run's inputs",
                    verdict.check,
                    verdict.outcome,
                    again.map(|v| &v.outcome),
                    index + 2
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_names_the_mistake_and_each_expected_failure() {
        let text = "// mistake: copies each word to compare it\n\
                    // expect: budget::count_word over-budget\n\
                    // expect: correctness::non_ascii wrong\n\
                    pub fn f() {}\n\
                    // expect: not::header wrong\n";
        let mistake = parse_header("copies", text).unwrap();
        assert_eq!(mistake.what, "copies each word to compare it");
        assert_eq!(
            mistake.expected,
            vec![
                ("budget::count_word".to_owned(), Failure::OverBudget),
                ("correctness::non_ascii".to_owned(), Failure::Wrong),
            ]
        );
    }

    #[test]
    fn a_header_without_expectations_or_with_an_unknown_failure_is_refused() {
        assert!(parse_header("x", "// mistake: nothing\nfn f() {}").is_err());
        assert!(parse_header("x", "// expect: budget::a wrong\n").is_err());
        assert!(parse_header("x", "// mistake: m\n// expect: budget::a slow\n").is_err());
    }

    fn budget_verdict(check: &str, total_bytes: u64, nanos: u64) -> Verdict {
        Verdict {
            check: check.to_owned(),
            kind: Kind::Budget,
            outcome: Outcome::Passed,
            measurement: Some(Measurement {
                total_bytes,
                elapsed: std::time::Duration::from_nanos(nanos),
                ..Measurement::default()
            }),
        }
    }

    #[test]
    fn figures_that_move_between_runs_are_found_and_wall_time_is_not() {
        let first = vec![
            budget_verdict("budget::a", 40, 1),
            budget_verdict("budget::b", 8, 1),
        ];
        let same = vec![
            budget_verdict("budget::a", 40, 9),
            budget_verdict("budget::b", 8, 5),
        ];
        assert!(unstable_figures(&[first.clone(), same.clone(), same]).is_empty());
        let moved = vec![
            budget_verdict("budget::a", 41, 1),
            budget_verdict("budget::b", 8, 1),
        ];
        let found = unstable_figures(&[first, moved]);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("budget::a"), "{found:?}");
    }

    #[test]
    fn only_the_named_ending_counts() {
        assert!(Failure::Wrong.matches(&Outcome::Wrong));
        assert!(!Failure::Wrong.matches(&Outcome::Panicked));
        assert!(Failure::OverBudget.matches(&Outcome::OverBudget { exceeded: vec![] }));
        assert!(!Failure::OverBudget.matches(&Outcome::Wrong));
    }
}
