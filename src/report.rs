//! What a reader sees when a check fails: the figures against the budget, where their code
//! allocated, which hint to read, and where the full profile is.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

use crate::Measurement;
use crate::budget::Budget;
use crate::exercise::{Kind, Outcome, TIMEOUT_SECS};

/// How many allocation sites a report lists.
const TOP_SITES: usize = 5;
/// How many lines of a child's output a report quotes.
const LOG_LINES: usize = 20;

/// Everything the report of one failed check may draw on.
pub(crate) struct Context<'a> {
    pub package: &'a str,
    pub crate_dir: &'a Path,
    pub kind: Kind,
    pub budget: Option<&'a Budget>,
    pub measurement: Option<Measurement>,
    pub log: &'a str,
    pub profile: &'a Path,
    pub timeout: Duration,
}

/// The text libtest prints under the failed check's name.
pub(crate) fn failure(outcome: &Outcome, cx: &Context) -> String {
    let mut text = String::new();
    match outcome {
        Outcome::Passed => {}
        Outcome::Wrong => {
            text.push_str("wrong answer: the check's assertion failed.\n\n");
            text.push_str(&quote_log(cx.log));
        }
        Outcome::OverBudget { .. } => over_budget(&mut text, cx),
        Outcome::Panicked => {
            text.push_str("your code panicked before it could answer:\n\n");
            text.push_str(&quote_log(cx.log));
        }
        Outcome::StackOverflow => {
            text.push_str(
                "your code overflowed the stack. Look for recursion that never reaches its base \
                 case, or a very large array in a local variable (chapter 3: such data belongs \
                 on the heap).\n\n",
            );
            text.push_str(&quote_log(cx.log));
        }
        Outcome::TimedOut => {
            let _ = writeln!(
                text,
                "stopped after {} s: the check did not finish in time.\n\
                 Look for a loop that never ends, or work that grows much faster than its input.\n\
                 (A slow machine can raise the limit: {TIMEOUT_SECS}=30 cargo test -p {}.)",
                cx.timeout.as_secs(),
                cx.package,
            );
        }
        Outcome::AllocationFailed => {
            let _ = writeln!(
                text,
                "your code asked for more memory than a check may use (4 GiB of address space), \
                 and the allocation failed.\n\
                 Look for a capacity or a length computed from the input: it is far too large.\n"
            );
            text.push_str(&quote_log(cx.log));
        }
        Outcome::Crashed { how } => {
            let _ = writeln!(
                text,
                "the check's process ended before it could report: {how}.\n"
            );
            text.push_str(&quote_log(cx.log));
        }
    }
    if cx.kind == Kind::Budget
        && let Some(budget) = cx.budget
    {
        let chapter = cx.package.replace('-', " ");
        let _ = write!(
            text,
            "\nStuck? Read \"{}\" in the exercise of {chapter} (`cargo xtask serve --open` \
             opens the book).",
            budget.hint
        );
    }
    text
}

fn over_budget(text: &mut String, cx: &Context) {
    let (Some(budget), Some(measured)) = (cx.budget, cx.measurement) else {
        return;
    };
    let _ = writeln!(text, "over budget: {}\n", budget.workload);
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
    match top_sites(cx.profile, cx.crate_dir) {
        Some(sites) if !sites.is_empty() => {
            text.push_str("\nWhere your code allocated (from dhat's profile, most bytes first):\n");
            for site in sites.iter().take(TOP_SITES) {
                let _ = writeln!(
                    text,
                    "    {:<22} {:>12} {:>13}   in {}",
                    site.location,
                    crate::measure::count(site.blocks, "block"),
                    crate::measure::count(site.bytes, "byte"),
                    site.function
                );
            }
        }
        _ => text.push_str("\n(dhat's profile names no allocation site in your crate.)\n"),
    }
    let _ = writeln!(
        text,
        "\nFull profile: {}\n    Open it in DHAT's viewer: dh_view.html, which ships with Valgrind,\n    \
         or https://nnethercote.github.io/dh_view/dh_view.html (Load, then pick the file).",
        cx.profile.display()
    );
}

/// The last lines of a child's output, minus Rust's advice about backtraces.
fn quote_log(log: &str) -> String {
    let lines: Vec<&str> = log
        .lines()
        .filter(|line| !line.starts_with("note: run with `RUST_BACKTRACE=1`"))
        .collect();
    let start = lines.len().saturating_sub(LOG_LINES);
    let mut quoted = String::new();
    for line in &lines[start..] {
        let _ = writeln!(quoted, "    {line}");
    }
    quoted
}

/// One place in the reader's code that allocated, totalled over the measured period.
#[derive(Debug, PartialEq, Eq)]
pub struct Site {
    /// `src/lib.rs:12:35`, relative to the exercise crate.
    pub location: String,
    /// The function, such as `chapter_1::count_word`.
    pub function: String,
    /// Blocks allocated there.
    pub blocks: u64,
    /// Bytes allocated there.
    pub bytes: u64,
}

#[derive(Deserialize)]
struct Profile {
    pps: Vec<ProgramPoint>,
    ftbl: Vec<String>,
}

#[derive(Deserialize)]
struct ProgramPoint {
    tb: u64,
    tbk: u64,
    fs: Vec<usize>,
}

/// The allocation sites in `crate_dir` that a dhat profile names, most bytes first.
///
/// Each allocation is charged to the innermost frame inside the crate (but outside its
/// `tests/` folder), so a `Vec` growing inside the reader's function is charged to the line
/// that pushed. `None` if the profile cannot be read.
pub fn top_sites(profile: &Path, crate_dir: &Path) -> Option<Vec<Site>> {
    let profile: Profile = serde_json::from_str(&std::fs::read_to_string(profile).ok()?).ok()?;
    let marker = crate_marker(crate_dir);
    let mut totals: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for point in &profile.pps {
        let frame = point
            .fs
            .iter()
            .filter_map(|&index| profile.ftbl.get(index))
            .find_map(|frame| reader_frame(frame, &marker));
        if let Some(key) = frame {
            let total = totals.entry(key).or_default();
            total.0 += point.tbk;
            total.1 += point.tb;
        }
    }
    let mut sites: Vec<Site> = totals
        .into_iter()
        .map(|((location, function), (blocks, bytes))| Site {
            location,
            function,
            blocks,
            bytes,
        })
        .collect();
    sites.sort_by(|a, b| (b.bytes, b.blocks, &a.location).cmp(&(a.bytes, a.blocks, &b.location)));
    Some(sites)
}

/// `chapter-1/`: the crate's folder, as dhat's frames spell it. dhat keeps the last three
/// components of a path (`chapter-1/src/lib.rs`), so the folder's own name is what is left.
fn crate_marker(crate_dir: &Path) -> String {
    let name = crate_dir.file_name().unwrap_or_default().to_string_lossy();
    format!("{name}/")
}

/// Splits `0x…: chapter_1::f (exercises/chapter-1/src/lib.rs:7:11)` into location and
/// function, if the frame is in the reader's crate.
fn reader_frame(frame: &str, marker: &str) -> Option<(String, String)> {
    let (head, location) = frame.strip_suffix(')')?.rsplit_once(" (")?;
    let relative = match location.split_once(marker)? {
        ("", relative) => relative,
        (before, relative) if before.ends_with('/') => relative,
        _ => return None,
    };
    if relative.starts_with("tests/") {
        return None;
    }
    let function = head.split_once(": ").map_or(head, |(_, name)| name);
    Some((relative.to_owned(), function.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_in_the_reader_crate_is_split_into_location_and_function() {
        let frame = "0x5f3a: chapter_1::count_word (chapter-1/src/lib.rs:7:11)";
        assert_eq!(
            reader_frame(frame, "chapter-1/"),
            Some(("src/lib.rs:7:11".into(), "chapter_1::count_word".into()))
        );
    }

    #[test]
    fn frames_in_tests_std_or_other_crates_are_not_the_reader_s() {
        let marker = "chapter-1/";
        for frame in [
            "0x1: checks::main (chapter-1/tests/checks.rs:3:5)",
            "0x2: alloc::vec::Vec<T>::push (src/vec/mod.rs:9:9)",
            "0x3: chapter_10::f (chapter-10/src/lib.rs:1:1)",
            "0x3: chapter_10::f (xchapter-1/src/lib.rs:1:1)",
            "0x4: ???",
        ] {
            assert_eq!(reader_frame(frame, marker), None, "{frame}");
        }
    }

    #[test]
    fn the_marker_is_the_crate_folder() {
        let dir = Path::new("/home/reader/seek/exercises/chapter-3");
        assert_eq!(crate_marker(dir), "chapter-3/");
    }
}
