//! The grader itself, proven against reader crates that do everything wrong: every check of
//! `xtask/fixtures/misbehaving` must end as its name says, and the constructor fixture must
//! neither hang a run nor fake its success.

use std::mem::discriminant;
use std::path::Path;
use std::time::{Duration, Instant};

use seek_and_destroy::tooling::{Figure, Outcome, TIMEOUT_SECS};

use crate::grade::{verdicts_dir, verdicts_of};
use crate::process::cargo_test;

const MISBEHAVING: &str = "misbehaving-reader";
const CONSTRUCTOR: &str = "constructor-reader";
const HOSTILE: &str = "hostile-reader";

/// Every problem found; empty when the grader handled every fixture as it must.
pub(crate) fn grader_survives_misbehaviour(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = misbehaving(root)?;
    problems.extend(constructor(root)?);
    problems.extend(hostile(root)?);
    problems.extend(two_runs_at_once(root)?);
    problems.extend(release_names_sites(root)?);
    problems.extend(nextest_runs_the_checks(root)?);
    Ok(problems)
}

/// Each check and how it must end; `Crashed` is matched on its kind alone.
fn expected_endings() -> Vec<(&'static str, Outcome)> {
    let crashed = Outcome::Crashed { how: String::new() };
    vec![
        ("correctness::passed", Outcome::Passed),
        ("correctness::wrong", Outcome::Wrong),
        ("correctness::panicked", Outcome::Panicked),
        ("correctness::crashed", crashed.clone()),
        ("correctness::stack_overflow", Outcome::StackOverflow),
        // The code under test cannot write its verdict: not through any file or variable it
        // can find, nor with a guessed report line, nor from a panic hook.
        ("correctness::forged_verdict", crashed.clone()),
        ("correctness::panic_hook_exits", crashed.clone()),
        // A time-out kills the process group: checked below by the grandchild's pid.
        ("correctness::spawned_and_hung", Outcome::TimedOut),
        // It passes, but the process it started outside its group must die with it.
        ("correctness::left_its_group", Outcome::Passed),
        // The secret is nowhere in the check's memory as text.
        ("correctness::read_its_own_memory", crashed.clone()),
        ("budget::fits", Outcome::Passed),
        ("budget::panics", Outcome::Panicked),
        ("budget::hangs", Outcome::TimedOut),
        ("budget::huge", Outcome::AllocationFailed),
        (
            "budget::leaks",
            Outcome::OverBudget {
                exceeded: vec![Figure::LiveBytes],
            },
        ),
        // A budget check checks the answer of the call it measures.
        ("budget::cheap_but_wrong", Outcome::Wrong),
        // Invisible to dhat, so it passes: the run must warn.
        ("budget::bypasses_dhat", Outcome::Passed),
        // Its site must be found although dhat cuts its path: checked below.
        (
            "budget::leaks_in_a_nested_module",
            Outcome::OverBudget {
                exceeded: vec![Figure::LiveBytes],
            },
        ),
    ]
}

fn same_ending(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Outcome::Crashed { .. }, Outcome::Crashed { .. }) => true,
        _ => discriminant(a) == discriminant(b) && a == b,
    }
}

fn misbehaving(root: &Path) -> anyhow::Result<Vec<String>> {
    let pid_file = root.join("target/xtask/grandchild.pid");
    let escapee_file = root.join("target/xtask/escapee.pid");
    let _ = std::fs::remove_file(&pid_file);
    let _ = std::fs::remove_file(&escapee_file);
    let mut command = cargo_test(root, MISBEHAVING);
    command
        .env(TIMEOUT_SECS, "2")
        .env("FIXTURE_GRANDCHILD_PID", &pid_file)
        .env("FIXTURE_ESCAPEE_PID", &escapee_file);
    let run = verdicts_of(command, &verdicts_dir(root, MISBEHAVING, "fixture"))?;
    let expected = expected_endings();
    let mut problems = Vec::new();
    let mut problem = |text: String| problems.push(format!("{MISBEHAVING}: {text}"));
    for (check, outcome) in &expected {
        let verdict = run.verdicts.iter().find(|v| v.check == *check);
        if !verdict.is_some_and(|v| same_ending(&v.outcome, outcome)) {
            problem(format!(
                "{check} should end {outcome:?}, but ended {:?}",
                verdict.map(|v| &v.outcome)
            ));
        }
    }
    if run.verdicts.len() != expected.len() {
        problem(format!(
            "{} verdicts were written for {} checks: something else wrote into the verdicts",
            run.verdicts.len(),
            expected.len()
        ));
    }
    let passing = expected
        .iter()
        .filter(|(_, outcome)| *outcome == Outcome::Passed)
        .count();
    let summary = format!(
        "test result: FAILED. {passing} passed; {} failed",
        expected.len() - passing
    );
    if run.passed || !run.printed.contains(&summary) {
        problem(format!(
            "the summary should read `{summary}`:\n{}",
            run.printed
        ));
    }
    let unquoted_fakes = run
        .printed
        .lines()
        .filter(|line| {
            line.starts_with("test result: ok") || line.starts_with("test correctness::faked")
        })
        .count();
    if unquoted_fakes > 0 {
        problem("a line the code under test printed reads as the runner's own".into());
    }
    if !run.printed.contains("bypass dhat") {
        problem("the run does not warn that the crate allocates around dhat".into());
    }
    if !run.printed.contains("in misbehaving_reader::leaks") {
        problem("the leak's site is not named with its crate".into());
    }
    if !run.printed.contains("src/nested/deeper/site.rs:") {
        problem("the site in a nested module is not named".into());
    }
    if !run
        .printed
        .contains("names `process_group`, `/proc/self/mem`")
    {
        problem("the run does not warn about names that attack the grader".into());
    }
    problems.extend(grandchild_survivor(&pid_file));
    problems.extend(grandchild_survivor(&escapee_file));
    if problems.is_empty() {
        println!(
            "{MISBEHAVING}: the grader ended all {} checks as expected: no verdict forged, no \
             process left behind",
            expected.len()
        );
    }
    Ok(problems)
}

/// The process that `spawned_and_hung` started must die with its check.
fn grandchild_survivor(pid_file: &Path) -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let Ok(pid) = std::fs::read_to_string(pid_file) else {
        return Some(format!("{MISBEHAVING}: spawned_and_hung left no pid file"));
    };
    let stat = Path::new("/proc").join(pid.trim()).join("stat");
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        // Gone, or a zombie waiting for init to reap it: dead either way.
        let alive = std::fs::read_to_string(&stat).is_ok_and(|text| {
            !text
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        });
        if !alive {
            return None;
        }
        if Instant::now() > deadline {
            return Some(format!(
                "{MISBEHAVING}: process {} outlived the check that started it",
                pid.trim()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Code that runs before `main` can neither fake a passing run nor hang it (Linux only: the
/// guard rides on a prioritised `.init_array` entry).
fn constructor(root: &Path) -> anyhow::Result<Vec<String>> {
    if !cfg!(target_os = "linux") {
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    for (mode, says) in [
        ("fake", "the process ended before the grader could finish"),
        ("hang", "the run passed its deadline"),
        ("steal", "ended the process in the middle of the check"),
    ] {
        let start = Instant::now();
        let output = cargo_test(root, CONSTRUCTOR)
            .env("FIXTURE_CONSTRUCTOR", mode)
            .env(TIMEOUT_SECS, "2")
            .output()?;
        let printed = crate::process::printed(&output);
        if output.status.success() || !printed.contains(says) {
            problems.push(format!(
                "{CONSTRUCTOR}: a constructor that does `{mode}` should fail the run with \
                 \"{says}\", but the run ended {} after {:.1?}:\n{printed}",
                output.status,
                start.elapsed()
            ));
        }
    }
    if problems.is_empty() {
        println!("{CONSTRUCTOR}: code before main can neither fake a pass nor hang the run");
    }
    Ok(problems)
}

/// Attacks on the grader's own process: each run must fail with its message, in time, and
/// leave the check's process dead (Linux: the fixture's attacks use `/proc` and signals).
fn hostile(root: &Path) -> anyhow::Result<Vec<String>> {
    if !cfg!(target_os = "linux") {
        return Ok(Vec::new());
    }
    let mut problems = Vec::new();
    let pid_file = root.join("target/xtask/hostile.pid");
    for (attack, says) in [
        (
            "kill_grader",
            "the grader's process died while correctness::attack ran",
        ),
        (
            "stop_grader",
            "the grader stopped answering while correctness::attack ran",
        ),
        ("ignore_alarm", "the run passed its deadline"),
    ] {
        let _ = std::fs::remove_file(&pid_file);
        let start = Instant::now();
        let output = cargo_test(root, HOSTILE)
            .env("FIXTURE_ATTACK", attack)
            .env("FIXTURE_PID", &pid_file)
            .env(TIMEOUT_SECS, "2")
            .output()?;
        let took = start.elapsed();
        let printed = crate::process::printed(&output);
        if output.status.success() || !printed.contains(says) || took > Duration::from_secs(20) {
            problems.push(format!(
                "{HOSTILE}: `{attack}` should fail the run with \"{says}\" within 20 s, but it \
                 ended {} after {took:.1?}:\n{printed}",
                output.status
            ));
        }
        if pid_file.exists() {
            problems.extend(grandchild_survivor(&pid_file));
        }
    }
    if problems.is_empty() {
        println!(
            "{HOSTILE}: a check that kills or stops the grader, and a constructor that switches \
             off its alarm, each fail the run and leave nothing running"
        );
    }
    Ok(problems)
}

/// Two runs of the same chapter at once give the verdicts of one run alone.
fn two_runs_at_once(root: &Path) -> anyhow::Result<Vec<String>> {
    let build = cargo_test(root, "chapter-3")
        .args(["--features", "solution", "--no-run"])
        .output()?;
    anyhow::ensure!(build.status.success(), "chapter-3 does not build");
    let run = || {
        let mut command = cargo_test(root, "chapter-3");
        command.args(["--features", "solution"]);
        verdicts_of(command, &verdicts_dir(root, "chapter-3", "at-once"))
    };
    let (first, second) = std::thread::scope(|scope| {
        let first = scope.spawn(run);
        let second = scope.spawn(run);
        (first.join(), second.join())
    });
    let (Ok(first), Ok(second)) = (first, second) else {
        anyhow::bail!("a run of chapter-3 panicked");
    };
    let (first, second) = (first?, second?);
    let outcomes = |run: &crate::grade::Run| -> Vec<(String, Outcome)> {
        run.verdicts
            .iter()
            .map(|v| (v.check.clone(), v.outcome.clone()))
            .collect()
    };
    if first.passed && second.passed && outcomes(&first) == outcomes(&second) {
        println!(
            "chapter-3: two runs at once both pass, with the same {} verdicts",
            first.verdicts.len()
        );
        Ok(Vec::new())
    } else {
        Ok(vec![format!(
            "chapter-3: two runs at once disagree:\n{}\n---\n{}",
            first.printed, second.printed
        )])
    }
}

/// Release builds keep line tables, so a report still names the reader's lines.
fn release_names_sites(root: &Path) -> anyhow::Result<Vec<String>> {
    let output = cargo_test(root, MISBEHAVING)
        .args(["--release", "--", "--exact", "budget::leaks"])
        .output()?;
    let printed = String::from_utf8_lossy(&output.stdout);
    if printed.contains("src/lib.rs:") && printed.contains("in misbehaving_reader::leaks") {
        println!("{MISBEHAVING}: a release build's report names the reader's lines");
        Ok(Vec::new())
    } else {
        Ok(vec![format!(
            "{MISBEHAVING}: the release build's report names no site:\n{printed}"
        )])
    }
}

/// `cargo nextest run` lists and runs an exercise's checks, where nextest is installed.
fn nextest_runs_the_checks(root: &Path) -> anyhow::Result<Vec<String>> {
    let installed = crate::process::cargo(root)
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !installed {
        println!("cargo-nextest is not installed: its run of the checks is skipped");
        return Ok(Vec::new());
    }
    let output = crate::process::cargo(root)
        .args([
            "nextest",
            "run",
            "-p",
            "chapter-1",
            "--features",
            "solution",
        ])
        .output()?;
    let printed = crate::process::printed(&output);
    if output.status.success() && printed.contains("budget::") {
        println!("cargo nextest run -p chapter-1: every check ran and passed");
        Ok(Vec::new())
    } else {
        Ok(vec![format!(
            "cargo nextest run -p chapter-1 failed:\n{printed}"
        )])
    }
}
