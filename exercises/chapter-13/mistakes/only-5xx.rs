// mistake: took a server error to be a status from 500 to 599, though the spec says 500 or more
// expect: correctness::every_status_from_500_up_is_a_failure wrong
// expect: budget::leaves_nothing_behind wrong
// expect: budget::memory_does_not_grow_with_the_batch wrong
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
        if (500..600).contains(&request.status) {
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
