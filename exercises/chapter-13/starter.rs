//! Chapter 13, no globals. Your exercise: make `incident_reports` fit its budgets.
//!
//! Run `cargo test -p chapter-13`. The checks tell you whether the answers are right, how many
//! bytes your code allocated, and how many it left behind.

use std::sync::Mutex;

/// One request that the service handled: the path it asked for and the status it answered.
#[derive(Clone, Debug)]
pub struct Request {
    /// The path, such as `/cart`.
    pub path: String,
    /// The HTTP status of the answer: 200, 404, 503...
    pub status: u16,
}

/// How many earlier requests an incident report quotes.
pub const CONTEXT: usize = 3;

/// The service's request log: the path of every request it has handled, in order. Incident
/// reports take their context from it.
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Handles a batch of requests in order, and returns one report for each that failed with a
/// server error (a status of 500 or more).
///
/// A report names the status and the path of the failed request, then quotes the paths of
/// the `CONTEXT` requests of the batch handled just before it, oldest first (fewer near the
/// start of the batch): `"503 /pay after [/cart, /login, /cart]"`, or `"500 /pay after []"`
/// for a batch's first request. A failed request counts as handled, so it shows up in the
/// context of a failure that follows it.
pub fn incident_reports(requests: &[Request]) -> Vec<String> {
    let mut log = LOG.lock().unwrap();
    let batch_start = log.len();
    let mut reports = Vec::new();
    for request in requests {
        if request.status >= 500 {
            let from = log.len().saturating_sub(CONTEXT).max(batch_start);
            let context = log[from..].join(", ");
            reports.push(format!(
                "{} {} after [{}]",
                request.status, request.path, context
            ));
        }
        log.push(request.path.clone());
    }
    reports
}
