//! Starting one check in a process of its own, timing it, and stopping it and everything it
//! started.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::classify::Ending;
use crate::protocol::{CHECK_ENV, PROFILE_ENV};
use crate::tooling::VERDICTS_DIR;

/// Once one check of a run has run out of time, the time each check still running or yet to
/// start gets: the reader's code most likely never returns, and every other check of it
/// would wait the full limit again. A check of a correct solution takes well under this.
pub(crate) const AFTER_A_RUNAWAY: Duration = Duration::from_secs(1);
/// How often a waiting grader looks whether a check's limit has been shortened.
const POLL: Duration = Duration::from_millis(100);

/// Where a check's process leaves its traces: files of this run alone, so that any number of
/// runs of the same chapter can go on side by side.
pub(crate) struct Traces {
    /// Everything the process printed, stdout and stderr together.
    pub log: PathBuf,
    /// dhat's profile, saved when a budget check is over budget.
    pub profile: PathBuf,
}

impl Traces {
    /// The traces of the check whose file stem is `stem`, in the run's own folder `run_dir`.
    pub(crate) fn new(run_dir: &Path, stem: &str) -> Traces {
        Traces {
            log: run_dir.join(format!("{stem}.log")),
            profile: run_dir.join(format!("{stem}.dhat-heap.json")),
        }
    }
}

/// How long the checks of one run may take, and which ones were stopped.
pub(crate) struct TimeLimits {
    full: Duration,
    /// When the first check of the run ran out of time.
    runaway: OnceLock<Instant>,
    /// Every check stopped, with the limit it was given.
    stopped: Mutex<Vec<(String, Duration)>>,
}

impl TimeLimits {
    /// Limits of `full` for every check, until one of them runs past it.
    pub(crate) fn new(full: Duration) -> TimeLimits {
        TimeLimits {
            full,
            runaway: OnceLock::new(),
            stopped: Mutex::new(Vec::new()),
        }
    }

    /// The full limit of one check.
    pub(crate) fn full(&self) -> Duration {
        self.full
    }

    /// When a check started at `started` is to be stopped.
    fn deadline(&self, started: Instant) -> Instant {
        let full = started + self.full;
        match self.runaway.get() {
            Some(&at) => full.min(at.max(started) + AFTER_A_RUNAWAY),
            None => full,
        }
    }

    fn stop(&self, check: &str, limit: Duration) {
        let _ = self.runaway.set(Instant::now());
        let mut stopped = self.stopped.lock().unwrap_or_else(|e| e.into_inner());
        stopped.push((check.to_owned(), limit));
    }

    /// Every check stopped so far, by name, with the limit each was given.
    pub(crate) fn stopped(&self) -> Vec<(String, Duration)> {
        let mut stopped = self
            .stopped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        stopped.sort();
        stopped
    }
}

/// Runs this test binary again as the child that runs `check`, hands it `nonce` on its
/// standard input, and waits for it within `limits`. Then kills the child's whole process
/// group, and every process it left behind that the grader can find.
///
/// Returns how it ended and the time it had: the full limit, or less once another check of
/// the run has run out of time.
pub(crate) fn run_check(
    check: &str,
    traces: &Traces,
    nonce: &str,
    limits: &TimeLimits,
) -> std::io::Result<(Ending, Duration)> {
    for stale in [&traces.log, &traces.profile] {
        let _ = std::fs::remove_file(stale);
    }
    let log = File::create(&traces.log)?;
    let mut command = Command::new(std::env::current_exe()?);
    command
        .env(CHECK_ENV, check)
        .env(PROFILE_ENV, &traces.profile)
        // The verdicts are the parent's to write.
        .env_remove(VERDICTS_DIR)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(log.try_clone()?)
        .stderr(log);
    let mut child = crate::os::spawn_check(&mut command, check)?;
    let handed = child
        .stdin
        .take()
        .map(|mut stdin| writeln!(stdin, "{nonce}"));
    let started = Instant::now();
    let waited = loop {
        let now = Instant::now();
        let deadline = limits.deadline(started);
        if now >= deadline {
            // A grader that was itself stopped wakes late: a check that ended meanwhile ended
            // in its own time.
            match child.try_wait() {
                Ok(Some(status)) => break Ok((Ending::Exited(status), limits.full())),
                _ => {
                    let limit = deadline.saturating_duration_since(started);
                    limits.stop(check, limit);
                    break Ok((Ending::TimedOut, limit));
                }
            }
        }
        match child.wait_timeout((deadline - now).min(POLL)) {
            Ok(Some(status)) => break Ok((Ending::Exited(status), limits.full())),
            Ok(None) => {}
            Err(error) => break Err(error),
        }
    };
    crate::os::kill_check(child.id());
    let _ = child.kill();
    let _ = child.wait();
    crate::os::forget_check(child.id());
    // A child that died before reading its nonce closed the pipe; its ending says why.
    drop(handed);
    waited
}
