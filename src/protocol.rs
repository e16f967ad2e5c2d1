//! How a check's process tells the grader what happened, in a way the code under test cannot
//! forge.
//!
//! The grader makes a random nonce for every check and writes it to the child's standard
//! input. The child's harness reads it before any of the check's code runs, so stdin is empty
//! by the time the reader's code could look, and the nonce is in no environment variable, file
//! or argument. The harness's last act is one line on standard output, the nonce and then the
//! [`Report`] as JSON. The grader believes only that line: a process that ends without it,
//! whatever it printed or however it exited, did not finish its check.

use std::io::{BufRead as _, Write as _};

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

/// In the child, first thing: the nonce the grader wrote to standard input.
pub(crate) fn receive_nonce() -> Option<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    let nonce = line.trim();
    (!nonce.is_empty()).then(|| nonce.to_owned())
}

/// In the child, last thing: the report line.
pub(crate) fn send(nonce: &str, report: &Report) -> std::io::Result<()> {
    let json = serde_json::to_string(report).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{MARK}{nonce} {json}")?;
    out.flush()
}

/// In the grader: the report that carries `nonce`, if the log has one, and the log without
/// it: what the check's code printed.
pub(crate) fn receive(log: &str, nonce: &str) -> (Option<Report>, String) {
    let tag = format!("{MARK}{nonce} ");
    let mut report = None;
    let mut printed = Vec::new();
    for line in log.lines() {
        match line.strip_prefix(&tag) {
            Some(json) if report.is_none() => report = serde_json::from_str(json).ok(),
            _ => printed.push(line),
        }
    }
    // The harness starts its line with a newline, in case the check's output did not end
    // with one; that blank line is the harness's, not the reader's.
    if report.is_some() && printed.last().is_some_and(|line| line.is_empty()) {
        printed.pop();
    }
    (report, printed.join("\n"))
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
        let (report, printed) = receive(&log, "abcd");
        assert_eq!(report, Some(real));
        assert_eq!(
            printed,
            format!("hello\n{MARK}0000 {forged}\ntest result: ok. 1 passed")
        );
        assert_eq!(receive(&log, "ffff").0, None);
    }
}
