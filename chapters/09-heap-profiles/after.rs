//! After: the slow requests of a server log, read where the log lies, one field at a time.
//!
//! Run it with `cargo run --example ch09-after`. `cargo xtask generate` also draws its heap
//! timeline, `after-slow-requests.svg`.

use std::hint::black_box;

// TimelineAlloc is dhat::Alloc plus a recorder of live bytes for measure_timeline.
#[global_allocator]
static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;

// ANCHOR: slow_requests
/// The path of every request that took longer than `threshold_ms`, in log order. Each line
/// of `log` is `METHOD PATH MILLISECONDS`.
fn slow_requests(log: &str, threshold_ms: u32) -> Vec<String> {
    let mut slow = Vec::new();
    for line in log.lines() {
        // borrowed from `log`: no copy
        let mut fields = line.split(' ').skip(1); // an iterator: no Vec
        let path = fields.next().expect("a path");
        let ms: u32 = fields
            .next()
            .expect("a duration")
            .parse()
            .expect("a number");
        if ms > threshold_ms {
            slow.push(path.to_string()); // kept: the answer
        }
    }
    slow
}
// ANCHOR_END: slow_requests

/// 1,000 requests, `GET /item/N MS`, the same on every run; one in five takes over 200 ms.
fn generated_log() -> String {
    (0..1000u32)
        .map(|n| format!("GET /item/{n} {}\n", n * 37 % 250))
        .collect()
}

fn main() {
    let log = generated_log(); // built before measuring: not counted
    let (slow, memory) =
        seek_and_destroy::measure_timeline("slow-requests", || slow_requests(black_box(&log), 200));
    println!("slow requests: {}, first: {}", slow.len(), slow[0]);
    println!("{memory}");
}
