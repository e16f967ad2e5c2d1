//! What recording a timeline costs: the before listing's work, measured 21 times with
//! `measure_memory` and 21 times with `measure_timeline`, in a release build.
//!
//! Run it with `cargo run --release --example ch09-recorder`.

// xtask: run in release

use std::hint::black_box;
use std::time::Duration;

use seek_and_destroy::{
    Measurement, TimelineAlloc, last_timeline, measure_memory, measure_timeline,
};

#[global_allocator]
static ALLOC: TimelineAlloc = TimelineAlloc;

/// The before listing's function.
fn slow_requests(log: &str, threshold_ms: u32) -> Vec<String> {
    let lines: Vec<String> = log.lines().map(String::from).collect();
    let mut slow = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split(' ').collect();
        let ms: u32 = fields[2].parse().expect("a duration in milliseconds");
        if ms > threshold_ms {
            slow.push(fields[1].to_string());
        }
    }
    slow
}

/// How many times each variant runs; the line shows the median. The two alternate, so that
/// a busy moment of the machine slows both alike.
const RUNS: usize = 51;

/// The figures of one run (the same on every run), with the median time.
fn median(mut runs: Vec<Measurement>) -> Measurement {
    runs.sort_by_key(|m| m.elapsed);
    let median = runs[RUNS / 2];
    assert!(runs.iter().all(|m| Measurement {
        elapsed: median.elapsed,
        ..*m
    } == median));
    median
}

fn main() {
    let log: String = (0..1000u32)
        .map(|n| format!("GET /item/{n} {}\n", n * 37 % 250))
        .collect();
    // ANCHOR: cost
    let (mut plain, mut recorded) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        plain.push(measure_memory(|| slow_requests(black_box(&log), 200)).1);
        recorded.push(measure_timeline("cost", || slow_requests(black_box(&log), 200)).1);
    }
    let (plain, recorded) = (median(plain), median(recorded));
    let events = last_timeline().events; // alloc, realloc and dealloc calls
    println!("measure_memory:   {plain}");
    println!("measure_timeline: {recorded}");
    let without_time = |m: Measurement| Measurement {
        elapsed: Duration::ZERO,
        ..m
    };
    println!(
        "same figures: {}",
        without_time(plain) == without_time(recorded)
    );
    println!("{events} events");
    let per_event = |m: Measurement| m.elapsed.div_f64(events as f64);
    println!("measure_memory, per event | time: {:.2?}", per_event(plain));
    println!(
        "measure_timeline, per event | time: {:.2?}",
        per_event(recorded)
    );
    // ANCHOR_END: cost
}
