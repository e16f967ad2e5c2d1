//! How a check's process tells the grader what happened, in a way the code under test cannot
//! forge.
//!
//! The grader makes a random nonce for every check and writes it to the child's standard
//! input. The run's guard reads it with one raw `read` before any constructor of the reader's
//! crate runs, keeps it masked, and points standard input at the null device, so stdin holds
//! nothing by the time the reader's code could look, and the nonce is in no environment
//! variable, file or argument. The harness's last act is one line on standard output, the
//! nonce and then the [`Report`] as JSON, followed at once by `_exit(0)`. The grader believes
//! that line only from a process that exited with status 0, and only if it is the one line
//! that carries the nonce: a second one means that something else wrote it.
//!
//! What no in-process defence stops: code in the check's own process can, with enough effort,
//! read the whole process's memory (`/proc/self/mem`, or `unsafe`), unmask the nonce and write
//! a report of its own, then end the process with status 0. The grader warns when the reader's
//! crate names the means to do so; the workbook guards against mistakes and shortcuts, not a
//! determined attack on the grader.

use serde::{Deserialize, Serialize};

use crate::Measurement;

/// Set in a child process: which check it runs, such as `budget::count_word`.
pub(crate) const CHECK_ENV: &str = "SEEK_AND_DESTROY_CHILD_CHECK";
/// Set in a child process: where dhat saves the profile of a budget check over budget.
pub(crate) const PROFILE_ENV: &str = "SEEK_AND_DESTROY_CHILD_PROFILE";

/// What starts the report line, before the nonce.
const MARK: &str = "seek-and-destroy report ";

/// What the harness in the child says about its check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "ended", rename_all = "snake_case")]
pub(crate) enum Report {
    /// The check ran to its end: a correctness check's assertions held, or a budget check's
    /// answer was right and these are its figures.
    Finished { measurement: Option<Measurement> },
    /// A budget check's measured call returned another answer than the expected one.
    WrongAnswer { yours_and_expected: String },
    /// Something panicked. `in_check` is true when the panic was raised in the check's own
    /// file (an assertion on the answer) rather than in the reader's code.
    Panicked {
        message: String,
        location: Option<String>,
        in_check: bool,
    },
}

/// A fresh secret for one check: 128 bits from the operating system's random source.
pub(crate) fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut bytes));
    if from_os.is_err() {
        // No /dev/urandom (Windows): std's hasher keys come from the OS's random source.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let hasher = std::collections::hash_map::RandomState::new().build_hasher();
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// In the child, last thing: the report line, then the end of the process, with status 0.
pub(crate) fn send(report: &Report) -> ! {
    let json = serde_json::to_string(report).unwrap_or_default();
    let mut nonce = crate::os::take_nonce().unwrap_or_default();
    let mut line = Vec::with_capacity(MARK.len() + nonce.len() + json.len() + 3);
    line.push(b'\n');
    line.extend_from_slice(MARK.as_bytes());
    line.extend_from_slice(&nonce);
    crate::os::wipe(&mut nonce);
    line.push(b' ');
    line.extend_from_slice(json.as_bytes());
    line.push(b'\n');
    crate::os::report_and_leave(line)
}

/// What the grader found in a check's log.
#[derive(Debug, PartialEq)]
pub(crate) struct Received {
    /// The report, if exactly one line carried the nonce and it parsed.
    pub report: Option<Report>,
    /// How many lines carried the nonce: more than one means tampering.
    pub tagged_lines: usize,
}

/// In the grader: the report that carries `nonce`, if the log has one, and the log without
/// it: what the check's code printed.
pub(crate) fn receive(log: &str, nonce: &str) -> (Received, String) {
    let tag = format!("{MARK}{nonce} ");
    let mut report = None;
    let mut tagged_lines = 0;
    let mut printed = Vec::new();
    for line in log.lines() {
        match line.strip_prefix(&tag) {
            Some(json) => {
                tagged_lines += 1;
                report = serde_json::from_str(json).ok();
            }
            None => printed.push(line),
        }
    }
    if tagged_lines > 1 {
        report = None;
    }
    // The harness starts its line with a newline, in case the check's output did not end
    // with one; that blank line is the harness's, not the reader's.
    if report.is_some() && printed.last().is_some_and(|line| line.is_empty()) {
        printed.pop();
    }
    let received = Received {
        report,
        tagged_lines,
    };
    (received, printed.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_fresh_and_long() {
        let (a, b) = (new_nonce(), new_nonce());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn only_the_line_with_the_nonce_is_believed() {
        let real = Report::Finished { measurement: None };
        let json = serde_json::to_string(&real).unwrap();
        let forged = r#"{"ended":"finished","measurement":null}"#;
        let log =
            format!("hello\n{MARK}0000 {forged}\ntest result: ok. 1 passed\n\n{MARK}abcd {json}\n");
        let (received, printed) = receive(&log, "abcd");
        assert_eq!(received.report, Some(real));
        assert_eq!(
            printed,
            format!("hello\n{MARK}0000 {forged}\ntest result: ok. 1 passed")
        );
        assert_eq!(receive(&log, "ffff").0.report, None);
    }

    #[test]
    fn two_lines_with_the_nonce_are_tampering() {
        let json = r#"{"ended":"finished","measurement":null}"#;
        let log = format!("{MARK}abcd {json}\n\n{MARK}abcd {json}\n");
        let (received, _) = receive(&log, "abcd");
        assert_eq!((received.report, received.tagged_lines), (None, 2));
    }
}
