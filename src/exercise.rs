//! An exercise crate's checks: registering them, and running each one, in the grader's
//! process or in the check's own.

use std::fmt::Debug;
use std::fs;
use std::hint::black_box;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use crate::Measurement;
use crate::budget::{Budget, Budgets};
use crate::classify::classify;
use crate::protocol::{self, Report};
use crate::runner::{self, Arguments, Trial, TrialResult};
use crate::sites::BACKTRACE_FRAMES;
use crate::spawn::{TimeLimits, Traces, run_check};
use crate::tooling::VERDICTS_DIR;
use crate::verdict::{CheckName, Kind, Outcome, Verdict};
use crate::{limits, os, report, source};

/// What a check's body gets in the child: its budget, if it is a budget check, and where
/// dhat saves the profile.
struct ChildContext<'a> {
    budget: Option<&'a Budget>,
    profile: &'a Path,
}

/// A check's work in the child, returning what the harness reports.
type Body = Box<dyn Fn(&ChildContext) -> Report + Send + Sync>;

struct Check {
    name: CheckName,
    body: Body,
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
/// `budgets.toml` in that folder, so it only compiles where that file exists. On Linux, macOS
/// and Windows it also installs the run's guards before `main`, ahead of any constructor in
/// the reader's crate that does not ask for an earlier place: the check's secret is read
/// there, and the grader gets a deadline, a watchdog process and an exit handler, so that
/// such code can neither hang the run nor end it with a fake success.
///
/// ```ignore
/// fn main() {
///     seek_and_destroy::exercise!()
///         .correctness("adds", || seek_and_destroy::assert_answer!(1 + 1, 2))
///         .run();
/// }
/// ```
#[macro_export]
macro_rules! exercise {
    () => {{
        // Priority 101 is the first one open to programs: it runs before every constructor
        // without a priority, such as those of the `ctor` crate.
        #[cfg(target_os = "linux")]
        #[used]
        #[unsafe(link_section = ".init_array.00101")]
        static GUARD_THE_RUN: extern "C" fn() = $crate::__private::guard_run;
        // macOS runs these in link order, and the test crate's object comes first.
        #[cfg(target_vendor = "apple")]
        #[used]
        #[unsafe(link_section = "__DATA,__mod_init_func")]
        static GUARD_THE_RUN: extern "C" fn() = $crate::__private::guard_run;
        // The C runtime runs `.CRT$XC*` in name order: XCT comes before the XCU that
        // constructors (the `ctor` crate's) use.
        #[cfg(windows)]
        #[used]
        #[unsafe(link_section = ".CRT$XCT")]
        static GUARD_THE_RUN: extern "C" fn() = $crate::__private::guard_run;
        $crate::Exercise::new(
            env!("CARGO_PKG_NAME"),
            env!("CARGO_MANIFEST_DIR"),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/budgets.toml")),
        )
    }};
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

    /// Registers a correctness check: `check` calls the reader's code and asserts on the
    /// answer, preferably with [`assert_answer!`](crate::assert_answer!). A panic raised in the
    /// check's own file is a wrong answer; one raised in the reader's code is a crash.
    pub fn correctness(mut self, name: &str, check: impl Fn() + Send + Sync + 'static) -> Self {
        self.checks.push(Check {
            name: CheckName {
                kind: Kind::Correctness,
                name: name.to_owned(),
            },
            body: Box::new(move |_| {
                check();
                Report::Finished { measurement: None }
            }),
        });
        self
    }

    /// Registers a budget check, limited by the `[[check]]` of the same name in `budgets.toml`.
    ///
    /// `setup` runs unmeasured and returns the input and the answer the reader's code must
    /// give on it. `work` runs the reader's code on the input under a fresh dhat profiler. Its
    /// result is compared with the expected answer, and the check fails as a wrong answer if
    /// they differ: code that is cheap but wrong on the budget's workload cannot pass. The
    /// comparison runs inside the measured period, before the result is dropped, so it must
    /// not allocate (`PartialEq` of numbers, strings, `Vec`s and tuples does not).
    ///
    /// The input is moved into `work`, so blocks it frees there cost nothing, and the result
    /// is dropped before the figures are read, so any live bytes are a leak.
    pub fn budget<I, O>(
        self,
        name: &str,
        setup: impl Fn() -> (I, O) + Send + Sync + 'static,
        work: impl Fn(I) -> O + Send + Sync + 'static,
    ) -> Self
    where
        O: PartialEq + Debug,
    {
        self.measured(
            name,
            move || {
                let (input, expected) = setup();
                (input, Some(expected))
            },
            work,
        )
    }

    /// Registers a budget check whose answer cannot be compared, and says why in `why` (shown
    /// in the source only: it is for the next author). Prefer [`budget`](Exercise::budget).
    pub fn budget_without_answer<I, O>(
        self,
        name: &str,
        why: &'static str,
        setup: impl Fn() -> I + Send + Sync + 'static,
        work: impl Fn(I) -> O + Send + Sync + 'static,
    ) -> Self {
        let _ = why;
        self.measured(
            name,
            move || (setup(), None::<Unchecked>),
            move |input| {
                drop(black_box(work(input)));
                Unchecked
            },
        )
    }

    fn measured<I, O>(
        mut self,
        name: &str,
        setup: impl Fn() -> (I, Option<O>) + Send + Sync + 'static,
        work: impl Fn(I) -> O + Send + Sync + 'static,
    ) -> Self
    where
        O: PartialEq + Debug,
    {
        self.checks.push(Check {
            name: CheckName::budget(name),
            // Only what must know `I` and `O` is generic: the exercise crate compiles this
            // closure once per check, and its rebuild is part of every edit→verdict.
            body: Box::new(move |cx| {
                let (input, expected) = setup();
                let period = Period::begin(cx.profile);
                let output = black_box(work(black_box(input)));
                if let Some(expected) = &expected
                    && output != *expected
                {
                    return wrong_answer(&output, expected);
                }
                drop(output);
                period.end(cx.budget)
            }),
        });
        self
    }

    /// Runs the checks chosen on the command line and exits with libtest's status.
    ///
    /// In a check's own process, started by the grader, runs that one check instead.
    ///
    /// # Panics
    ///
    /// If a budget check has no `[[check]]` in `budgets.toml`, or the file has one that no
    /// check uses.
    pub fn run(self) -> ! {
        if let Ok(check) = std::env::var(protocol::CHECK_ENV) {
            self.run_child(&check)
        }
        for warning in limits::ignored_settings() {
            eprintln!("{warning}\n");
        }
        let grading_changed = crate::grading::warning(&self.crate_dir);
        if let Some(warning) = &grading_changed {
            eprintln!("{warning}\n");
        }
        // A check removed from checks.rs or budgets.toml is a broken exercise, not a reader's
        // `exit`: end with the panic's message and a plain failure, not the exit guard's blame.
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.validate())).is_err() {
            os::finish(101)
        }
        let arguments = match Arguments::parse(std::env::args().skip(1)) {
            Ok(arguments) => arguments,
            Err(error) => {
                eprintln!("error: {error}");
                os::finish(101)
            }
        };
        let exercise = &self;
        let run_dir = run_dir(&self.package);
        let time_limits = TimeLimits::new(limits::check_timeout());
        let (run_dir_ref, limits_ref) = (&run_dir, &time_limits);
        let trials = self
            .checks
            .iter()
            .enumerate()
            .map(|(index, check)| Trial {
                name: check.name.to_string(),
                run: Box::new(move || exercise.grade(index, run_dir_ref, limits_ref)),
            })
            .collect();
        let parallel = limits::parallel_checks(arguments.threads());
        let selected: Vec<String> = self
            .checks
            .iter()
            .map(|check| check.name.to_string())
            .filter(|name| arguments.selects(name))
            .collect();
        if !arguments.lists() {
            save_manifest(&selected);
        }
        os::set_deadline(limits::run_deadline(selected.len(), parallel).as_secs());
        // Blocks that bypass dhat matter most when every budget passes: say so at the end.
        let budgets_ran = self.checks.iter().any(|check| {
            check.name.kind == Kind::Budget && arguments.selects(&check.name.to_string())
        });
        let mut warnings: Vec<String> = source::suspicious_names(&self.crate_dir)
            .into_iter()
            .collect();
        warnings.extend(source::bypass_warning(&self.crate_dir).filter(|_| budgets_ran));
        let notice = || {
            let mut notes = warnings.clone();
            notes.extend(report::runaway_note(
                &time_limits.stopped(),
                time_limits.full(),
                &self.package,
            ));
            (!notes.is_empty()).then(|| notes.join("\n\n"))
        };
        let code = runner::run(&arguments, trials, parallel, &notice);
        let _ = fs::remove_dir_all(&run_dir);
        match grading_changed {
            Some(warning) => {
                eprintln!("\n{warning}");
                os::finish(if code == 0 { 101 } else { code })
            }
            None => os::finish(code),
        }
    }

    fn validate(&self) {
        for check in self.checks.iter().filter(|c| c.name.kind == Kind::Budget) {
            assert!(
                self.budgets.get(&check.name.name).is_some(),
                "{}/budgets.toml has no [[check]] named {:?}",
                self.package,
                check.name.name
            );
        }
        for budget in &self.budgets.checks {
            assert!(
                self.checks
                    .iter()
                    .any(|c| c.name == CheckName::budget(&budget.name)),
                "{}/budgets.toml limits {:?}, but no budget check has that name",
                self.package,
                budget.name
            );
        }
    }

    /// The budget that limits `check`, if it is a budget check.
    fn budget_of(&self, check: &Check) -> Option<&Budget> {
        match check.name.kind {
            Kind::Budget => self.budgets.get(&check.name.name),
            Kind::Correctness => None,
        }
    }

    /// The child side: take the nonce, run one check with the harness's own panic handling,
    /// report, and exit.
    fn run_child(&self, name: &str) -> ! {
        if !os::has_nonce() {
            eprintln!("seek-and-destroy: this process is started by the grader; run `cargo test`");
            os::finish(2)
        }
        let check = self
            .checks
            .iter()
            .find(|check| check.name.to_string() == name)
            .unwrap_or_else(|| panic!("no check named {name}"));
        // The ceiling inside the allocator (for crates that install CheckAlloc) holds on
        // every OS; the address-space limit is a second line where the system enforces it.
        crate::capped::set_ceiling(limits::check_memory_bytes());
        if let Err(error) = os::limit_address_space(limits::check_memory_bytes()) {
            eprintln!("seek-and-destroy: could not cap this check's memory: {error}");
        }
        let profile = std::env::var_os(protocol::PROFILE_ENV)
            .map(PathBuf::from)
            .unwrap_or_default();
        let cx = ChildContext {
            budget: self.budget_of(check),
            profile: &profile,
        };
        let report = self.catching_panics(|| (check.body)(&cx));
        // The secret is unmasked only now, after the reader's code has run.
        protocol::send(&report)
    }

    /// Runs `body`, turning a panic into a report that says where it was raised: in the
    /// check's own file (a wrong answer) or in the reader's code.
    fn catching_panics(&self, body: impl FnOnce() -> Report) -> Report {
        static LAST_PANIC: Mutex<Option<(String, Option<String>)>> = Mutex::new(None);
        panic::set_hook(Box::new(|info| {
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
            let message = payload_text(info.payload());
            *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some((message, location));
        }));
        match panic::catch_unwind(AssertUnwindSafe(body)) {
            Ok(report) => report,
            Err(payload) => {
                // If the reader's code replaced the hook, the place is unknown, and the panic
                // counts as the reader's.
                let recorded = LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
                let (message, location) =
                    recorded.unwrap_or_else(|| (payload_text(payload.as_ref()), None));
                let in_check = location
                    .as_deref()
                    .and_then(|l| l.rsplitn(3, ':').nth(2))
                    .is_some_and(|file| source::is_check_file(file, &self.crate_dir));
                Report::Panicked {
                    message,
                    location,
                    in_check,
                }
            }
        }
    }

    /// The parent side: run check `index` in a process of its own, with this run's files in
    /// `run_dir`, and judge what came back.
    fn grade(&self, index: usize, run_dir: &Path, time_limits: &TimeLimits) -> TrialResult {
        let check = &self.checks[index];
        let stem = check.name.file_stem();
        let traces = Traces::new(run_dir, &stem);
        let nonce = protocol::new_nonce();
        let (ending, time_limit) =
            match run_check(&check.name.to_string(), &traces, &nonce, time_limits) {
                Ok(ended) => ended,
                Err(error) => {
                    return TrialResult::failed(format!(
                        "the grader could not start this check's process: {error}"
                    ));
                }
            };
        let log = fs::read_to_string(&traces.log).unwrap_or_default();
        let _ = fs::remove_file(&traces.log);
        let (received, printed) = protocol::receive(&log, &nonce);
        let budget = self.budget_of(check);
        let (outcome, measurement) = classify(check.name.kind, budget, ending, &received, &printed);
        self.save_verdict(&check.name, &outcome, measurement);
        if outcome == Outcome::Passed {
            let _ = fs::remove_file(&traces.profile);
            let figures = budget
                .zip(measurement.as_ref())
                .map(|(budget, measured)| report::passing_figures(budget, measured));
            return TrialResult::passed(figures.unwrap_or_default() + &printed);
        }
        // The profile leaves this run's folder for one the reader can find again; the last
        // run to save one wins.
        let profile = output_dir(&self.package).join(format!("{stem}.dhat-heap.json"));
        if fs::rename(&traces.profile, &profile).is_err() {
            let _ = fs::remove_file(&profile);
        }
        let context = report::Context {
            package: &self.package,
            crate_dir: &self.crate_dir,
            kind: check.name.kind,
            budget,
            wrong_hint: self.budgets.wrong_hint.as_deref(),
            measurement,
            report: received.report.as_ref(),
            printed: &printed,
            profile: &profile,
            timeout: time_limit,
            full_timeout: time_limits.full(),
            memory_cap_mib: limits::check_memory_bytes() >> 20,
        };
        TrialResult::failed(report::failure(&outcome, &context))
    }

    fn save_verdict(&self, check: &CheckName, outcome: &Outcome, measurement: Option<Measurement>) {
        let Some(dir) = std::env::var_os(VERDICTS_DIR).map(PathBuf::from) else {
            return;
        };
        let verdict = Verdict {
            check: check.to_string(),
            kind: check.kind,
            outcome: outcome.clone(),
            measurement,
        };
        let json = serde_json::to_string_pretty(&verdict).expect("a verdict serialises");
        let written = fs::create_dir_all(&dir)
            .and_then(|()| fs::write(dir.join(format!("{}.json", check.file_stem())), json));
        if let Err(error) = written {
            eprintln!(
                "could not save the verdict of {check} in {}: {error}",
                dir.display()
            );
        }
    }
}

/// A measured period: a fresh dhat profiler, and the time it started.
struct Period {
    _profiler: dhat::Profiler,
    start: Instant,
}

impl Period {
    #[inline(never)]
    fn begin(profile: &Path) -> Period {
        let _profiler = dhat::Profiler::builder()
            .testing()
            .trim_backtraces(Some(BACKTRACE_FRAMES))
            .file_name(profile)
            .build();
        Period {
            _profiler,
            start: Instant::now(),
        }
    }

    /// Reads the figures, saves the profile if they are over `budget`, and ends the period.
    #[inline(never)]
    fn end(self, budget: Option<&Budget>) -> Report {
        let measurement = Measurement::now(self.start);
        if budget.is_some_and(|budget| !budget.is_met_by(&measurement)) {
            // A testing profiler writes its file only when a dhat assertion fails; this is
            // the function behind `dhat::assert!`, minus the panic.
            dhat::check_assert_condition(|| false);
        }
        Report::Finished {
            measurement: Some(measurement),
        }
    }
}

#[inline(never)]
fn wrong_answer(yours: &dyn Debug, expected: &dyn Debug) -> Report {
    let yours_and_expected = crate::answer::yours_and_expected(yours, expected);
    Report::WrongAnswer { yours_and_expected }
}

/// The result of a budget check registered without an answer: always equal.
#[derive(Debug, PartialEq)]
struct Unchecked;

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a panic with a value that is not text)".to_owned())
}

/// The folder of this run's own files, under [`output_dir`]: `run-<pid>/`. Folders of runs
/// whose process is gone are removed first.
fn run_dir(package: &str) -> PathBuf {
    let dir = output_dir(package);
    if let Ok(entries) = fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let pid = name
                .to_str()
                .and_then(|n| n.strip_prefix("run-")?.parse().ok());
            if pid.is_some_and(|pid| !os::process_exists(pid)) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
    let run = dir.join(format!("run-{}", std::process::id()));
    if let Err(error) = fs::create_dir_all(&run) {
        panic!("the grader could not create {}: {error}", run.display());
    }
    run
}

/// When tooling asked for verdicts: the list of the checks this run grades, one per line,
/// written before any runs, so that a missing verdict shows.
fn save_manifest(selected: &[String]) {
    let Some(dir) = std::env::var_os(VERDICTS_DIR).map(PathBuf::from) else {
        return;
    };
    let mut text = selected.join("\n");
    text.push('\n');
    let written =
        fs::create_dir_all(&dir).and_then(|()| fs::write(dir.join(crate::tooling::MANIFEST), text));
    if let Err(error) = written {
        eprintln!("could not list the checks in {}: {error}", dir.display());
    }
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
