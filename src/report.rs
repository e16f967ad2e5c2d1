//! What a reader sees when a check fails: what happened, the figures against the budget, where
//! their code allocated, which hint to read, and where the full profile is.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use crate::Measurement;
use crate::budget::{Budget, Figure};
use crate::limits::TIMEOUT_SECS;
use crate::protocol::Report;
use crate::sites::{BACKTRACE_FRAMES, Sites, top_sites};
use crate::verdict::{Kind, Outcome};

/// The size of the buffer std gives standard output on the first print.
const STDOUT_BUFFER_BYTES: u64 = 1024;
/// How many allocation sites a report lists.
const TOP_SITES: usize = 5;
/// How many lines of a check's output a report quotes.
const PRINTED_LINES: usize = 20;
/// What starts each quoted line of a check's output, so that nothing it printed (a fake
/// `test result: ok`, say) can pass for the runner's own words.
const QUOTE: &str = "    │ ";

/// Everything the report of one failed check may draw on.
pub(crate) struct Context<'a> {
    pub package: &'a str,
    pub crate_dir: &'a Path,
    pub kind: Kind,
    pub budget: Option<&'a Budget>,
    /// The chapter's hint for a wrong answer, if its `budgets.toml` names one.
    pub wrong_hint: Option<&'a str>,
    pub measurement: Option<Measurement>,
    /// What the harness in the check's process reported, if it got that far.
    pub report: Option<&'a Report>,
    /// What the check's process printed, the harness's report line taken out.
    pub printed: &'a str,
    pub profile: &'a Path,
    /// The time this check had: the full limit, or less once another check had run out.
    pub timeout: Duration,
    /// The time limit of a check.
    pub full_timeout: Duration,
    pub memory_cap_mib: u64,
}

impl Context<'_> {
    /// The library's name as paths spell it: `chapter_1`.
    fn lib_name(&self) -> String {
        self.package.replace('-', "_")
    }
}

/// The text the runner prints under the failed check's name.
pub(crate) fn failure(outcome: &Outcome, cx: &Context) -> String {
    let mut text = String::new();
    match outcome {
        Outcome::Passed => {}
        Outcome::Wrong => wrong(&mut text, cx),
        Outcome::OverBudget { .. } => over_budget(&mut text, cx),
        Outcome::Panicked => {
            text.push_str("your code panicked before it could answer");
            if let Some(Report::Panicked {
                message, location, ..
            }) = cx.report
            {
                let at = location
                    .as_deref()
                    .map(|l| format!(", at {l}"))
                    .unwrap_or_default();
                let _ = writeln!(text, "{at}:\n{}", indent(message));
            } else {
                text.push_str(".\n");
            }
        }
        Outcome::StackOverflow => text.push_str(
            "your code overflowed the stack. Look for recursion that never reaches its base \
             case, or a very large array in a local variable (chapter 3: such data belongs on \
             the heap).\n",
        ),
        Outcome::TimedOut if cx.timeout < cx.full_timeout => {
            let _ = writeln!(
                text,
                "stopped after {}: another check of this run had already run past the {} s \
                 limit, so each check still running got {} more. Its process and everything \
                 it started were killed (the note after the failures lists every check stopped).",
                seconds(cx.timeout),
                cx.full_timeout.as_secs(),
                seconds(crate::spawn::AFTER_A_RUNAWAY),
            );
        }
        Outcome::TimedOut => {
            let _ = writeln!(
                text,
                "stopped after {} s: the check did not finish in time, and its process and \
                 everything it started were killed (the note after the failures lists every \
                 check stopped).",
                cx.timeout.as_secs(),
            );
        }
        Outcome::AllocationFailed => {
            let _ = writeln!(
                text,
                "your code asked for more memory than a check may use ({} MiB of address \
                 space), and the allocation failed.\n\
                 Look for a capacity or a length computed from the input: it is far too large.",
                cx.memory_cap_mib
            );
        }
        Outcome::Crashed { how } => {
            let _ = writeln!(
                text,
                "the check's process ended before it could report: {how}."
            );
        }
    }
    quote_printed(&mut text, cx.printed);
    // A wrong answer is a matter of correctness, whichever check found it: pointing it at a
    // hint about allocations would send the reader the wrong way.
    let hint = match outcome {
        Outcome::Wrong => cx.wrong_hint,
        _ if cx.kind == Kind::Budget => cx.budget.map(|budget| budget.hint.as_str()),
        _ => None,
    };
    if let Some(hint) = hint {
        let _ = write!(text, "\n{}", stuck(cx.package, hint));
    }
    text
}

/// `Stuck? Read "Hint 1: …": `cargo xtask hint 1 1` prints it, …`: the hint a budget names,
/// with the command that prints it in the terminal and where the book has it.
fn stuck(package: &str, hint: &str) -> String {
    let chapter = package.strip_prefix("chapter-").unwrap_or(package);
    let which = hint
        .strip_prefix("Hint ")
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .filter(|number| !number.is_empty())
        .map_or_else(String::new, |number| format!(" {number}"));
    format!(
        "Stuck? Read \"{hint}\": `cargo xtask hint {chapter}{which}` prints it here, and the \
         exercise of chapter {chapter} has it (`cargo xtask serve --open` opens the book)."
    )
}

fn seconds(time: Duration) -> String {
    format!("{:.1} s", time.as_secs_f64())
}

/// The one note of a run in which checks ran out of time: which ones, and what to look for.
pub(crate) fn runaway_note(
    stopped: &[(String, Duration)],
    full: Duration,
    package: &str,
) -> Option<String> {
    if stopped.is_empty() {
        return None;
    }
    let (at_full, cut): (Vec<_>, Vec<_>) = stopped.iter().partition(|(_, limit)| *limit >= full);
    let names = |list: &[&(String, Duration)]| {
        list.iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut note = format!(
        "note: {} never finished. {} ran past the {} s limit",
        crate::measure::count(stopped.len() as u64, "check"),
        names(&at_full),
        full.as_secs()
    );
    if !cut.is_empty() {
        let _ = write!(
            note,
            "; then {} {} stopped after at most {} each, to spare you the wait",
            names(&cut),
            if cut.len() == 1 { "was" } else { "were" },
            seconds(crate::spawn::AFTER_A_RUNAWAY)
        );
    }
    let _ = write!(
        note,
        ". Look for a loop that never ends, or work that grows much faster than its input. \
         (A slow machine can raise the limit: {TIMEOUT_SECS}=30 cargo test -p {package}.)"
    );
    Some(note)
}

fn wrong(text: &mut String, cx: &Context) {
    match cx.report {
        Some(Report::WrongAnswer { yours_and_expected }) => {
            let workload = cx.budget.map_or("its workload", |b| b.workload.as_str());
            let _ = writeln!(
                text,
                "wrong answer on the budget's workload ({workload}).\n{yours_and_expected}\n\
                 Its figures are judged once the answer is right."
            );
        }
        Some(Report::Panicked {
            message, location, ..
        }) => {
            let at = location
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let _ = writeln!(
                text,
                "the check's assertion failed{at}:\n{}",
                indent(message)
            );
        }
        _ => text.push_str("wrong answer: the check's assertion failed.\n"),
    }
}

/// What a passing budget check shows with `--nocapture`: each figure beside its budget, so
/// that a reader going for the floor sees how far there is still to go.
pub(crate) fn passing_figures(budget: &crate::budget::Budget, measured: &Measurement) -> String {
    let mut text = format!("within budget: {}\n", budget.workload);
    let _ = writeln!(
        text,
        "    {:<18} {:>10} {:>10}",
        "figure", "measured", "budget"
    );
    for (figure, limit) in budget.limits() {
        let _ = writeln!(
            text,
            "    {:<18} {:>10} {:>10}",
            figure.to_string(),
            figure.of(measured),
            limit.max
        );
    }
    text
}

fn over_budget(text: &mut String, cx: &Context) {
    let (Some(budget), Some(measured)) = (cx.budget, cx.measurement) else {
        return;
    };
    let _ = writeln!(
        text,
        "over budget (the answer is right): {}\n",
        budget.workload
    );
    let _ = writeln!(
        text,
        "    {:<18} {:>10} {:>10}",
        "figure", "measured", "budget"
    );
    for (figure, limit) in budget.limits() {
        let value = figure.of(&measured);
        let verdict = if value > limit.max {
            format!("over by {}", value - limit.max)
        } else {
            "ok".to_owned()
        };
        let _ = writeln!(
            text,
            "    {:<18} {:>10} {:>10}   {verdict}",
            figure.to_string(),
            value,
            limit.max
        );
    }
    text.push_str("\nWhy the budget is what it is:\n");
    for (figure, limit) in budget.limits() {
        let _ = writeln!(text, "    {figure} <= {}: {}", limit.max, limit.why);
    }
    let found = top_sites(cx.profile, &cx.lib_name(), cx.crate_dir);
    match &found {
        Some(found) if !found.sites.is_empty() => {
            text.push_str("\nWhere your code allocated (from dhat's profile, most bytes first):\n");
            for site in found.sites.iter().take(TOP_SITES) {
                let _ = writeln!(
                    text,
                    "    {:<22} {:>12} {:>13}   in {}",
                    crate::source::from_where_run(cx.crate_dir, &site.location),
                    crate::measure::count(site.blocks, "block"),
                    crate::measure::count(site.bytes, "byte"),
                    site.function
                );
            }
        }
        Some(_) if cfg!(debug_assertions) => {
            text.push_str("\n(dhat's profile names no allocation site in your crate.)\n");
        }
        Some(_) => text.push_str(
            "\n(dhat's profile names no allocation site in your crate. This is a release build: \
             its optimiser may have inlined your code into the check's. Run without --release \
             for the sites.)\n",
        ),
        None => text.push_str("\n(dhat's profile could not be read.)\n"),
    }
    if let Some(Sites {
        unplaced: (blocks @ 1.., bytes),
        ..
    }) = found
    {
        let _ = writeln!(
            text,
            "    and {} ({}) that dhat's backtraces ({BACKTRACE_FRAMES} frames) could not follow \
             back to your code",
            crate::measure::count(blocks, "block"),
            crate::measure::count(bytes, "byte"),
        );
    }
    // A leak is found where the bytes still live were allocated, which need not be where the
    // most bytes were: list those sites too.
    let leaks = budget
        .limit(Figure::LiveBytes)
        .is_some_and(|limit| measured.live_bytes > limit.max);
    if leaks && !cx.printed.trim().is_empty() {
        let stdout_buffer = found.as_ref().is_some_and(|found| {
            found
                .still_live()
                .iter()
                .any(|site| site.live_bytes == STDOUT_BUFFER_BYTES)
        }) || measured.live_bytes == STDOUT_BUFFER_BYTES;
        if stdout_buffer {
            let _ = writeln!(
                text,
                "\nThe check printed to standard output, and {STDOUT_BUFFER_BYTES} of the bytes \
                 still live are most likely std's buffer for it: the first `println!` of a \
                 process allocates it and keeps it to the end. It is no leak of your code's, but \
                 the budget counts it: remove the print (`eprintln!` has no buffer) and run \
                 again."
            );
        }
    }
    if leaks && let Some(found) = &found {
        let live = found.still_live();
        if !live.is_empty() {
            text.push_str("\nWhere the bytes still live at the end were allocated (most first):\n");
            for site in live.iter().take(TOP_SITES) {
                let _ = writeln!(
                    text,
                    "    {:<22} {:>12} {:>13}   in {}",
                    crate::source::from_where_run(cx.crate_dir, &site.location),
                    crate::measure::count(site.live_blocks, "block"),
                    crate::measure::count(site.live_bytes, "byte"),
                    site.function
                );
            }
        }
    }
    let _ = writeln!(
        text,
        "\nFull profile: {}\n    Open it in DHAT's viewer: dh_view.html, which ships with Valgrind,\n    \
         or https://nnethercote.github.io/dh_view/dh_view.html (Load, then pick the file).",
        cx.profile.display()
    );
}

/// The last lines the check printed, each behind [`QUOTE`], without dhat's own summary and
/// Rust's advice about backtraces, which the report replaces.
fn quote_printed(text: &mut String, printed: &str) {
    let lines: Vec<&str> = printed
        .lines()
        .filter(|line| {
            !line.starts_with("dhat: ") && !line.starts_with("note: run with `RUST_BACKTRACE=1`")
        })
        .skip_while(|line| line.trim().is_empty())
        .collect();
    let end = lines
        .iter()
        .rposition(|line| !line.trim().is_empty())
        .map_or(0, |at| at + 1);
    let lines = &lines[..end];
    if lines.is_empty() {
        return;
    }
    let start = lines.len().saturating_sub(PRINTED_LINES);
    let shown = if start > 0 {
        format!("the last {PRINTED_LINES} lines ")
    } else {
        String::new()
    };
    let _ = writeln!(text, "\nWhat the check's process printed ({shown}as is):");
    for line in &lines[start..] {
        let _ = writeln!(text, "{QUOTE}{line}");
    }
}

fn indent(message: &str) -> String {
    message
        .lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context<'a>(report: Option<&'a Report>, printed: &'a str) -> Context<'a> {
        Context {
            package: "chapter-1",
            crate_dir: Path::new("/nowhere/chapter-1"),
            kind: Kind::Correctness,
            budget: None,
            wrong_hint: None,
            measurement: None,
            report,
            printed,
            profile: Path::new("/nowhere/p.json"),
            timeout: Duration::from_secs(10),
            full_timeout: Duration::from_secs(10),
            memory_cap_mib: 1024,
        }
    }

    #[test]
    fn printed_lines_are_quoted_so_they_cannot_pass_for_the_runner_s() {
        let text = failure(
            &Outcome::Crashed {
                how: "it exited with code 3".into(),
            },
            &context(
                None,
                "\n\ntest result: ok. 9 passed\ndhat: Total: 1 blocks\n\n",
            ),
        );
        assert_eq!(
            text,
            "the check's process ended before it could report: it exited with code 3.\n\n\
             What the check's process printed (as is):\n    │ test result: ok. 9 passed\n"
        );
    }

    #[test]
    fn one_note_lists_every_check_stopped() {
        let full = Duration::from_secs(10);
        let stopped = [
            ("budget::a".to_owned(), full),
            ("budget::b".to_owned(), Duration::from_millis(1000)),
            ("correctness::c".to_owned(), Duration::from_millis(900)),
        ];
        let note = runaway_note(&stopped, full, "chapter-1").unwrap();
        assert!(
            note.starts_with(
                "note: 3 checks never finished. budget::a ran past the 10 s limit; then \
                 budget::b, correctness::c were stopped after at most 1.0 s each"
            ),
            "{note}"
        );
        assert_eq!(runaway_note(&[], full, "chapter-1"), None);
    }

    #[test]
    fn a_wrong_answer_shows_the_assertion_and_where_it_is() {
        let report = Report::Panicked {
            message: "wrong answer from `f(1)`\n    yours:    2\n    expected: 3".into(),
            location: Some("tests/checks.rs:9:5".into()),
            in_check: true,
        };
        let text = failure(&Outcome::Wrong, &context(Some(&report), ""));
        assert_eq!(
            text,
            "the check's assertion failed (tests/checks.rs:9:5):\n    wrong answer from `f(1)`\n        \
             yours:    2\n        expected: 3\n"
        );
    }

    #[test]
    fn a_panic_says_where_the_reader_s_code_panicked() {
        let report = Report::Panicked {
            message: "index out of bounds: the len is 0 but the index is 3".into(),
            location: Some("exercises/chapter-1/src/lib.rs:16:5".into()),
            in_check: false,
        };
        let text = failure(&Outcome::Panicked, &context(Some(&report), ""));
        assert!(text.starts_with(
            "your code panicked before it could answer, at exercises/chapter-1/src/lib.rs:16:5:\n    index"
        ));
    }

    #[test]
    fn a_leak_lists_where_the_bytes_still_live_were_allocated() {
        let budgets = crate::budget::Budgets::parse(
            r#"
            [[check]]
            name = "leaks"
            workload = "w"
            hint = "Hint 1: h"
            starter_exceeds = ["live_bytes"]
            live_bytes = { max = 0, why = "nothing may stay" }
            "#,
        )
        .unwrap();
        let profile = serde_json::json!({
            "pps": [
                {"tb": 900, "tbk": 9, "eb": 0, "ebk": 0, "fs": [0]},
                {"tb": 64, "tbk": 2, "eb": 32, "ebk": 1, "fs": [1]},
            ],
            "ftbl": [
                "0x1: chapter_1::f (chapter-1/src/lib.rs:3:9)",
                "0x2: chapter_1::g (chapter-1/src/lib.rs:8:9)",
            ],
        });
        let saved = crate::sites::SavedProfile::new(&profile);
        let cx = Context {
            kind: Kind::Budget,
            budget: budgets.get("leaks"),
            measurement: Some(Measurement {
                live_bytes: 32,
                ..Measurement::default()
            }),
            profile: saved.path(),
            ..context(None, "")
        };
        let exceeded = vec![crate::budget::Figure::LiveBytes];
        let text = failure(&Outcome::OverBudget { exceeded }, &cx);
        let live = text
            .split("Where the bytes still live at the end were allocated (most first):\n")
            .nth(1)
            .expect("a list of live sites");
        assert!(
            live.starts_with(
                "    src/lib.rs:8:9              1 block      32 bytes   in chapter_1::g\n\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_wrong_answer_points_at_the_hint_about_correctness() {
        let budgets = crate::budget::Budgets::parse(
            r#"
            wrong_hint = "Hint 2: When the answer is wrong"
            [[check]]
            name = "count_word"
            workload = "2,000 words"
            hint = "Hint 1: Where the blocks come from"
            starter_exceeds = ["total_blocks"]
            total_blocks = { max = 0, why = "no copy" }
            "#,
        )
        .unwrap();
        let budget_check = Context {
            kind: Kind::Budget,
            budget: budgets.get("count_word"),
            wrong_hint: budgets.wrong_hint.as_deref(),
            ..context(None, "")
        };
        let wrong = failure(&Outcome::Wrong, &budget_check);
        assert!(
            wrong.contains("Stuck? Read \"Hint 2: When the answer is wrong\""),
            "{wrong}"
        );
        assert!(!wrong.contains("Hint 1"), "{wrong}");
        let over = failure(
            &Outcome::OverBudget {
                exceeded: vec![crate::budget::Figure::TotalBlocks],
            },
            &budget_check,
        );
        assert!(
            over.contains("Stuck? Read \"Hint 1: Where the blocks come from\""),
            "{over}"
        );
        let without = Context {
            wrong_hint: None,
            ..budget_check
        };
        assert!(!failure(&Outcome::Wrong, &without).contains("Stuck?"));
    }

    #[test]
    fn an_over_budget_report_lists_the_sites_of_a_real_profile() {
        let budgets = crate::budget::Budgets::parse(
            r#"
            [[check]]
            name = "count_word"
            workload = "2,000 words"
            hint = "Hint 1: Where the blocks come from"
            starter_exceeds = ["total_blocks"]
            total_blocks = { max = 0, why = "no copy" }
            "#,
        )
        .unwrap();
        let profile =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/testdata/chapter-1.dhat-heap.json");
        let cx = Context {
            kind: Kind::Budget,
            budget: budgets.get("count_word"),
            measurement: Some(Measurement {
                total_blocks: 2001,
                ..Measurement::default()
            }),
            profile: &profile,
            ..context(None, "")
        };
        let text = failure(
            &Outcome::OverBudget {
                exceeded: vec![crate::budget::Figure::TotalBlocks],
            },
            &cx,
        );
        assert!(
            text.contains("    total blocks             2001          0   over by 2001\n"),
            "{text}"
        );
        assert!(text.contains("    src/lib.rs:13:39        2000 blocks    6961 bytes   in chapter_1::count_word::{{closure}}\n"), "{text}");
        assert!(text.ends_with("Stuck? Read \"Hint 1: Where the blocks come from\": `cargo xtask hint 1 1` prints it here, and the exercise of chapter 1 has it (`cargo xtask serve --open` opens the book)."), "{text}");
    }
}
