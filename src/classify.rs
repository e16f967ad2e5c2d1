//! Turning how a check's process ended into an [`Outcome`].

use std::process::ExitStatus;

use crate::Measurement;
use crate::budget::Budget;
use crate::protocol::{Received, Report};
use crate::verdict::{Kind, Outcome};

/// How a check's process ended, as the grader saw it from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// It exited, or was killed by a signal.
    Exited(ExitStatus),
    /// It ran past its time limit, and the grader killed it.
    TimedOut,
}

/// The outcome of one check, from its process's ending, the report lines it sent with the
/// right nonce, and what it printed.
///
/// A report is believed only from a process that exited with status 0, as the harness ends
/// it, and only when one line carried the nonce.
///
/// Returns the outcome and, for a budget check that finished, its figures.
pub(crate) fn classify(
    kind: Kind,
    budget: Option<&Budget>,
    ending: Ending,
    received: &Received,
    printed: &str,
) -> (Outcome, Option<Measurement>) {
    let status = match ending {
        Ending::TimedOut => return (Outcome::TimedOut, None),
        Ending::Exited(status) => status,
    };
    if received.tagged_lines > 1 {
        let how = "more than one line carried this check's secret, so something besides the \
                   harness wrote a report (the report counts for nothing)"
            .to_owned();
        return (Outcome::Crashed { how }, None);
    }
    if received.tagged_lines == 1 && !status.success() {
        let how = format!(
            "{} after its report, which the harness never does (the report counts for nothing)",
            describe_exit(status)
        );
        return (Outcome::Crashed { how }, None);
    }
    match received.report.as_ref() {
        Some(Report::Finished { measurement }) => match (kind, budget, measurement) {
            (Kind::Correctness, _, _) => (Outcome::Passed, None),
            (Kind::Budget, Some(budget), Some(measured)) => {
                let exceeded = budget.exceeded_by(measured);
                if exceeded.is_empty() {
                    (Outcome::Passed, Some(*measured))
                } else {
                    (Outcome::OverBudget { exceeded }, Some(*measured))
                }
            }
            (Kind::Budget, _, _) => {
                let how = "it finished without reporting its figures".to_owned();
                (Outcome::Crashed { how }, None)
            }
        },
        Some(Report::WrongAnswer { .. }) | Some(Report::Panicked { in_check: true, .. }) => {
            (Outcome::Wrong, None)
        }
        Some(Report::Panicked {
            in_check: false, ..
        }) => (Outcome::Panicked, None),
        None => (without_report(status, printed), None),
    }
}

/// A process that sent no report died before its harness could speak.
fn without_report(status: ExitStatus, printed: &str) -> Outcome {
    if printed.contains("memory allocation of ") {
        Outcome::AllocationFailed
    } else if printed.contains("has overflowed its stack") {
        Outcome::StackOverflow
    } else if printed.contains(crate::os::EXITED_EARLY_MARK) || status.success() {
        let how = "your code ended the process in the middle of the check (does it call \
                   std::process::exit?)"
            .to_owned();
        Outcome::Crashed { how }
    } else if printed.contains("panicked at ") {
        // A panic while panicking, or in a panic hook, aborts before the harness can report.
        Outcome::Panicked
    } else {
        Outcome::Crashed {
            how: describe_exit(status),
        }
    }
}

#[cfg(unix)]
fn describe_exit(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("it exited with code {code}"),
        (None, Some(signal)) => match crate::os::signal_cause(signal) {
            Some((name, cause)) => format!("it was killed by {name} (signal {signal}): {cause}"),
            None => format!("it was killed by signal {signal}"),
        },
        (None, None) => status.to_string(),
    }
}

#[cfg(not(unix))]
fn describe_exit(status: ExitStatus) -> String {
    status.to_string()
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::process::ExitStatusExt;

    use super::*;
    use crate::budget::Budgets;
    use crate::budget::Figure;

    fn exited(code: i32) -> Ending {
        Ending::Exited(ExitStatus::from_raw(code << 8))
    }

    fn signalled(signal: i32) -> Ending {
        Ending::Exited(ExitStatus::from_raw(signal))
    }

    fn one(report: &Report) -> Received {
        Received {
            report: Some(report.clone()),
            tagged_lines: 1,
        }
    }

    const NONE: Received = Received {
        report: None,
        tagged_lines: 0,
    };

    fn budgets() -> Budgets {
        Budgets::parse(
            r#"
            [[check]]
            name = "b"
            workload = "w"
            hint = "Hint 1: h"
            starter_exceeds = ["total_blocks"]
            total_blocks = { max = 1, why = "one" }
            live_bytes = { max = 0, why = "none" }
            "#,
        )
        .unwrap()
    }

    fn measured(blocks: u64, live: u64) -> Measurement {
        Measurement {
            total_blocks: blocks,
            live_bytes: live,
            ..Measurement::default()
        }
    }

    #[test]
    fn a_finished_budget_check_is_judged_by_its_figures() {
        let budgets = budgets();
        let budget = budgets.get("b");
        let report = |m| Report::Finished {
            measurement: Some(m),
        };
        let (outcome, _) = classify(
            Kind::Budget,
            budget,
            exited(0),
            &one(&report(measured(1, 0))),
            "",
        );
        assert_eq!(outcome, Outcome::Passed);
        let (outcome, figures) = classify(
            Kind::Budget,
            budget,
            exited(0),
            &one(&report(measured(3, 8))),
            "",
        );
        assert_eq!(
            outcome,
            Outcome::OverBudget {
                exceeded: vec![Figure::TotalBlocks, Figure::LiveBytes]
            }
        );
        assert_eq!(figures, Some(measured(3, 8)));
    }

    #[test]
    fn a_wrong_answer_is_wrong_in_either_kind_of_check() {
        let wrong = Report::WrongAnswer {
            yours_and_expected: String::new(),
        };
        let assertion = Report::Panicked {
            message: "wrong answer".into(),
            location: None,
            in_check: true,
        };
        for report in [&wrong, &assertion] {
            for kind in [Kind::Correctness, Kind::Budget] {
                let (outcome, _) = classify(kind, budgets().get("b"), exited(0), &one(report), "");
                assert_eq!(outcome, Outcome::Wrong);
            }
        }
    }

    #[test]
    fn a_panic_in_the_reader_s_code_is_a_panic() {
        let report = Report::Panicked {
            message: "index out of bounds".into(),
            location: Some("src/lib.rs:3:5".into()),
            in_check: false,
        };
        let (outcome, _) = classify(Kind::Correctness, None, exited(0), &one(&report), "");
        assert_eq!(outcome, Outcome::Panicked);
    }

    #[test]
    fn without_a_report_the_ending_and_the_log_decide() {
        let cases = [
            (exited(0), "test result: ok. 9 passed", "Crashed"),
            (
                exited(101),
                "\nseek-and-destroy: the process ended before the grader could",
                "Crashed",
            ),
            (
                signalled(6),
                "memory allocation of 1099511627776 bytes failed",
                "AllocationFailed",
            ),
            (
                signalled(6),
                "thread 'main' has overflowed its stack",
                "StackOverflow",
            ),
            (
                signalled(6),
                "thread 'main' panicked at src/lib.rs:1:1",
                "Panicked",
            ),
            (signalled(9), "", "Crashed"),
        ];
        for (ending, log, expected) in cases {
            let (outcome, _) = classify(Kind::Correctness, None, ending, &NONE, log);
            assert!(
                format!("{outcome:?}").starts_with(expected),
                "{log:?}: {outcome:?}"
            );
        }
        let (outcome, _) = classify(Kind::Correctness, None, signalled(6), &NONE, "");
        let Outcome::Crashed { how } = outcome else {
            panic!("{outcome:?}")
        };
        assert!(
            how.starts_with("it was killed by SIGABRT (signal 6): an abort"),
            "{how}"
        );
    }

    #[test]
    fn a_report_counts_only_from_a_process_that_exited_with_0_and_only_once() {
        let report = Report::Finished { measurement: None };
        let (outcome, _) = classify(Kind::Correctness, None, exited(101), &one(&report), "");
        assert!(matches!(outcome, Outcome::Crashed { .. }), "{outcome:?}");
        let twice = Received {
            report: None,
            tagged_lines: 2,
        };
        let (outcome, _) = classify(Kind::Correctness, None, exited(0), &twice, "");
        assert!(matches!(outcome, Outcome::Crashed { .. }), "{outcome:?}");
    }

    #[test]
    fn a_time_out_wins_over_everything() {
        let report = Report::Finished { measurement: None };
        let (outcome, _) = classify(Kind::Correctness, None, Ending::TimedOut, &one(&report), "");
        assert_eq!(outcome, Outcome::TimedOut);
    }
}
