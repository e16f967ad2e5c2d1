//! Chapter 4, anatomy of an object. Your exercise: make `parse_log` fit its budget.
//!
//! Run `cargo test -p chapter-4`. The checks tell you whether the answer is right and how many
//! heap blocks and bytes your code allocated while computing it.
//!
//! The checks read every request through `parse_log` and the five accessors of `Request`.
//! Keep their names and what they return; the fields of `Request` are yours to change.

/// One request served by a web server: one line of its access log.
pub struct Request {
    method: String,
    status: u32,
    bytes: u64,
    user: Option<u32>,
    cached: bool,
}

impl Request {
    /// The HTTP method: `"GET"`, `"HEAD"`, `"POST"`, `"PUT"` or `"DELETE"`.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The HTTP status code, from 100 to 599.
    pub fn status(&self) -> u32 {
        self.status
    }

    /// The size of the response body in bytes. The server never sends more than 1 GiB
    /// (1,073,741,824 bytes) in one response.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The id of the signed-in user who made the request, or `None` for an anonymous one.
    /// User ids start at 1 and may be as large as `u32::MAX`.
    pub fn user(&self) -> Option<u32> {
        self.user
    }

    /// Whether the response came from the server's cache.
    pub fn cached(&self) -> bool {
        self.cached
    }

    /// Reads one line of the log: method, status, bytes, user (`-` for none) and `hit` or
    /// `miss`, separated by single spaces, as in `GET 200 5120 42 hit`.
    fn parse(line: &str) -> Request {
        let mut fields = line.split(' ');
        let mut next = || fields.next().expect("a log line has five fields");
        let method = next().to_string();
        let status = next().parse().expect("the status is a number");
        let bytes = next().parse().expect("the size is a number");
        let user = match next() {
            "-" => None,
            id => Some(id.parse().expect("a user id is a number")),
        };
        let cached = next() == "hit";
        Request {
            method,
            status,
            bytes,
            user,
            cached,
        }
    }
}

/// Reads a whole log, one request per line, into a `Vec` sized once for all of its lines.
pub fn parse_log(text: &str) -> Vec<Request> {
    let mut log = Vec::with_capacity(text.lines().count());
    for line in text.lines() {
        log.push(Request::parse(line));
    }
    log
}
