//! How long a check may run, how much memory it may take, and how many run at once, so that
//! a whole run stays within a laptop's means.

use std::time::Duration;

/// Optional: seconds a check may run before it is stopped (default 10).
pub const TIMEOUT_SECS: &str = "SEEK_AND_DESTROY_TIMEOUT_SECS";
/// Optional: MiB of address space the whole run may use (default 4096), shared by the checks
/// that run at once.
pub const MEMORY_MIB: &str = "SEEK_AND_DESTROY_MEMORY_MIB";

/// More checks than this never run at once: the grader keeps their process groups in a fixed
/// table, so that a signal handler can kill them all.
pub(crate) const MAX_CHECK_GROUPS: usize = 64;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_RUN_MEMORY_MIB: u64 = 4096;
/// The address space one check may use. A check's process needs a few dozen MiB; an
/// allocation past the cap fails at once, with a message.
const CHECK_MEMORY_MIB: u64 = 1024;
/// Time the run allows each check beyond its own limit: starting the process, reading
/// debug info for the profile.
const SLACK_PER_CHECK: Duration = Duration::from_secs(5);
/// Time the run allows beyond all of its checks.
const SLACK_PER_RUN: Duration = Duration::from_secs(30);

/// How long the process may take to reach the grader's `main`: as long as one check.
pub(crate) fn startup_deadline() -> Duration {
    check_timeout() + SLACK_PER_CHECK
}

/// How long one check may run.
pub(crate) fn check_timeout() -> Duration {
    env_number(TIMEOUT_SECS).map_or(DEFAULT_TIMEOUT, Duration::from_secs)
}

fn run_memory_mib() -> u64 {
    env_number(MEMORY_MIB)
        .filter(|&mib| mib > 0)
        .unwrap_or(DEFAULT_RUN_MEMORY_MIB)
}

/// The address space of one check, in bytes: 1 GiB, or the run's whole share if smaller.
pub(crate) fn check_memory_bytes() -> u64 {
    CHECK_MEMORY_MIB.min(run_memory_mib()) << 20
}

/// How many checks may run at once: what was asked, within the run's memory.
pub(crate) fn parallel_checks(asked: usize) -> usize {
    let fit = usize::try_from(run_memory_mib() / CHECK_MEMORY_MIB).unwrap_or(usize::MAX);
    asked.clamp(1, fit.clamp(1, MAX_CHECK_GROUPS))
}

/// The deadline of a run of `checks` checks, `parallel` at a time: every check at its time
/// limit, in waves, plus slack.
pub(crate) fn run_deadline(checks: usize, parallel: usize) -> Duration {
    let waves = checks.div_ceil(parallel.max(1)) as u32;
    (check_timeout() + SLACK_PER_CHECK) * waves + SLACK_PER_RUN
}

/// A warning for each limit set to a value the grader cannot use, which it ignores for its
/// default: a typo such as `2G` must not go unnoticed in a room that lowered memory on purpose.
pub(crate) fn ignored_settings() -> Vec<String> {
    let mut warnings = Vec::new();
    for (name, unit, default) in [
        (TIMEOUT_SECS, "seconds", DEFAULT_TIMEOUT.as_secs()),
        (MEMORY_MIB, "MiB, more than 0", DEFAULT_RUN_MEMORY_MIB),
    ] {
        let Ok(value) = std::env::var(name) else {
            continue;
        };
        let usable = value
            .trim()
            .parse::<u64>()
            .is_ok_and(|n| n > 0 || name == TIMEOUT_SECS);
        if !usable {
            warnings.push(ignored(name, &value, unit, default));
        }
    }
    warnings
}

/// `warning: SEEK_AND_DESTROY_MEMORY_MIB="2G" is not a whole number (MiB): …`.
fn ignored(name: &str, value: &str, unit: &str, default: u64) -> String {
    format!(
        "warning: {name}={value:?} is not a whole number ({unit}), so it is ignored and the \
         default, {default}, applies. Write it as digits only, such as {name}={default}."
    )
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_checks_in_waves_gets_each_its_time() {
        let waves_of_two = run_deadline(5, 2);
        assert_eq!(
            waves_of_two,
            (check_timeout() + SLACK_PER_CHECK) * 3 + SLACK_PER_RUN
        );
        assert_eq!(run_deadline(0, 4), SLACK_PER_RUN);
    }

    #[test]
    fn an_ignored_setting_says_what_applies_instead() {
        let text = ignored(MEMORY_MIB, "2G", "MiB, more than 0", 4096);
        assert_eq!(
            text,
            "warning: SEEK_AND_DESTROY_MEMORY_MIB=\"2G\" is not a whole number (MiB, more than \
             0), so it is ignored and the default, 4096, applies. Write it as digits only, such \
             as SEEK_AND_DESTROY_MEMORY_MIB=4096."
        );
    }

    #[test]
    fn the_default_run_fits_four_checks_in_four_gib() {
        if std::env::var_os(MEMORY_MIB).is_none() {
            assert_eq!(parallel_checks(16), 4);
            assert_eq!(parallel_checks(2), 2);
            assert_eq!(check_memory_bytes(), 1 << 30);
        }
    }
}
