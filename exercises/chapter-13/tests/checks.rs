//! The checks of chapter 13: is `incident_reports` right, does it leave nothing behind, and
//! does its memory stay the same however long the batch is?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_13 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use exercise::{CONTEXT, Request, incident_reports};
use seek_and_destroy::{Xorshift, assert_answer};

/// A request for `path` answered with `status`.
fn request(path: &str, status: u16) -> Request {
    Request {
        path: path.to_owned(),
        status,
    }
}

/// The answer, computed the obvious way from the batch itself (this is not measured).
fn expected(requests: &[Request]) -> Vec<String> {
    let mut reports = Vec::new();
    for (i, failed) in requests.iter().enumerate() {
        if failed.status >= 500 {
            let before = &requests[i.saturating_sub(CONTEXT)..i];
            let paths: Vec<&str> = before.iter().map(|r| r.path.as_str()).collect();
            reports.push(format!(
                "{} {} after [{}]",
                failed.status,
                failed.path,
                paths.join(", ")
            ));
        }
    }
    reports
}

/// The paths the generated batches ask for.
const PATHS: [&str; 12] = [
    "/",
    "/login",
    "/logout",
    "/cart",
    "/pay",
    "/search",
    "/item/17",
    "/item/4711",
    "/account/settings",
    "/help",
    "/api/v2/orders",
    "/static/app.js",
];

/// A batch of `len` requests, the same on every run for the same `seed`: random paths, mostly
/// answered 200, with a few 404s, and exactly `failures` server errors at random places (some
/// of them next to each other, some among the first few requests).
fn generated_batch(len: usize, failures: usize, seed: u64) -> Vec<Request> {
    let mut numbers = Xorshift::new(seed);
    let mut next = move || numbers.next_u64();
    let mut batch: Vec<Request> = (0..len)
        .map(|_| {
            let path = PATHS[(next() % PATHS.len() as u64) as usize];
            let status = if next() % 10 == 0 { 404 } else { 200 };
            request(path, status)
        })
        .collect();
    let mut placed = 0;
    while placed < failures {
        // Half of the failures land in the first few requests or right after another one.
        let at = match next() % 4 {
            0 => (next() % 4) as usize,
            1 => batch
                .iter()
                .position(|r| r.status >= 500)
                .map_or(0, |i| i + 1),
            _ => (next() % len as u64) as usize,
        }
        .min(len - 1);
        if batch[at].status < 500 {
            batch[at].status = [500, 502, 503][(next() % 3) as usize];
            placed += 1;
        } else if let Some(free) = batch.iter().position(|r| r.status < 500) {
            batch[free].status = 503;
            placed += 1;
        }
    }
    batch
}

/// The same batch with new content from `content`: every letter and digit of a path replaced
/// by a random letter, and every server error by another status from 500 to 999. Lengths and
/// places stay, so a budget check's figures stay too.
fn with_new_content(mut batch: Vec<Request>, content: &mut Xorshift) -> Vec<Request> {
    for request in &mut batch {
        request.path = request
            .path
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    char::from(b'a' + content.below(26) as u8)
                } else {
                    c
                }
            })
            .collect();
        if request.status >= 500 {
            request.status = 500 + content.below(500) as u16;
        }
    }
    batch
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("an_empty_batch_has_no_reports", || {
            assert_answer!(incident_reports(&[]), Vec::<String>::new());
        })
        .correctness("a_batch_without_server_errors_has_no_reports", || {
            let batch = [request("/", 200), request("/nope", 404), request("/x", 499)];
            assert_answer!(incident_reports(&batch), Vec::<String>::new());
        })
        .correctness("every_status_from_500_up_is_a_failure", || {
            // "500 or more": a service may answer with statuses HTTP never defined.
            let batch = [
                request("/a", 499),
                request("/b", 599),
                request("/c", 600),
                request("/d", 999),
                request("/e", u16::MAX),
            ];
            assert_answer!(
                incident_reports(&batch),
                vec![
                    "599 /b after [/a]".to_owned(),
                    "600 /c after [/a, /b]".to_owned(),
                    "999 /d after [/a, /b, /c]".to_owned(),
                    "65535 /e after [/b, /c, /d]".to_owned(),
                ]
            );
        })
        .correctness("a_failure_quotes_the_three_requests_before_it", || {
            let batch = [
                request("/", 200),
                request("/login", 200),
                request("/cart", 404),
                request("/cart", 200),
                request("/pay", 503),
            ];
            assert_answer!(
                incident_reports(&batch),
                vec!["503 /pay after [/login, /cart, /cart]".to_owned()]
            );
        })
        .correctness("near_the_start_a_failure_quotes_fewer", || {
            let batch = [
                request("/pay", 500),
                request("/cart", 200),
                request("/pay", 502),
            ];
            assert_answer!(
                incident_reports(&batch),
                vec![
                    "500 /pay after []".to_owned(),
                    "502 /pay after [/pay, /cart]".to_owned(),
                ]
            );
        })
        .correctness("a_failure_is_context_for_the_next_one", || {
            let batch = [
                request("/a", 200),
                request("/b", 500),
                request("/c", 501),
                request("/d", 599),
                request("/e", 200),
                request("/f", 200),
                request("/g", 200),
                request("/h", 500),
            ];
            assert_answer!(
                incident_reports(&batch),
                vec![
                    "500 /b after [/a]".to_owned(),
                    "501 /c after [/a, /b]".to_owned(),
                    "599 /d after [/a, /b, /c]".to_owned(),
                    "500 /h after [/e, /f, /g]".to_owned(),
                ]
            );
        })
        .correctness("each_batch_starts_with_no_context", || {
            let first = [request("/a", 200), request("/b", 200)];
            let second = [request("/pay", 503), request("/c", 200), request("/d", 500)];
            assert_answer!(incident_reports(&first), Vec::<String>::new());
            assert_answer!(
                incident_reports(&second),
                vec![
                    "503 /pay after []".to_owned(),
                    "500 /d after [/pay, /c]".to_owned(),
                ],
                "the first batch's requests are not part of the second's context"
            );
            assert_answer!(
                incident_reports(&second),
                expected(&second),
                "the same batch again"
            );
        })
        .correctness("generated_batches", || {
            for (i, len) in [1usize, 2, 3, 4, 5, 10, 100, 1_000].into_iter().enumerate() {
                for failures in [0, 1, len.div_ceil(3), len] {
                    let batch = generated_batch(len, failures, 0x5eed + i as u64);
                    assert_answer!(
                        incident_reports(&batch),
                        expected(&batch),
                        "a batch of {len} requests with {failures} server errors"
                    );
                }
            }
        })
        .budget(
            "leaves_nothing_behind",
            || {
                let batch = generated_batch(2_000, 20, 0xc0ffee);
                let batch = with_new_content(batch, &mut Xorshift::fresh());
                let reports = expected(&batch);
                (batch, reports)
            },
            |batch| incident_reports(&batch),
        )
        .budget(
            "memory_does_not_grow_with_the_batch",
            || {
                let batch = generated_batch(20_000, 20, 0xbadcafe);
                let batch = with_new_content(batch, &mut Xorshift::fresh());
                let reports = expected(&batch);
                (batch, reports)
            },
            |batch| incident_reports(&batch),
        )
        .run();
}
