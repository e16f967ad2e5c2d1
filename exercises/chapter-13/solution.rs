// ANCHOR: solution
use std::collections::VecDeque;

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

/// Handles a batch of requests in order, and returns one report for each that failed with a
/// server error (a status of 500 or more). See the starter for the report's format.
pub fn incident_reports(requests: &[Request]) -> Vec<String> {
    // The log is a local now, and it keeps only what a report can quote: the last CONTEXT
    // paths, borrowed from the batch rather than copied. It goes when the function returns.
    let mut recent: VecDeque<&str> = VecDeque::with_capacity(CONTEXT);
    let mut reports = Vec::new();
    for request in requests {
        if request.status >= 500 {
            let context = recent.make_contiguous().join(", ");
            reports.push(format!(
                "{} {} after [{}]",
                request.status, request.path, context
            ));
        }
        if recent.len() == CONTEXT {
            recent.pop_front();
        }
        recent.push_back(&request.path);
    }
    reports
}
// ANCHOR_END: solution
