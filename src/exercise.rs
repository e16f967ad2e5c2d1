//! The grader behind `cargo test -p chapter-N`: correctness checks and budget checks, each run
//! in a child process of its own.

use std::fs::{self, File};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

use crate::Measurement;
use crate::budget::{Budget, Budgets, Figure};
use crate::report;
use crate::runner::{self, Arguments, Trial};

/// Set in a child process: which check it runs (`correctness::NAME` or `budget::NAME`).
const CHILD_CHECK: &str = "SEEK_AND_DESTROY_CHILD_CHECK";
/// Set in a child process: where it writes its [`Measurement`].
const CHILD_RESULT: &str = "SEEK_AND_DESTROY_CHILD_RESULT";
/// Set in a child process: where dhat saves the profile of a budget check that fails.
const CHILD_PROFILE: &str = "SEEK_AND_DESTROY_CHILD_PROFILE";
/// Optional: a folder in which the grader leaves one JSON [`Verdict`] per check (for tooling).
pub const VERDICTS_DIR: &str = "SEEK_AND_DESTROY_VERDICTS";
/// Optional: seconds a check may run before it is stopped.
pub const TIMEOUT_SECS: &str = "SEEK_AND_DESTROY_TIMEOUT_SECS";

/// How long a check may run unless [`TIMEOUT_SECS`] says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// The address space a check may use. An allocation past it fails at once with a message,
/// instead of pushing the whole machine into swap.
const ADDRESS_SPACE_LIMIT: u64 = 4 << 30;
/// Frames dhat keeps per allocation: enough to reach the reader's own frame below a
/// `HashMap` insert (10, dhat's default, is not).
const BACKTRACE_FRAMES: usize = 16;

/// The two kinds of check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Does the reader's code give the right answer? Unmeasured.
    Correctness,
    /// Does it stay within its allocation budget? Measured under dhat.
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

/// How one check ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Right answer, or within budget.
    Passed,
    /// A correctness check's assertion failed.
    Wrong,
    /// The measured figures exceed the budget on these figures.
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
    /// One allocation asked for more than the allocator could give.
    AllocationFailed,
    /// The child process died some other way: a signal, an abort, or `process::exit`.
    Crashed {
        /// How it died, such as "it was killed by signal 11".
        how: String,
    },
}

/// What tooling learns about one check (see [`VERDICTS_DIR`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Verdict {
    /// The check's trial name, such as `budget::count_word`.
    pub check: String,
    /// Correctness or budget.
    pub kind: Kind,
    /// How it ended.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The figures of a budget check that finished.
    pub measurement: Option<Measurement>,
}

/// A check's work in the child. A budget check gets its budget and the profile path, and
/// returns its figures.
type Body = Box<dyn Fn(Option<&Budget>, &Path) -> Option<Measurement> + Send + Sync>;

struct Check {
    kind: Kind,
    name: String,
    body: Body,
}

impl Check {
    fn trial_name(&self) -> String {
        format!("{}::{}", self.kind.prefix(), self.name)
    }
}

/// Where a child process leaves its traces, all under `target/seek-and-destroy/<package>/`.
struct ChildPaths {
    result: PathBuf,
    profile: PathBuf,
    log: PathBuf,
}

/// An exercise crate's checks, built in its test file and run by [`Exercise::run`].
///
/// Create it with the [`exercise!`](crate::exercise!) macro, which reads the crate's
/// `budgets.toml`. Register correctness checks with [`correctness`](Exercise::correctness)
/// and budget checks with [`budget`](Exercise::budget), then call [`run`](Exercise::run) from
/// the `main` of a `harness = false` test target.
pub struct Exercise {
    package: String,
    crate_dir: PathBuf,
    budgets: Budgets,
    checks: Vec<Check>,
}

/// Starts an [`Exercise`] for the calling crate, with its `budgets.toml` built in.
///
/// Expands to [`Exercise::new`] with the crate's package name, its folder, and the text of
/// `budgets.toml` in that folder, so it only compiles where that file exists:
///
/// ```ignore
/// fn main() {
///     seek_and_destroy::exercise!()
///         .correctness("adds", || assert_eq!(1 + 1, 2))
///         .run();
/// }
/// ```
#[macro_export]
macro_rules! exercise {
    () => {
        $crate::Exercise::new(
            env!("CARGO_PKG_NAME"),
            env!("CARGO_MANIFEST_DIR"),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/budgets.toml")),
        )
    };
}

impl Exercise {
    /// An exercise for `package`, whose sources are in `crate_dir`, with budgets parsed from the
    /// text of its `budgets.toml`. Prefer the [`exercise!`](crate::exercise!) macro.
    ///
    /// # Panics
    ///
    /// If the budgets do not parse: a mistake of the exercise's author, not of the reader.
    pub fn new(package: &str, crate_dir: &str, budgets_toml: &str) -> Exercise {
        let budgets = Budgets::parse(budgets_toml)
            .unwrap_or_else(|error| panic!("{package}/budgets.toml does not parse: {error}"));
        Exercise {
            package: package.to_owned(),
            crate_dir: PathBuf::from(crate_dir),
            budgets,
            checks: Vec::new(),
        }
    }

    /// Registers a correctness check: `check` calls the reader's code and asserts on the answer.
    /// A panic is a wrong answer, reported with its message.
    pub fn correctness(mut self, name: &str, check: impl Fn() + Send + Sync + 'static) -> Self {
        self.checks.push(Check {
            kind: Kind::Correctness,
            name: name.to_owned(),
            body: Box::new(move |_, _| {
                check();
                None
            }),
        });
        self
    }

    /// Registers a budget check, limited by the `[[check]]` of the same name in `budgets.toml`.
    ///
    /// `setup` builds the input, unmeasured. `work` runs the reader's code on it under a fresh
    /// dhat profiler. The input is moved into `work`, so blocks it frees there cost nothing,
    /// and its result is dropped before the figures are read, so any live bytes are a leak.
    pub fn budget<I, O>(
        mut self,
        name: &str,
        setup: impl Fn() -> I + Send + Sync + 'static,
        work: impl Fn(I) -> O + Send + Sync + 'static,
    ) -> Self {
        self.checks.push(Check {
            kind: Kind::Budget,
            name: name.to_owned(),
            body: Box::new(move |budget, profile| {
                let input = setup();
                let _profiler = dhat::Profiler::builder()
                    .testing()
                    .trim_backtraces(Some(BACKTRACE_FRAMES))
                    .file_name(profile)
                    .build();
                let start = Instant::now();
                drop(black_box(work(black_box(input))));
                let measurement = Measurement::now(start);
                if budget.is_some_and(|budget| !budget.is_met_by(&measurement)) {
                    // A testing profiler writes its file only when a dhat assertion fails;
                    // this is the function behind `dhat::assert!`, minus the panic.
                    dhat::check_assert_condition(|| false);
                }
                Some(measurement)
            }),
        });
        self
    }

    /// Runs the checks chosen on the command line and exits with libtest's status.
    ///
    /// In a child process started by the grader, runs that child's one check instead.
    ///
    /// # Panics
    ///
    /// If a budget check has no `[[check]]` in `budgets.toml`, or the file has one that no
    /// check uses.
    pub fn run(self) -> ! {
        if let Ok(trial) = std::env::var(CHILD_CHECK) {
            self.run_child(&trial)
        }
        self.validate();
        let arguments = match Arguments::parse(std::env::args().skip(1)) {
            Ok(arguments) => arguments,
            Err(error) => {
                eprintln!("error: {error}");
                std::process::exit(101)
            }
        };
        let exercise = &self;
        let trials = self
            .checks
            .iter()
            .enumerate()
            .map(|(index, check)| Trial {
                name: check.trial_name(),
                run: Box::new(move || exercise.grade(index)),
            })
            .collect();
        std::process::exit(runner::run(&arguments, trials))
    }

    fn validate(&self) {
        for check in self.checks.iter().filter(|c| c.kind == Kind::Budget) {
            assert!(
                self.budgets.get(&check.name).is_some(),
                "{}/budgets.toml has no [[check]] named {:?}",
                self.package,
                check.name
            );
        }
        for budget in &self.budgets.checks {
            assert!(
                self.checks
                    .iter()
                    .any(|c| c.kind == Kind::Budget && c.name == budget.name),
                "{}/budgets.toml limits {:?}, but no budget check has that name",
                self.package,
                budget.name
            );
        }
    }

    /// The budget that limits `check`, if it is a budget check.
    fn budget_of(&self, check: &Check) -> Option<&Budget> {
        match check.kind {
            Kind::Budget => self.budgets.get(&check.name),
            Kind::Correctness => None,
        }
    }

    /// The child side: run one check, write its measurement, and exit.
    fn run_child(&self, trial: &str) -> ! {
        let check = self
            .checks
            .iter()
            .find(|check| check.trial_name() == trial)
            .unwrap_or_else(|| panic!("no check named {trial}"));
        limit_address_space();
        let measurement = (check.body)(self.budget_of(check), &env_path(CHILD_PROFILE));
        let json = serde_json::to_string(&measurement).expect("a measurement serialises");
        fs::write(env_path(CHILD_RESULT), json).expect("the grader's result file is writable");
        std::process::exit(0)
    }

    /// The parent side: run check `index` in a child process and judge what came back.
    fn grade(&self, index: usize) -> Result<(), String> {
        let check = &self.checks[index];
        let trial = check.trial_name();
        let paths = self.paths_for(&trial);
        let (outcome, measurement) = self.run_in_child(check, &paths);
        let budget = self.budget_of(check);
        let outcome = match (outcome, measurement, budget) {
            (Outcome::Passed, None, Some(_)) => Outcome::Crashed {
                how: "it finished without reporting its figures".to_owned(),
            },
            (Outcome::Passed, Some(measured), Some(budget)) => {
                let exceeded = budget.exceeded_by(&measured);
                if exceeded.is_empty() {
                    Outcome::Passed
                } else {
                    Outcome::OverBudget { exceeded }
                }
            }
            (outcome, _, _) => outcome,
        };
        self.save_verdict(&trial, check.kind, &outcome, measurement);
        if outcome == Outcome::Passed {
            return Ok(());
        }
        let log = fs::read_to_string(&paths.log).unwrap_or_default();
        let context = report::Context {
            package: &self.package,
            crate_dir: &self.crate_dir,
            kind: check.kind,
            budget,
            measurement,
            log: &log,
            profile: &paths.profile,
            timeout: timeout(),
        };
        Err(report::failure(&outcome, &context))
    }

    fn paths_for(&self, trial: &str) -> ChildPaths {
        let dir = output_dir(&self.package);
        let stem = trial.replace("::", ".");
        ChildPaths {
            result: dir.join(format!("{stem}.result.json")),
            profile: dir.join(format!("{stem}.dhat-heap.json")),
            log: dir.join(format!("{stem}.log")),
        }
    }

    fn run_in_child(&self, check: &Check, paths: &ChildPaths) -> (Outcome, Option<Measurement>) {
        for stale in [&paths.result, &paths.profile, &paths.log] {
            let _ = fs::remove_file(stale);
        }
        let spawned = File::create(&paths.log).and_then(|log| {
            Command::new(std::env::current_exe()?)
                .env(CHILD_CHECK, check.trial_name())
                .env(CHILD_RESULT, &paths.result)
                .env(CHILD_PROFILE, &paths.profile)
                .env("RUST_BACKTRACE", "0")
                .stdin(Stdio::null())
                .stdout(log.try_clone()?)
                .stderr(log)
                .spawn()
        });
        let mut child = match spawned {
            Ok(child) => child,
            Err(error) => panic!("the grader could not start a check process: {error}"),
        };
        let status = match child.wait_timeout(timeout()) {
            Ok(Some(status)) => status,
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return (Outcome::TimedOut, None);
            }
        };
        if status.success() {
            // A child that finished its check always leaves a result, even `null` for a
            // correctness check. No result means the reader's code ended the process early,
            // with `exit(0)` say, which must not pass for a success.
            let result: Option<Option<Measurement>> = fs::read_to_string(&paths.result)
                .ok()
                .and_then(|json| serde_json::from_str(&json).ok());
            return match result {
                Some(measurement) => (Outcome::Passed, measurement),
                None => {
                    let how = "it exited with code 0 in the middle of the check (does your code \
                               call std::process::exit?)"
                        .to_owned();
                    (Outcome::Crashed { how }, None)
                }
            };
        }
        let log = fs::read_to_string(&paths.log).unwrap_or_default();
        (classify_failure(status, &log, check.kind), None)
    }

    fn save_verdict(
        &self,
        trial: &str,
        kind: Kind,
        outcome: &Outcome,
        measurement: Option<Measurement>,
    ) {
        let Some(dir) = std::env::var_os(VERDICTS_DIR).map(PathBuf::from) else {
            return;
        };
        let verdict = Verdict {
            check: trial.to_owned(),
            kind,
            outcome: outcome.clone(),
            measurement,
        };
        let json = serde_json::to_string_pretty(&verdict).expect("a verdict serialises");
        let written = fs::create_dir_all(&dir)
            .and_then(|()| fs::write(dir.join(format!("{}.json", trial.replace("::", "."))), json));
        if let Err(error) = written {
            eprintln!(
                "could not save the verdict of {trial} in {}: {error}",
                dir.display()
            );
        }
    }
}

fn classify_failure(status: ExitStatus, log: &str, kind: Kind) -> Outcome {
    if log.contains("memory allocation of ") {
        Outcome::AllocationFailed
    } else if log.contains("has overflowed its stack") {
        Outcome::StackOverflow
    } else if let Some((_, location)) = log.split_once("panicked at ") {
        // A correctness check's own assertions live in tests/; a panic anywhere else is the
        // reader's code failing before it could answer.
        let in_check = location
            .lines()
            .next()
            .is_some_and(|l| l.contains("/tests/"));
        if kind == Kind::Correctness && in_check {
            Outcome::Wrong
        } else {
            Outcome::Panicked
        }
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
        (None, Some(signal)) => format!("it was killed by signal {signal}"),
        (None, None) => status.to_string(),
    }
}

#[cfg(not(unix))]
fn describe_exit(status: ExitStatus) -> String {
    status.to_string()
}

/// `target/seek-and-destroy/<package>/`, found from the test binary's own path.
fn output_dir(package: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    // The binary sits in target/<profile>/deps/.
    let target = exe
        .ancestors()
        .find(|dir| dir.file_name().is_some_and(|name| name == "deps"))
        .and_then(|deps| deps.parent()?.parent())
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let dir = target.join("seek-and-destroy").join(package);
    if let Err(error) = fs::create_dir_all(&dir) {
        panic!("the grader could not create {}: {error}", dir.display());
    }
    dir
}

fn env_path(name: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("{name} is not set"))
}

fn timeout() -> Duration {
    std::env::var(TIMEOUT_SECS)
        .ok()
        .and_then(|secs| secs.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

#[cfg(unix)]
fn limit_address_space() {
    let limit = libc::rlimit {
        rlim_cur: ADDRESS_SPACE_LIMIT as libc::rlim_t,
        rlim_max: ADDRESS_SPACE_LIMIT as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a valid, initialised struct and touches nothing else.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_address_space() {}
