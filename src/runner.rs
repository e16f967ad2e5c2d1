//! A small stand-in for libtest's runner, for the grader's parent process.
//!
//! It takes libtest's usual command line (name filters, `--exact`, `--skip`, `--list`,
//! `--test-threads`, `-q`) and prints libtest's usual lines, ending in
//! `test result: … N passed; M failed; …`, so `cargo test` and the tools that read its output
//! see a normal test binary. It is hand-written rather than taken from `libtest-mimic`
//! because that crate's argument parser (clap, with derive) doubled the cold build of every
//! exercise crate.

use std::io::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// One named check and the function that grades it.
pub(crate) struct Trial<'a> {
    pub name: String,
    pub run: Box<dyn Fn() -> Result<(), String> + Send + Sync + 'a>,
}

/// What the command line asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Arguments {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    quiet: bool,
    /// `--ignored`: run only ignored checks, and the grader has none.
    ignored_only: bool,
    threads: Option<usize>,
}

/// libtest's flags that change nothing here, and whether each takes a value.
const ACCEPTED_FLAGS: [(&str, bool); 12] = [
    ("--nocapture", false),
    ("--no-capture", false),
    ("--show-output", false),
    ("--include-ignored", false),
    ("--test", false),
    ("--report-time", false),
    ("--shuffle", false),
    ("--color", true),
    ("--format", true),
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

    fn selects(&self, name: &str) -> bool {
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

    fn threads(&self) -> usize {
        self.threads
            .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
            .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
            .unwrap_or(1)
            .max(1)
    }
}

/// Runs the selected trials, prints libtest's report, and returns the process exit code:
/// 0 if every trial passed, 101 (libtest's code) otherwise.
pub(crate) fn run(args: &Arguments, trials: Vec<Trial>) -> i32 {
    let total = trials.len();
    let selected: Vec<Trial> = trials
        .into_iter()
        .filter(|t| args.selects(&t.name))
        .collect();
    let filtered_out = total - selected.len();
    if args.list {
        for trial in &selected {
            println!("{}: test", trial.name);
        }
        println!("\n{} tests, 0 benchmarks", selected.len());
        return 0;
    }

    let start = Instant::now();
    println!(
        "\nrunning {} test{}",
        selected.len(),
        plural(selected.len())
    );
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..args.threads().min(selected.len()) {
            scope.spawn(|| {
                while let Some(trial) = selected.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = (trial.run)();
                    let mut out = std::io::stdout().lock();
                    let _ = match (&outcome, args.quiet) {
                        (Ok(()), true) => write!(out, "."),
                        (Err(_), true) => write!(out, "F"),
                        (Ok(()), false) => writeln!(out, "test {} ... ok", trial.name),
                        (Err(_), false) => writeln!(out, "test {} ... FAILED", trial.name),
                    };
                    let _ = out.flush();
                    if let Err(message) = outcome {
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
        println!();
    }
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, message) in &failures {
            println!("---- {name} ----\n{}\n", message.trim_end());
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    let failed = failures.len();
    println!(
        "\ntest result: {}. {} passed; {failed} failed; 0 ignored; 0 measured; {filtered_out} \
         filtered out; finished in {:.2}s\n",
        if failed == 0 { "ok" } else { "FAILED" },
        selected.len() - failed,
        start.elapsed().as_secs_f64(),
    );
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
