//! The checks of chapter 4: does `parse_log` read every request right, and how much heap does
//! the log take?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(feature = "solution"))]
use chapter_4 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::{Request, parse_log};
use seek_and_destroy::{Xorshift, assert_answer};

/// The five methods, in the order of a digest's counts.
const METHODS: [&str; 5] = ["GET", "HEAD", "POST", "PUT", "DELETE"];

/// The largest body the server sends: 1 GiB.
const MAX_BYTES: u64 = 1 << 30;

/// One request as the checks expect to read it back: the reference, built without parsing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Expected {
    method: &'static str,
    status: u32,
    bytes: u64,
    user: Option<u32>,
    cached: bool,
}

impl Expected {
    /// The request's line in the log.
    fn line(&self) -> String {
        let user = self.user.map_or("-".to_string(), |id| id.to_string());
        let cache = if self.cached { "hit" } else { "miss" };
        format!(
            "{} {} {} {user} {cache}",
            self.method, self.status, self.bytes
        )
    }
}

/// What the checks read back from a parsed log, through the accessors alone: the number of
/// requests, the count of each method, the sums of statuses, of bytes and of user ids, the
/// number of anonymous requests, and the number of cache hits.
type Digest = (usize, [usize; 5], u64, u64, u64, usize, usize);

/// The digest of a parsed log. It allocates nothing, so it can run inside the measurement.
fn digest(log: &[Request]) -> Digest {
    let mut methods = [0; 5];
    let (mut statuses, mut bytes, mut users, mut anonymous, mut hits) = (0, 0, 0, 0, 0);
    for request in log {
        if let Some(i) = METHODS.iter().position(|&m| m == request.method()) {
            methods[i] += 1;
        }
        statuses += u64::from(request.status());
        bytes += request.bytes();
        match request.user() {
            Some(id) => users += u64::from(id),
            None => anonymous += 1,
        }
        hits += usize::from(request.cached());
    }
    (log.len(), methods, statuses, bytes, users, anonymous, hits)
}

/// The digest the log's requests should give, computed from the reference.
fn expected_digest(requests: &[Expected]) -> Digest {
    let mut methods = [0; 5];
    for request in requests {
        let i = METHODS.iter().position(|&m| m == request.method).unwrap();
        methods[i] += 1;
    }
    (
        requests.len(),
        methods,
        requests.iter().map(|r| u64::from(r.status)).sum(),
        requests.iter().map(|r| r.bytes).sum(),
        requests.iter().filter_map(|r| r.user).map(u64::from).sum(),
        requests.iter().filter(|r| r.user.is_none()).count(),
        requests.iter().filter(|r| r.cached).count(),
    )
}

/// `count` requests, the same on every run for a given `seed`, with every field over its whole
/// range: all five methods, statuses from 100 to 599, bodies from 0 to 1 GiB, user ids from 1
/// to `u32::MAX`, anonymous requests, hits and misses.
fn generated(count: usize, seed: u64) -> Vec<Expected> {
    let mut numbers = Xorshift::new(seed | 1);
    let mut next = move || numbers.next_u64();
    (0..count)
        .map(|i| {
            let r = next();
            let bytes = match i % 50 {
                0 => 0,
                1 => MAX_BYTES,
                // spread over every magnitude, from a few bytes to 1 GiB
                _ => (next() % (MAX_BYTES + 1)) >> (next() % 30),
            };
            let user = match r % 8 {
                0 | 1 => None,
                2 => Some(u32::MAX - (r >> 40) as u32 % 3),
                3 => Some(1 + (r >> 40) as u32 % 3),
                _ => Some((next() as u32).max(1)),
            };
            Expected {
                method: METHODS[(r >> 8) as usize % 5],
                status: 100 + (r >> 16) as u32 % 500,
                bytes,
                user,
                cached: (r >> 24) % 3 == 0,
            }
        })
        .collect()
}

/// The log's text: one line per request, each ending with a newline.
fn text_of(requests: &[Expected]) -> String {
    requests.iter().map(|r| r.line() + "\n").collect()
}

/// Checks every field of every request read back from `text` against `expected`.
fn assert_reads_back(text: &str, expected: &[Expected]) {
    let log = parse_log(text);
    assert_answer!(log.len(), expected.len(), "requests read from the log");
    for (i, (request, expected)) in log.iter().zip(expected).enumerate() {
        let line = expected.line();
        assert_answer!(
            request.method(),
            expected.method,
            "method of line {i}: {line}"
        );
        assert_answer!(
            request.status(),
            expected.status,
            "status of line {i}: {line}"
        );
        assert_answer!(request.bytes(), expected.bytes, "bytes of line {i}: {line}");
        assert_answer!(request.user(), expected.user, "user of line {i}: {line}");
        assert_answer!(
            request.cached(),
            expected.cached,
            "cache of line {i}: {line}"
        );
    }
}

/// A budget check's input and the digest its measured call must give.
fn setup(count: usize, seed: u64) -> (String, Digest) {
    let requests = generated(count, seed);
    (text_of(&requests), expected_digest(&requests))
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("one_line", || {
            let log = parse_log("GET 200 5120 42 hit\n");
            assert_answer!(log.len(), 1);
            assert_answer!(log[0].method(), "GET");
            assert_answer!(log[0].status(), 200);
            assert_answer!(log[0].bytes(), 5120);
            assert_answer!(log[0].user(), Some(42));
            assert_answer!(log[0].cached(), true);
        })
        .correctness("every_method", || {
            let text = "GET 200 1 1 hit\nHEAD 200 0 2 miss\nPOST 201 2 3 miss\n\
                        PUT 204 0 4 miss\nDELETE 404 9 5 hit\n";
            let log = parse_log(text);
            let methods: Vec<&str> = log.iter().map(Request::method).collect();
            assert_answer!(methods, METHODS);
        })
        .correctness("the_extremes_of_each_field", || {
            let expected = [
                Expected {
                    method: "DELETE",
                    status: 599,
                    bytes: MAX_BYTES,
                    user: Some(u32::MAX),
                    cached: false,
                },
                Expected {
                    method: "HEAD",
                    status: 100,
                    bytes: 0,
                    user: Some(1),
                    cached: true,
                },
                Expected {
                    method: "POST",
                    status: 503,
                    bytes: 0,
                    user: None,
                    cached: false,
                },
            ];
            assert_reads_back(&text_of(&expected), &expected);
        })
        .correctness("an_empty_log", || {
            assert_answer!(parse_log("").len(), 0);
        })
        .correctness("a_last_line_without_newline", || {
            let log = parse_log("GET 200 10 - miss\nPUT 201 20 7 hit");
            assert_answer!(log.len(), 2);
            assert_answer!(log[1].method(), "PUT");
            assert_answer!(log[1].user(), Some(7));
        })
        .correctness("generated_logs", || {
            for (count, seed) in [(1, 7), (10, 11), (500, 0x5eed), (3_000, 0xab1e)] {
                let expected = generated(count, seed);
                assert_reads_back(&text_of(&expected), &expected);
            }
        })
        .budget(
            "parse_log_blocks",
            // unmeasured: the log's text, and the digest its requests must give
            || setup(2_000, 0x0b10c5),
            // measured: parse it, read every request back, drop the log
            |text| digest(&parse_log(&text)),
        )
        .budget(
            "parse_log_bytes",
            || setup(5_000, 0xb17e5),
            |text| digest(&parse_log(&text)),
        )
        .run();
}
