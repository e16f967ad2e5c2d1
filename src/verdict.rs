//! What the grader decides about one check, in a form tooling can read back.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Measurement;
use crate::budget::Figure;

/// The two kinds of check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Does the reader's code give the right answer? Unmeasured.
    Correctness,
    /// Does it give the right answer within its allocation budget? Measured under dhat.
    Budget,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Correctness => "correctness",
            Kind::Budget => "budget",
        }
    }
}

/// A check's name as the runner shows it and filters on: `budget::count_word`.
///
/// This is the one place that builds and reads such names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckName {
    /// Correctness or budget.
    pub kind: Kind,
    /// The name the test file registered, such as `count_word`.
    pub name: String,
}

impl CheckName {
    /// The name of the budget check `name`.
    pub fn budget(name: &str) -> CheckName {
        CheckName {
            kind: Kind::Budget,
            name: name.to_owned(),
        }
    }

    /// Reads `budget::NAME` or `correctness::NAME`.
    pub fn parse(text: &str) -> Option<CheckName> {
        let (prefix, name) = text.split_once("::")?;
        let kind = [Kind::Correctness, Kind::Budget]
            .into_iter()
            .find(|kind| kind.prefix() == prefix)?;
        Some(CheckName {
            kind,
            name: name.to_owned(),
        })
    }

    /// A form fit for a file name: `budget.count_word`.
    pub fn file_stem(&self) -> String {
        format!("{}.{}", self.kind.prefix(), self.name)
    }
}

impl fmt::Display for CheckName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::{}", self.kind.prefix(), self.name)
    }
}

/// How one check ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Right answer, and within budget for a budget check.
    Passed,
    /// The answer was wrong: a correctness check's assertion failed, or a budget check's
    /// measured call returned something other than the expected answer.
    Wrong,
    /// The answer was right, but these measured figures exceed their limits.
    OverBudget {
        /// The figures over their limit.
        exceeded: Vec<Figure>,
    },
    /// The reader's code panicked (not the check's own assertion).
    Panicked,
    /// The reader's code overflowed the stack.
    StackOverflow,
    /// The check ran past its time limit and was stopped.
    TimedOut,
    /// One allocation asked for more than the check's memory cap allows.
    AllocationFailed,
    /// The check's process died some other way: a signal, an abort, or `process::exit`.
    Crashed {
        /// How it died, such as "it was killed by signal 11".
        how: String,
    },
}

/// What tooling learns about one check (see [`VERDICTS_DIR`](crate::tooling::VERDICTS_DIR)).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Verdict {
    /// The check's name, such as `budget::count_word`.
    pub check: String,
    /// Correctness or budget.
    pub kind: Kind,
    /// How it ended.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The figures of a budget check that finished.
    pub measurement: Option<Measurement>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_name_reads_back_what_it_prints() {
        let name = CheckName::budget("count_word");
        assert_eq!(name.to_string(), "budget::count_word");
        assert_eq!(CheckName::parse("budget::count_word"), Some(name.clone()));
        assert_eq!(name.file_stem(), "budget.count_word");
        assert_eq!(
            CheckName::parse("correctness::a::b").map(|c| (c.kind, c.name)),
            Some((Kind::Correctness, "a::b".to_owned()))
        );
        assert_eq!(CheckName::parse("bench::x"), None);
        assert_eq!(CheckName::parse("budget"), None);
    }
}
