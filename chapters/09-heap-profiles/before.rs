//! Before: the slow requests of a server log, found by copying every line first and splitting
//! each into a `Vec`.
//!
//! Run it with `cargo run --example ch09-before`. `cargo xtask generate` also draws its heap
//! timeline, `before-slow-requests.svg`.

use std::hint::black_box;

// ANCHOR: alloc
// TimelineAlloc is dhat::Alloc plus a recorder of live bytes for measure_timeline.
#[global_allocator]
static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;
// ANCHOR_END: alloc

// ANCHOR: slow_requests
/// The path of every request that took longer than `threshold_ms`, in log order. Each line
/// of `log` is `METHOD PATH MILLISECONDS`.
fn slow_requests(log: &str, threshold_ms: u32) -> Vec<String> {
    let lines: Vec<String> = log.lines().map(String::from).collect(); // every line, copied
    let mut slow = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split(' ').collect(); // a Vec per line
        let ms: u32 = fields[2].parse().expect("a duration in milliseconds");
        if ms > threshold_ms {
            slow.push(fields[1].to_string()); // kept: the answer
        }
    }
    slow
}
// ANCHOR_END: slow_requests

// ANCHOR: log
/// 1,000 requests, `GET /item/N MS`, the same on every run; one in five takes over 200 ms.
fn generated_log() -> String {
    (0..1000u32)
        .map(|n| format!("GET /item/{n} {}\n", n * 37 % 250))
        .collect()
}
// ANCHOR_END: log

fn main() {
    let log = generated_log(); // built before measuring: not counted
    // ANCHOR: measure
    let (slow, memory) =
        seek_and_destroy::measure_timeline("slow-requests", || slow_requests(black_box(&log), 200));
    println!("slow requests: {}, first: {}", slow.len(), slow[0]);
    println!("{memory}");
    // ANCHOR_END: measure
}
