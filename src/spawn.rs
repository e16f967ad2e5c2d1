//! Starting one check in a process of its own, and stopping it and everything it started.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::classify::Ending;
use crate::protocol::{CHECK_ENV, PROFILE_ENV};
use crate::tooling::VERDICTS_DIR;

/// Where a check's process leaves its traces, all under `target/seek-and-destroy/<package>/`.
pub(crate) struct Traces {
    /// Everything the process printed, stdout and stderr together.
    pub log: PathBuf,
    /// dhat's profile, saved when a budget check is over budget.
    pub profile: PathBuf,
}

impl Traces {
    /// The traces of the check whose file stem is `stem`, in `dir`.
    pub(crate) fn new(dir: &Path, stem: &str) -> Traces {
        Traces {
            log: dir.join(format!("{stem}.log")),
            profile: dir.join(format!("{stem}.dhat-heap.json")),
        }
    }
}

/// Runs this test binary again as the child that runs `check`, hands it `nonce` on its
/// standard input, and waits at most `timeout`. Then kills the child's whole process group,
/// so nothing it started outlives the check.
pub(crate) fn run_check(
    check: &str,
    traces: &Traces,
    nonce: &str,
    timeout: Duration,
) -> std::io::Result<Ending> {
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
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn()?;
    // With process_group(0), the group's id is the child's pid.
    crate::os::track_check(child.id());
    let handed = child
        .stdin
        .take()
        .map(|mut stdin| writeln!(stdin, "{nonce}"));
    let ending = match child.wait_timeout(timeout) {
        Ok(Some(status)) => Ok(Ending::Exited(status)),
        Ok(None) => Ok(Ending::TimedOut),
        Err(error) => Err(error),
    };
    crate::os::kill_check(child.id());
    let _ = child.kill();
    let _ = child.wait();
    // A child that died before reading its nonce closed the pipe; its ending says why.
    drop(handed);
    ending
}
