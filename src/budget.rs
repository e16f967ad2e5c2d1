//! Budgets: limits on what a check may allocate, read from an exercise's `budgets.toml`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Measurement;

/// One of the four figures a budget can limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// How many blocks the work allocated (every `malloc`, and every `realloc`).
    TotalBlocks,
    /// How many bytes the work allocated, summed over every block.
    TotalBytes,
    /// The most bytes live at one moment.
    PeakBytes,
    /// Bytes still live when the work has returned and its result is dropped: a leak.
    LiveBytes,
}

impl Figure {
    /// Every figure, in the order reports and tables show them.
    pub const ALL: [Figure; 4] = [
        Figure::TotalBlocks,
        Figure::TotalBytes,
        Figure::PeakBytes,
        Figure::LiveBytes,
    ];

    /// This figure's value in a measurement.
    pub fn of(self, measurement: &Measurement) -> u64 {
        match self {
            Figure::TotalBlocks => measurement.total_blocks,
            Figure::TotalBytes => measurement.total_bytes,
            Figure::PeakBytes => measurement.peak_bytes,
            Figure::LiveBytes => measurement.live_bytes,
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Figure::TotalBlocks => "total blocks",
            Figure::TotalBytes => "total bytes",
            Figure::PeakBytes => "peak bytes",
            Figure::LiveBytes => "live bytes at end",
        })
    }
}

/// A ceiling on one figure, and the reason for its value.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// The largest value that passes.
    pub max: u64,
    /// Where the number comes from, such as "1 block: the output buffer".
    pub why: String,
}

/// The budget of one check: what it measures, its limits, and where a stuck reader should look.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The check's name, as the test file registers it.
    pub name: String,
    /// What the check runs, in a few words ("count_word over a 2,000-word text").
    pub workload: String,
    /// The title of the hint to read when this check fails, as the chapter's page spells it.
    pub hint: String,
    /// Which figures the untouched starter exceeds: the reason the chapter teaches.
    pub starter_exceeds: Vec<Figure>,
    /// Ceiling on [`Figure::TotalBlocks`].
    pub total_blocks: Option<Limit>,
    /// Ceiling on [`Figure::TotalBytes`].
    pub total_bytes: Option<Limit>,
    /// Ceiling on [`Figure::PeakBytes`].
    pub peak_bytes: Option<Limit>,
    /// Ceiling on [`Figure::LiveBytes`].
    pub live_bytes: Option<Limit>,
}

impl Budget {
    /// The limit on `figure`, if this budget sets one.
    pub fn limit(&self, figure: Figure) -> Option<&Limit> {
        match figure {
            Figure::TotalBlocks => self.total_blocks.as_ref(),
            Figure::TotalBytes => self.total_bytes.as_ref(),
            Figure::PeakBytes => self.peak_bytes.as_ref(),
            Figure::LiveBytes => self.live_bytes.as_ref(),
        }
    }

    /// The figures this budget limits, in display order.
    pub fn limits(&self) -> impl Iterator<Item = (Figure, &Limit)> {
        Figure::ALL
            .into_iter()
            .filter_map(|figure| self.limit(figure).map(|limit| (figure, limit)))
    }

    /// Whether `measurement` is within every limit. Allocates nothing, so it may run inside a
    /// measured period.
    pub fn is_met_by(&self, measurement: &Measurement) -> bool {
        self.limits()
            .all(|(figure, limit)| figure.of(measurement) <= limit.max)
    }

    /// The limited figures that `measurement` exceeds.
    pub fn exceeded_by(&self, measurement: &Measurement) -> Vec<Figure> {
        self.limits()
            .filter(|(figure, limit)| figure.of(measurement) > limit.max)
            .map(|(figure, _)| figure)
            .collect()
    }
}

/// Every budget of one exercise, in file order.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budgets {
    /// One entry per budget check.
    #[serde(rename = "check")]
    pub checks: Vec<Budget>,
    /// Correctness checks the untouched starter is meant to fail as wrong, each with the
    /// reason: for a chapter whose idea no right-answering starter can lack (a hub that holds
    /// its subscribers strongly answers "who is still alive?" wrongly, whatever it measures).
    /// Empty for most chapters: a starter normally gives right answers.
    #[serde(default, rename = "starter_wrong")]
    pub starter_wrong: Vec<StarterWrong>,
    /// The hint a wrong answer points at, from any check: the one about correctness, not
    /// about allocations. Without it, a wrong answer's report names no hint.
    #[serde(default)]
    pub wrong_hint: Option<String>,
}

/// A correctness check that the untouched starter fails as wrong, on purpose.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterWrong {
    /// The check's name without its kind, as in `correctness::NAME`.
    pub name: String,
    /// Why the starter cannot answer it right: the chapter's reason.
    pub why: String,
}

impl Budgets {
    /// Parses the text of a `budgets.toml`.
    ///
    /// ```
    /// let budgets = seek_and_destroy::tooling::Budgets::parse(r#"
    ///     [[check]]
    ///     name = "squares"
    ///     workload = "squares of 1000 numbers"
    ///     hint = "Hint 1: Ask once"
    ///     starter_exceeds = ["total_blocks"]
    ///     total_blocks = { max = 1, why = "1 block: the output buffer, at its final size" }
    /// "#).unwrap();
    /// assert_eq!(budgets.get("squares").unwrap().limits().count(), 1);
    /// ```
    pub fn parse(text: &str) -> Result<Budgets, toml::de::Error> {
        let budgets: Budgets = toml::from_str(text)?;
        Ok(budgets)
    }

    /// The budget named `name`.
    pub fn get(&self, name: &str) -> Option<&Budget> {
        self.checks.iter().find(|budget| budget.name == name)
    }
}
