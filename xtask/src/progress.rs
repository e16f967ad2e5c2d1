//! `cargo xtask progress`: where the reader stands in every written chapter, with a bar.
//!
//! A chapter is solved, over budget (with its worst figure), wrong, does not compile, not
//! started (its `src/lib.rs` is still the pristine starter, see [`crate::starter`]), or not
//! gradable, because its `budgets.toml` or `tests/checks.rs` was edited. The states
//! are saved as `progress.json`, in `target/xtask/` and in the built book, where
//! `theme/progress.js` shows them in the sidebar of the served book.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use seek_and_destroy::tooling::{Budgets, Figure, Kind, Outcome, Verdict, grading};
use serde::{Deserialize, Serialize};

use crate::grade::{self, Code, Run};
use crate::starter;
use crate::workbook::{self, Chapter};

/// Where a reader stands in one chapter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum State {
    /// Every check passes.
    Solved,
    /// Every answer is right, but a budget is exceeded; the figure furthest over its limit.
    OverBudget(Option<Worst>),
    /// A check gave a wrong answer, panicked, crashed or ran out of time: which, and how.
    Wrong(String),
    /// The crate or its checks do not compile.
    DoesNotCompile,
    /// `src/lib.rs` is still the shipped starter.
    NotStarted,
    /// A grading file was edited (these, as `exercises/chapter-N/FILE`): nothing counts.
    GradingChanged(Vec<String>),
}

impl State {
    /// The name `progress.json` and `theme/progress.js` use.
    fn key(&self) -> &'static str {
        match self {
            State::Solved => "solved",
            State::OverBudget(_) => "over_budget",
            State::Wrong(_) => "wrong",
            State::DoesNotCompile => "does_not_compile",
            State::NotStarted => "not_started",
            State::GradingChanged(_) => "grading_changed",
        }
    }

    /// What a reader reads: `over budget`.
    fn label(&self) -> &'static str {
        match self {
            State::Solved => "solved",
            State::OverBudget(_) => "over budget",
            State::Wrong(_) => "wrong",
            State::DoesNotCompile => "does not compile",
            State::NotStarted => "not started",
            State::GradingChanged(_) => "not graded",
        }
    }

    fn detail(&self) -> String {
        match self {
            State::OverBudget(Some(worst)) => worst.to_string(),
            State::Wrong(why) => why.clone(),
            State::GradingChanged(files) => format!(
                "{} changed, so no check counts (put back the shipped file)",
                files.join(" and ")
            ),
            _ => String::new(),
        }
    }
}

/// The measured figure furthest over its limit, among every budget check that failed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Worst {
    pub(crate) check: String,
    pub(crate) figure: Figure,
    pub(crate) measured: u64,
    pub(crate) max: u64,
}

impl Worst {
    /// How far over: the ratio of figure to limit, infinite over a limit of 0; then the excess.
    fn how_far(&self) -> (f64, u64) {
        let ratio = if self.max == 0 {
            f64::INFINITY
        } else {
            self.measured as f64 / self.max as f64
        };
        (ratio, self.measured.saturating_sub(self.max))
    }
}

impl std::fmt::Display for Worst {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (check, figure) = (&self.check, self.figure);
        let measured = crate::text::grouped(self.measured);
        if self.max == 0 {
            write!(f, "{check}: {figure} {measured}, budget 0")
        } else {
            let (ratio, _) = self.how_far();
            let ratio = if ratio < 10.0 {
                format!("{ratio:.1}")
            } else {
                crate::text::grouped(ratio.round() as u64)
            };
            let max = crate::text::grouped(self.max);
            write!(
                f,
                "{check}: {figure} {ratio}× the budget ({measured} of {max})"
            )
        }
    }
}

/// What a run of a chapter's checks says about it. Pure: the run and the budgets are inputs.
pub(crate) fn classify(run: &Run, budgets: &Budgets) -> State {
    if run.verdicts.is_empty() {
        if run.passed {
            return State::Wrong("no check ran".to_owned());
        }
        if run.printed.contains("could not compile") {
            return State::DoesNotCompile;
        }
        let last = run.printed.lines().rev().find(|l| !l.trim().is_empty());
        return State::Wrong(format!(
            "the run failed before any check: {}",
            last.unwrap_or("(it printed nothing)").trim()
        ));
    }
    // A correctness check's failure says the most: name it first.
    let failed = run
        .verdicts
        .iter()
        .filter(|v| !matches!(v.outcome, Outcome::Passed | Outcome::OverBudget { .. }))
        .min_by_key(|v| v.kind != Kind::Correctness);
    if let Some(verdict) = failed {
        return State::Wrong(format!("{} {}", verdict.check, how(&verdict.outcome)));
    }
    if run
        .verdicts
        .iter()
        .any(|v| matches!(v.outcome, Outcome::OverBudget { .. }))
    {
        return State::OverBudget(worst(&run.verdicts, budgets));
    }
    if run.passed {
        State::Solved
    } else {
        // Every verdict passed, yet the run failed: a check that left no verdict.
        State::Wrong("the run failed after its checks passed".to_owned())
    }
}

/// How a check that did not pass ended, after its name.
fn how(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Passed => "passed".to_owned(),
        Outcome::Wrong => "gave a wrong answer".to_owned(),
        Outcome::OverBudget { .. } => "is over budget".to_owned(),
        Outcome::Panicked => "panicked".to_owned(),
        Outcome::StackOverflow => "overflowed the stack".to_owned(),
        Outcome::TimedOut => "ran out of time".to_owned(),
        Outcome::AllocationFailed => "asked for more memory than a check may have".to_owned(),
        Outcome::Crashed { how } => format!("crashed: {how}"),
    }
}

/// The figure furthest over its limit, among the budget checks over budget.
fn worst(verdicts: &[Verdict], budgets: &Budgets) -> Option<Worst> {
    let mut found: Vec<Worst> = Vec::new();
    for verdict in verdicts.iter().filter(|v| v.kind == Kind::Budget) {
        let (Outcome::OverBudget { exceeded }, Some(measurement)) =
            (&verdict.outcome, &verdict.measurement)
        else {
            continue;
        };
        let name = verdict.check.split_once("::").map_or("", |(_, name)| name);
        let Some(budget) = budgets.get(name) else {
            continue;
        };
        for &figure in exceeded {
            if let Some(limit) = budget.limit(figure) {
                found.push(Worst {
                    check: verdict.check.clone(),
                    figure,
                    measured: figure.of(measurement),
                    max: limit.max,
                });
            }
        }
    }
    found.into_iter().max_by(|a, b| {
        let (a, b) = (a.how_far(), b.how_far());
        a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
    })
}

/// One chapter's line in `progress.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) number: u32,
    pub(crate) slug: String,
    pub(crate) state: String,
    pub(crate) label: String,
    pub(crate) detail: String,
}

impl Entry {
    pub(crate) fn new(chapter: &Chapter, state: &State) -> Entry {
        Entry {
            number: chapter.number,
            slug: chapter.slug.clone(),
            state: state.key().to_owned(),
            label: state.label().to_owned(),
            detail: state.detail(),
        }
    }
}

/// `progress.json`: every checked chapter, in book order.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Saved {
    pub(crate) chapters: Vec<Entry>,
}

impl Saved {
    /// Replaces (or adds) one chapter's entry, keeping book order.
    pub(crate) fn update(&mut self, entry: Entry) {
        self.chapters.retain(|e| e.number != entry.number);
        self.chapters.push(entry);
        self.chapters.sort_by_key(|e| e.number);
    }
}

/// `target/xtask/progress.json`: the last states, for `serve` to copy into the book.
fn saved_path(root: &Path) -> PathBuf {
    root.join("target/xtask/progress.json")
}

/// The copy the served book polls: `book/progress.json`.
fn served_path(root: &Path) -> PathBuf {
    root.join(crate::book::OUTPUT).join("progress.json")
}

/// The states saved by the last `progress` or `watch`, or none.
pub(crate) fn load(root: &Path) -> Saved {
    std::fs::read_to_string(saved_path(root))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Saves the states in `target/xtask/` and, if the book is built, beside it.
pub(crate) fn save(root: &Path, saved: &Saved) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(saved)?;
    let path = saved_path(root);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("Failed to create {}", dir.display()))?;
    }
    write_whole(&path, &json)?;
    if root.join(crate::book::OUTPUT).is_dir() {
        write_whole(&served_path(root), &json)?;
    }
    Ok(())
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_whole(path: &Path, text: &str) -> anyhow::Result<()> {
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, text)
        .with_context(|| format!("Failed to write {}", temporary.display()))?;
    std::fs::rename(&temporary, path)
        .with_context(|| format!("Failed to move the progress into {}", path.display()))
}

/// While the book is served: mdbook empties `book/` on every rebuild, so put the saved
/// progress back whenever the served copy is missing or behind. Runs until the process ends.
pub(crate) fn keep_served(root: &Path) {
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let Ok(saved) = std::fs::read_to_string(saved_path(&root)) else {
                continue;
            };
            let served = std::fs::read_to_string(served_path(&root)).unwrap_or_default();
            if served != saved && root.join(crate::book::OUTPUT).join("index.html").is_file() {
                let _ = write_whole(&served_path(&root), &saved);
            }
        }
    });
}

/// The state of a chapter whose checks need not run: its grading files changed, or its file
/// is still the starter. `None`: run them.
pub(crate) fn without_running(root: &Path, chapter: &Chapter) -> anyhow::Result<Option<State>> {
    let changed = grading::changed(&chapter.exercise_dir(root));
    if !changed.is_empty() {
        return Ok(Some(State::GradingChanged(changed)));
    }
    let path = starter::path(root, chapter);
    let current = std::fs::read_to_string(&path)
        .with_context(|| format!("Failed to read {}", path.display()))?;
    if starter::is_untouched(&current, &starter::shipped(root, chapter)?) {
        return Ok(Some(State::NotStarted));
    }
    Ok(None)
}

/// Checks one chapter: not graded or not started without running anything, else runs its
/// checks. Returns the state and what the checks printed (empty when not run).
pub(crate) fn check(root: &Path, chapter: &Chapter) -> anyhow::Result<(State, String)> {
    if let Some(state) = without_running(root, chapter)? {
        return Ok((state, String::new()));
    }
    let run = grade::run_checks(root, chapter, Code::Starter, &[], &[])
        .with_context(|| format!("Failed to run the checks of {}", chapter.package()))?;
    let budgets = chapter.budgets(root)?;
    Ok((classify(&run, &budgets), run.printed))
}

/// `cargo xtask progress`: checks every written chapter, prints each state and a bar, and
/// saves `progress.json`.
pub(crate) fn progress(root: &Path) -> anyhow::Result<()> {
    let start = Instant::now();
    let chapters = workbook::written_chapters(root)?;
    let mut saved = Saved::default();
    for chapter in &chapters {
        let (state, _) = check(root, chapter)?;
        println!("{}", line(chapter, &state));
        saved.update(Entry::new(chapter, &state));
    }
    save(root, &saved)?;
    println!("\n{}", summary(&saved));
    println!(
        "Checked {} chapters in {:.1} s. `cargo xtask watch` re-checks a chapter each time you \
         save it.",
        chapters.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `  3. Stack and heap ........ over budget: budget::x: total blocks 12, budget 0`
pub(crate) fn line(chapter: &Chapter, state: &State) -> String {
    let title = chapter.title.replace("\\_", "_");
    let mut text = format!("{:>3}. {title:<42} {}", chapter.number, state.label());
    let detail = state.detail();
    if !detail.is_empty() {
        let _ = write!(text, ": {detail}");
    }
    text
}

/// The bar and the count: `[#####---------------] 3 of 11 chapters solved`.
pub(crate) fn summary(saved: &Saved) -> String {
    let total = saved.chapters.len();
    let solved = saved
        .chapters
        .iter()
        .filter(|e| e.state == State::Solved.key())
        .count();
    format!(
        "{} {solved} of {total} chapters solved",
        bar(solved, total, 30)
    )
}

/// `[######--------]`, `width` characters between the brackets.
fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;
    use seek_and_destroy::Measurement;

    const BUDGETS: &str = r#"
[[check]]
name = "a"
workload = "w"
hint = "h"
starter_exceeds = ["total_blocks"]
total_blocks = { max = 0, why = "none" }
peak_bytes = { max = 1024, why = "one buffer" }

[[check]]
name = "b"
workload = "w"
hint = "h"
starter_exceeds = ["peak_bytes"]
peak_bytes = { max = 100, why = "small" }
"#;

    fn verdict(check: &str, outcome: Outcome, measurement: Option<Measurement>) -> Verdict {
        let kind = if check.starts_with("budget::") {
            Kind::Budget
        } else {
            Kind::Correctness
        };
        Verdict {
            check: check.to_owned(),
            kind,
            outcome,
            measurement,
        }
    }

    fn run(passed: bool, verdicts: Vec<Verdict>, printed: &str) -> Run {
        Run {
            passed,
            verdicts,
            printed: printed.to_owned(),
        }
    }

    fn over(exceeded: &[Figure]) -> Outcome {
        Outcome::OverBudget {
            exceeded: exceeded.to_vec(),
        }
    }

    fn measured(total_blocks: u64, peak_bytes: u64) -> Option<Measurement> {
        Some(Measurement {
            total_blocks,
            peak_bytes,
            ..Measurement::default()
        })
    }

    #[test]
    fn the_worst_figure_is_the_one_furthest_over() {
        let budgets = Budgets::parse(BUDGETS).unwrap();
        let verdicts = vec![
            verdict("correctness::a", Outcome::Passed, None),
            verdict("budget::a", over(&[Figure::PeakBytes]), measured(0, 2048)),
            verdict("budget::b", over(&[Figure::PeakBytes]), measured(0, 500)),
        ];
        let state = classify(&run(false, verdicts, ""), &budgets);
        let State::OverBudget(Some(worst)) = &state else {
            panic!("{state:?}");
        };
        assert_eq!(
            worst.to_string(),
            "budget::b: peak bytes 5.0× the budget (500 of 100)"
        );
    }

    #[test]
    fn any_block_over_a_budget_of_zero_is_worst() {
        let budgets = Budgets::parse(BUDGETS).unwrap();
        let verdicts = vec![verdict(
            "budget::a",
            over(&[Figure::TotalBlocks, Figure::PeakBytes]),
            measured(2001, 1_000_000),
        )];
        let state = classify(&run(false, verdicts, ""), &budgets);
        assert_eq!(
            state.detail(),
            "budget::a: total blocks 2,001, budget 0",
            "{state:?}"
        );
    }

    #[test]
    fn a_wrong_answer_outranks_a_budget() {
        let budgets = Budgets::parse(BUDGETS).unwrap();
        let verdicts = vec![
            verdict("budget::a", Outcome::Wrong, measured(0, 0)),
            verdict("budget::b", over(&[Figure::PeakBytes]), measured(0, 500)),
            verdict("correctness::a", Outcome::Wrong, None),
        ];
        let state = classify(&run(false, verdicts, ""), &budgets);
        assert_eq!(
            state,
            State::Wrong("correctness::a gave a wrong answer".into())
        );
    }

    #[test]
    fn no_verdict_is_a_compile_error_or_an_early_failure() {
        let budgets = Budgets::parse(BUDGETS).unwrap();
        let broken = run(
            false,
            vec![],
            "error[E0308]\nerror: could not compile `chapter-1`",
        );
        assert_eq!(classify(&broken, &budgets), State::DoesNotCompile);
        let early = run(false, vec![], "boom\n");
        assert!(matches!(classify(&early, &budgets), State::Wrong(_)));
    }

    #[test]
    fn every_check_passing_is_solved() {
        let budgets = Budgets::parse(BUDGETS).unwrap();
        let verdicts = vec![
            verdict("correctness::a", Outcome::Passed, None),
            verdict("budget::a", Outcome::Passed, measured(0, 0)),
        ];
        assert_eq!(classify(&run(true, verdicts, ""), &budgets), State::Solved);
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(bar(0, 4, 8), "[--------]");
        assert_eq!(bar(1, 4, 8), "[##------]");
        assert_eq!(bar(4, 4, 8), "[########]");
        assert_eq!(bar(0, 0, 4), "[----]");
        assert_eq!(crate::text::grouped(1_234_567), "1,234,567");
        assert_eq!(crate::text::grouped(999), "999");
        let worst = Worst {
            check: "budget::x".into(),
            figure: Figure::TotalBlocks,
            measured: 32_583,
            max: 6,
        };
        assert_eq!(
            worst.to_string(),
            "budget::x: total blocks 5,431× the budget (32,583 of 6)"
        );
    }

    #[test]
    fn an_update_keeps_book_order_and_one_entry_per_chapter() {
        let entry = |number: u32, state: &str| Entry {
            number,
            slug: format!("{number:02}-x"),
            state: state.to_owned(),
            label: state.to_owned(),
            detail: String::new(),
        };
        let mut saved = Saved::default();
        saved.update(entry(3, "wrong"));
        saved.update(entry(1, "solved"));
        saved.update(entry(3, "solved"));
        let states: Vec<_> = saved
            .chapters
            .iter()
            .map(|e| (e.number, e.state.as_str()))
            .collect();
        assert_eq!(states, [(1, "solved"), (3, "solved")]);
        assert!(summary(&saved).ends_with("2 of 2 chapters solved"));
    }
}
