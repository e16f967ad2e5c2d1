//! The operating-system calls the grader needs: a memory cap for a check, process groups it
//! can kill whole, and a deadline and exit guard for the run itself.
//!
//! This is the crate's only `unsafe` code. Every call is a plain libc function on values this
//! module owns; the signal and exit handlers call only async-signal-safe functions (`write`,
//! `kill`, `_exit`) and read only atomics.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::limits::MAX_CHECK_GROUPS;

/// Set once the grader itself is about to end the process; an exit before that is not ours.
static FINISHED: AtomicBool = AtomicBool::new(false);

/// The process groups of running checks, so that a deadline or Ctrl-C can kill them all.
static CHECK_GROUPS: [AtomicI32; MAX_CHECK_GROUPS] =
    [const { AtomicI32::new(0) }; MAX_CHECK_GROUPS];

const EXITED_EARLY: &[u8] =
    b"\nseek-and-destroy: the process ended before the grader could finish, so no \
check can count as passed. Unless a panic is shown above, look for a call to \
std::process::exit, or for code that runs before main (a constructor) in your crate.\n";
const PAST_DEADLINE: &[u8] =
    b"\nseek-and-destroy: the run passed its deadline and was stopped. A check that \
never ends is stopped on its own; this means something else hung: code that runs before main \
(a constructor) in your crate, or a thread it started. Every check process was killed.\n";

/// Installs the run's guards; `exercise!` runs it before `main`, ahead of the reader's own
/// constructors (on Linux, through a prioritised `.init_array` entry).
///
/// - an exit handler: a process that ends through `exit` before the grader says it is done
///   ends with status 101 and a message instead, so code that prints a fake summary and exits
///   with 0 cannot pass;
/// - a deadline, whose signal kills every check process and ends the run with a message:
///   until `main` sets the run's own, the time one check may take, so that code that runs
///   before `main` (a constructor in the reader's crate) cannot hang the run;
/// - Ctrl-C and `kill` kill every check process too.
#[doc(hidden)]
pub extern "C" fn guard_run() {
    #[cfg(unix)]
    // SAFETY: registering handlers and an alarm; the handlers only touch atomics and call
    // async-signal-safe functions.
    unsafe {
        libc::atexit(on_exit);
        let deadline: extern "C" fn(libc::c_int) = on_deadline;
        let interrupted: extern "C" fn(libc::c_int) = on_interrupt;
        libc::signal(libc::SIGALRM, deadline as libc::sighandler_t);
        libc::signal(libc::SIGINT, interrupted as libc::sighandler_t);
        libc::signal(libc::SIGTERM, interrupted as libc::sighandler_t);
    }
    set_deadline(crate::limits::startup_deadline().as_secs());
}

/// Replaces the run's deadline: `seconds` from now, or none for 0.
pub(crate) fn set_deadline(seconds: u64) {
    #[cfg(unix)]
    // SAFETY: alarm takes a plain number and has no preconditions.
    unsafe {
        libc::alarm(u32::try_from(seconds).unwrap_or(u32::MAX));
    }
    #[cfg(not(unix))]
    let _ = seconds;
}

/// Ends the process with `code`, as the grader's own last word.
pub(crate) fn finish(code: i32) -> ! {
    FINISHED.store(true, Ordering::SeqCst);
    std::process::exit(code)
}

/// Caps the address space of this process at `bytes`, so that a huge allocation fails with a
/// message instead of pushing the machine into swap.
pub(crate) fn limit_address_space(bytes: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let limit = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit reads a valid, initialised struct and touches nothing else.
        if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    #[cfg(not(unix))]
    let _ = bytes;
    Ok(())
}

/// Remembers the process group of a running check, for [`kill_all_checks`].
pub(crate) fn track_check(group: u32) {
    let Ok(group) = i32::try_from(group) else {
        return;
    };
    for slot in &CHECK_GROUPS {
        if slot
            .compare_exchange(0, group, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

/// Kills every process of a check's group, the check and whatever it started, and forgets it.
pub(crate) fn kill_check(group: u32) {
    let Ok(group) = i32::try_from(group) else {
        return;
    };
    for slot in &CHECK_GROUPS {
        let _ = slot.compare_exchange(group, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
    kill_group(group);
}

fn kill_all_checks() {
    for slot in &CHECK_GROUPS {
        let group = slot.swap(0, Ordering::SeqCst);
        if group > 0 {
            kill_group(group);
        }
    }
}

fn kill_group(group: i32) {
    #[cfg(unix)]
    // SAFETY: kill takes plain numbers; a group that is already gone gives ESRCH, ignored.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
    #[cfg(not(unix))]
    let _ = group;
}

#[cfg(unix)]
fn say_and_leave(message: &[u8], code: i32) -> ! {
    kill_all_checks();
    // SAFETY: write and _exit are async-signal-safe; the buffer is a static byte string.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(code)
    }
}

#[cfg(unix)]
extern "C" fn on_exit() {
    if !FINISHED.load(Ordering::SeqCst) {
        say_and_leave(EXITED_EARLY, 101);
    }
}

#[cfg(unix)]
extern "C" fn on_deadline(_signal: libc::c_int) {
    say_and_leave(PAST_DEADLINE, 101);
}

#[cfg(unix)]
extern "C" fn on_interrupt(signal: libc::c_int) {
    say_and_leave(b"\n", 128 + signal);
}

/// What [`EXITED_EARLY`] starts with, for telling that ending apart in a check's log.
pub(crate) const EXITED_EARLY_MARK: &str = "seek-and-destroy: the process ended before the grader";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_the_message_s_start() {
        let message = String::from_utf8_lossy(EXITED_EARLY);
        assert!(message.trim_start().starts_with(EXITED_EARLY_MARK));
    }
}
