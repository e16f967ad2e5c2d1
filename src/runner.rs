//! A small stand-in for libtest's runner, for the grader's parent process.
//!
//! It takes libtest's usual command line (name filters, `--exact`, `--skip`, `--list` with
//! `--format terse`, `--test-threads`, `-q`, `--nocapture`) and prints libtest's usual lines,
//! ending in `test result: … N passed; M failed; …`, so `cargo test`, `cargo nextest` and the
//! tools that read their output see a normal test binary. It is hand-written rather than taken from `libtest-mimic`
//! because that crate's argument parser (clap, with derive) doubled the cold build of every
//! exercise crate.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// One named check and the function that grades it.
pub(crate) struct Trial<'a> {
    pub name: String,
    pub run: Box<dyn Fn() -> TrialResult + Send + Sync + 'a>,
}

/// How one trial went.
pub(crate) struct TrialResult {
    /// `None` if it passed, else the report to print under its name.
    failure: Option<String>,
    /// What a passing trial printed, shown with `--nocapture`.
    output: String,
}

impl TrialResult {
    pub(crate) fn passed(output: String) -> TrialResult {
        TrialResult {
            failure: None,
            output,
        }
    }

    pub(crate) fn failed(report: String) -> TrialResult {
        TrialResult {
            failure: Some(report),
            output: String::new(),
        }
    }
}

/// What the command line asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Arguments {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    /// `--format terse`: with `--list`, the names alone, as `cargo nextest` asks.
    terse: bool,
    quiet: bool,
    /// `--nocapture`: show what passing checks printed.
    nocapture: bool,
    /// `--ignored`: run only ignored checks, and the grader has none.
    ignored_only: bool,
    threads: Option<usize>,
}

/// libtest's flags that change nothing here, and whether each takes a value.
const ACCEPTED_FLAGS: [(&str, bool); 8] = [
    ("--include-ignored", false),
    ("--test", false),
    ("--report-time", false),
    ("--shuffle", false),
    ("--color", true),
    ("--logfile", true),
    ("--shuffle-seed", true),
    ("-Z", true),
];

impl Arguments {
    /// Parses libtest-style arguments (without the program name).
    pub(crate) fn parse(args: impl IntoIterator<Item = String>) -> Result<Arguments, String> {
        let mut parsed = Arguments::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline_value) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value)),
                _ => (arg.clone(), None),
            };
            let mut value = |flag: &str| {
                inline_value
                    .map(str::to_owned)
                    .or_else(|| args.next())
                    .ok_or(format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--exact" => parsed.exact = true,
                "--list" => parsed.list = true,
                "-q" | "--quiet" => parsed.quiet = true,
                "--nocapture" | "--no-capture" | "--show-output" => parsed.nocapture = true,
                "--format" => match value("--format")?.as_str() {
                    "terse" => parsed.terse = true,
                    "pretty" => {}
                    other => return Err(format!("--format {other} is not supported")),
                },
                "--ignored" => parsed.ignored_only = true,
                "--skip" => parsed.skip.push(value("--skip")?),
                "--test-threads" => {
                    let threads = value("--test-threads")?;
                    match threads.parse() {
                        Ok(n) if n > 0 => parsed.threads = Some(n),
                        _ => return Err(format!("--test-threads takes a number, not {threads:?}")),
                    }
                }
                _ if flag.starts_with('-') => {
                    match ACCEPTED_FLAGS.iter().find(|(name, _)| *name == flag) {
                        Some((_, true)) => drop(value(&flag)?),
                        Some((_, false)) => {}
                        None => return Err(format!("unrecognised option {flag:?}")),
                    }
                }
                _ => parsed.filters.push(arg),
            }
        }
        Ok(parsed)
    }

    /// Whether the check `name` is to run.
    pub(crate) fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        !self.ignored_only
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }

    /// Whether the command line asks for the list of checks rather than a run.
    pub(crate) fn lists(&self) -> bool {
        self.list
    }

    /// How many checks the command line asks to run at once.
    pub(crate) fn threads(&self) -> usize {
        self.threads
            .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
            .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
            .unwrap_or(1)
            .max(1)
    }
}

/// Runs the selected trials, `parallel` at a time, prints libtest's report on standard
/// output, and returns the process exit code: 0 if every trial passed, 101 (libtest's code)
/// otherwise.
///
/// `notice` is asked once every trial has run; what it returns is printed before the summary
/// line, whether the trials passed or not.
pub(crate) fn run(
    args: &Arguments,
    trials: Vec<Trial>,
    parallel: usize,
    notice: &dyn Fn() -> Option<String>,
) -> i32 {
    run_into(
        args,
        trials,
        parallel,
        notice,
        &Mutex::new(std::io::stdout()),
    )
}

/// [`run`], printing into `out`.
fn run_into(
    args: &Arguments,
    trials: Vec<Trial>,
    parallel: usize,
    notice: &dyn Fn() -> Option<String>,
    out: &Mutex<impl std::io::Write + Send>,
) -> i32 {
    // The report matters more than a closed pipe: write errors are ignored throughout.
    let print = |text: std::fmt::Arguments| {
        let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
        let _ = out.write_fmt(text);
        let _ = out.flush();
    };
    let total = trials.len();
    let selected: Vec<Trial> = trials
        .into_iter()
        .filter(|t| args.selects(&t.name))
        .collect();
    let filtered_out = total - selected.len();
    if args.list {
        for trial in &selected {
            print(format_args!("{}: test\n", trial.name));
        }
        if !args.terse {
            print(format_args!("\n{} tests, 0 benchmarks\n", selected.len()));
        }
        return 0;
    }

    let start = Instant::now();
    print(format_args!(
        "\nrunning {} test{}\n",
        selected.len(),
        plural(selected.len())
    ));
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..parallel.min(selected.len()) {
            scope.spawn(|| {
                while let Some(trial) = selected.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = (trial.run)();
                    let mut line = match (&result.failure, args.quiet) {
                        (None, true) => ".".to_owned(),
                        (Some(_), true) => "F".to_owned(),
                        (None, false) => format!("test {} ... ok\n", trial.name),
                        (Some(_), false) => format!("test {} ... FAILED\n", trial.name),
                    };
                    if args.nocapture && result.failure.is_none() && !result.output.is_empty() {
                        line.push_str(result.output.trim_end());
                        line.push('\n');
                    }
                    print(format_args!("{line}"));
                    if let Some(message) = result.failure {
                        let mut failures = failures.lock().unwrap_or_else(|e| e.into_inner());
                        failures.push((trial.name.clone(), message));
                    }
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    if args.quiet {
        print(format_args!("\n"));
    }
    if !failures.is_empty() {
        print(format_args!("\nfailures:\n\n"));
        for (name, message) in &failures {
            print(format_args!("---- {name} ----\n{}\n\n", message.trim_end()));
        }
        print(format_args!("failures:\n"));
        for (name, _) in &failures {
            print(format_args!("    {name}\n"));
        }
    }
    if let Some(notice) = notice() {
        print(format_args!("\n{notice}\n"));
    }
    let failed = failures.len();
    print(format_args!(
        "\ntest result: {}. {} passed; {failed} failed; 0 ignored; 0 measured; {filtered_out} \
         filtered out; finished in {:.2}s\n\n",
        if failed == 0 { "ok" } else { "FAILED" },
        selected.len() - failed,
        start.elapsed().as_secs_f64(),
    ));
    if failed == 0 { 0 } else { 101 }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Arguments, String> {
        Arguments::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn a_bare_word_filters_by_substring() {
        let args = parse(&["count"]).unwrap();
        assert!(args.selects("budget::count_word"));
        assert!(!args.selects("correctness::empty"));
    }

    #[test]
    fn exact_and_skip_narrow_the_selection() {
        let args = parse(&["--exact", "budget::count_word"]).unwrap();
        assert!(args.selects("budget::count_word"));
        assert!(!args.selects("budget::count_word_twice"));
        let args = parse(&["--skip", "budget"]).unwrap();
        assert!(!args.selects("budget::count_word"));
        assert!(args.selects("correctness::empty"));
    }

    #[test]
    fn values_come_inline_or_next() {
        assert_eq!(parse(&["--test-threads=3"]).unwrap().threads, Some(3));
        assert_eq!(parse(&["--test-threads", "1"]).unwrap().threads, Some(1));
        assert!(parse(&["--test-threads", "none"]).is_err());
        assert!(parse(&["--color", "never", "--nocapture"]).is_ok());
        assert!(parse(&["--format", "json"]).is_err());
    }

    fn printed(args: &[&str], outcomes: &[(&str, Option<&str>)]) -> (i32, String) {
        let trials = outcomes
            .iter()
            .map(|&(name, failure)| Trial {
                name: name.to_owned(),
                run: Box::new(move || match failure {
                    None => TrialResult::passed(format!("{name} printed this")),
                    Some(report) => TrialResult::failed(report.to_owned()),
                }),
            })
            .collect();
        let out = Mutex::new(Vec::new());
        let code = run_into(&parse(args).unwrap(), trials, 1, &|| None, &out);
        let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        // The time is the machine's.
        let text = match text.find("finished in ") {
            Some(at) => format!("{}finished in …", &text[..at]),
            None => text,
        };
        (code, text)
    }

    #[test]
    fn the_summary_reads_as_libtest_s() {
        let (code, text) = printed(
            &[],
            &[
                ("budget::b", Some("over budget\n")),
                ("correctness::a", None),
            ],
        );
        assert_eq!(code, 101);
        assert_eq!(
            text,
            "\nrunning 2 tests\ntest budget::b ... FAILED\ntest correctness::a ... ok\n\n\
             failures:\n\n---- budget::b ----\nover budget\n\nfailures:\n    budget::b\n\n\
             test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; \
             finished in …"
        );
    }

    #[test]
    fn a_terse_list_holds_names_alone() {
        let (code, text) = printed(
            &["--list", "--format", "terse", "budget"],
            &[("budget::b", None), ("correctness::a", None)],
        );
        assert_eq!((code, text.as_str()), (0, "budget::b: test\n"));
    }

    #[test]
    fn nocapture_shows_what_a_passing_check_printed() {
        let (_, text) = printed(&["--nocapture"], &[("correctness::a", None)]);
        assert!(
            text.contains("test correctness::a ... ok\ncorrectness::a printed this\n"),
            "{text}"
        );
        let (_, text) = printed(&[], &[("correctness::a", None)]);
        assert!(!text.contains("printed this"), "{text}");
    }

    #[test]
    fn nextest_s_listing_is_understood() {
        let args = parse(&["--list", "--format", "terse"]).unwrap();
        assert!(args.list && args.terse);
        let args = parse(&["--exact", "budget::x", "--nocapture"]).unwrap();
        assert!(args.nocapture && args.selects("budget::x"));
    }

    #[test]
    fn an_unknown_option_is_an_error() {
        assert!(parse(&["--frobnicate"]).is_err());
    }

    #[test]
    fn ignored_only_selects_nothing() {
        assert!(!parse(&["--ignored"]).unwrap().selects("budget::x"));
    }
}
