//! The reference solution of chapter 4: the same accessors, over a 12-byte record.

// ANCHOR: solution
use std::num::NonZeroU32;

/// One request served by a web server: one line of its access log, in 12 bytes.
pub struct Request {
    method: Method,           // 1 byte: one of five, where a String took 24 and a block
    cached: bool,             // 1 byte
    status: u16,              // 2 bytes: 100 to 599 needs 10 bits
    bytes: u32,               // 4 bytes: at most 1 GiB, under u32::MAX
    user: Option<NonZeroU32>, // 4 bytes: ids start at 1, so 0 is free to mean None
}

/// The five methods the server logs.
enum Method {
    Get,
    Head,
    Post,
    Put,
    Delete,
}

impl Request {
    /// The HTTP method: `"GET"`, `"HEAD"`, `"POST"`, `"PUT"` or `"DELETE"`.
    pub fn method(&self) -> &str {
        match self.method {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// The HTTP status code, from 100 to 599.
    pub fn status(&self) -> u32 {
        self.status.into()
    }

    /// The size of the response body in bytes, at most 1 GiB.
    pub fn bytes(&self) -> u64 {
        self.bytes.into()
    }

    /// The id of the signed-in user who made the request, or `None` for an anonymous one.
    pub fn user(&self) -> Option<u32> {
        self.user.map(NonZeroU32::get)
    }

    /// Whether the response came from the server's cache.
    pub fn cached(&self) -> bool {
        self.cached
    }

    /// Reads one line of the log, as in `GET 200 5120 42 hit`.
    fn parse(line: &str) -> Request {
        let mut fields = line.split(' ');
        let mut next = || fields.next().expect("a log line has five fields");
        let method = match next() {
            "GET" => Method::Get,
            "HEAD" => Method::Head,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "DELETE" => Method::Delete,
            other => panic!("unknown method {other:?}"),
        };
        let status = next().parse().expect("the status fits a u16");
        let bytes = next().parse().expect("the size fits a u32");
        let user = match next() {
            "-" => None,
            id => Some(id.parse().expect("a user id is a number from 1")),
        };
        let cached = next() == "hit";
        Request {
            method,
            cached,
            status,
            bytes,
            user,
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
// ANCHOR_END: solution
