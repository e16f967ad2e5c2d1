//! The run's watchdog: a second process that holds the run's deadline and the list of running
//! checks, so that nothing one call in the grader's process can do (ignoring `SIGALRM`, being
//! stopped with `SIGSTOP`, being killed) leaves checks running with no timer.
//!
//! The grader starts it before `main` (from the run's guard) as the test binary again, with
//! [`WATCHDOG_ENV`] set; there the guard serves as the watchdog and never returns, so no code
//! of the reader's runs in it. The grader tells it, one line at a time on its standard input,
//! the run's deadline and each check's start and end. The watchdog ends everything when:
//!
//! - the run's deadline passes (the grader's own alarm may have been switched off);
//! - a check runs well past its own time limit without the grader saying it ended (the
//!   grader is frozen);
//! - its standard input closes before the grader said it was done (the grader died): it
//!   kills every check still running, and names them.
//!
//! The grader, in turn, fails the run if the watchdog is gone.

use std::io::{BufRead as _, Write as _};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::limits;
use crate::os::{self, WATCHDOG_ENV};

/// Time a check may run past its own limit before the watchdog decides the grader is stuck:
/// the grader kills it at the limit, then only waits for it and reaps.
const GRACE: Duration = Duration::from_secs(5);

struct Watchdog {
    pid: u32,
    stdin: ChildStdin,
    _child: std::process::Child,
}

static WATCHDOG: Mutex<Option<Watchdog>> = Mutex::new(None);

/// Starts the watchdog for this grader's process. Where it cannot start, the run goes on
/// with its in-process guards alone.
pub(crate) fn start() {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut command = Command::new(exe);
    command
        .env(WATCHDOG_ENV, std::process::id().to_string())
        .env_remove(crate::protocol::CHECK_ENV)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    // Its own group: Ctrl-C in a terminal reaches the grader, which ends the run; the watchdog
    // then sees its input close.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let Ok(mut child) = command.spawn() else {
        return;
    };
    let Some(stdin) = child.stdin.take() else {
        return;
    };
    *WATCHDOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(Watchdog {
        pid: child.id(),
        stdin,
        _child: child,
    });
}

/// The watchdog's process id, if it runs.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub(crate) fn pid() -> Option<i32> {
    let watchdog = WATCHDOG.lock().unwrap_or_else(|e| e.into_inner());
    watchdog.as_ref().and_then(|w| i32::try_from(w.pid).ok())
}

/// Tells the watchdog one line. If it is gone, something killed it: the run cannot be
/// trusted, and ends.
pub(crate) fn tell(line: &str) {
    let mut watchdog = WATCHDOG.lock().unwrap_or_else(|e| e.into_inner());
    let Some(dog) = watchdog.as_mut() else {
        return;
    };
    let sent = writeln!(dog.stdin, "{line}").and_then(|()| dog.stdin.flush());
    if sent.is_err() {
        drop(watchdog);
        os::abandon_run(
            "\nseek-and-destroy: the run's watchdog process was killed, so no check can count \
             as passed. Code in your crate must have done it: look for calls that kill or stop \
             processes.\n",
        );
    }
}

/// One running check, as the watchdog knows it.
struct Running {
    group: i32,
    name: String,
    started: Instant,
}

/// The watchdog's whole life: serve until the grader is done or gone.
pub(crate) fn serve(grader: i32) -> ! {
    let check_limit = limits::check_timeout() + GRACE;
    let (lines, received) = mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if lines.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = lines.send(None);
    });
    let mut run_deadline = Some(Instant::now() + limits::startup_deadline());
    let mut running: Vec<Running> = Vec::new();
    let mut done = false;
    loop {
        let now = Instant::now();
        let next = running
            .iter()
            .map(|check| check.started + check_limit)
            .chain(run_deadline)
            .min();
        let message = match next {
            Some(at) => received.recv_timeout(at.saturating_duration_since(now)),
            None => received.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match message {
            Ok(Some(line)) => {
                let mut words = line.splitn(3, ' ');
                match (words.next(), words.next(), words.next()) {
                    (Some("deadline"), Some(seconds), _) => {
                        let seconds: u64 = seconds.parse().unwrap_or(0);
                        run_deadline =
                            (seconds > 0).then(|| Instant::now() + Duration::from_secs(seconds));
                    }
                    (Some("start"), Some(group), name) => {
                        if let Ok(group) = group.parse() {
                            running.push(Running {
                                group,
                                name: name.unwrap_or("a check").to_owned(),
                                started: Instant::now(),
                            });
                        }
                    }
                    (Some("end"), Some(group), _) => {
                        let group: i32 = group.parse().unwrap_or(0);
                        running.retain(|check| check.group != group);
                    }
                    (Some("done"), _, _) => done = true,
                    _ => {}
                }
            }
            Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                if !done && !running.is_empty() {
                    os::say(
                        format!(
                            "\nseek-and-destroy: the grader's process died while {} ran, so \
                             no check can count as passed; the watchdog killed every check \
                             still running. A check that kills its parent process does this.\n",
                            names(&running)
                        )
                        .as_bytes(),
                    );
                }
                end_all(&running, None)
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                if run_deadline.is_some_and(|at| at <= now) {
                    os::say(os::past_deadline_message());
                    end_all(&running, Some(grader));
                }
                if running
                    .iter()
                    .any(|check| check.started + check_limit <= now)
                {
                    os::say(
                        format!(
                            "\nseek-and-destroy: the grader stopped answering while {} ran \
                             (a check may have stopped it with SIGSTOP), so the watchdog \
                             ended the run and killed every check process.\n",
                            names(&running)
                        )
                        .as_bytes(),
                    );
                    end_all(&running, Some(grader));
                }
            }
        }
    }
}

fn names(running: &[Running]) -> String {
    running
        .iter()
        .map(|check| check.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Kills every running check's group and, if given, the grader; then leaves.
fn end_all(running: &[Running], grader: Option<i32>) -> ! {
    for check in running {
        os::kill_group(check.group);
    }
    if let Some(grader) = grader.filter(|&pid| pid > 0) {
        os::kill_process(grader);
    }
    std::process::exit(0)
}
