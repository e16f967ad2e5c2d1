//! What the optimiser does to a measurement, and how to time honestly. The allocation
//! figures come from dhat; the times from the same release build, with and without it.
//!
//! Run it with `cargo run --release --example ch10-release`.

// xtask: run in release

use std::hint::black_box;
use std::time::{Duration, Instant};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// How many times the timed work runs; the listing prints the fastest run.
const RUNS: u32 = 100;

// ANCHOR: removed
/// A buffer that nothing reads but its length.
fn scratch_len() -> usize {
    let buffer = vec![0u8; 1024];
    buffer.len()
}
// ANCHOR_END: removed

// ANCHOR: timing
/// The fastest of `RUNS` runs of `work`, timed with no profiler running.
fn fastest<T>(mut work: impl FnMut() -> T) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// 1,000 short strings, kept: 1,000 allocations and more for the `Vec`.
fn names() -> Vec<String> {
    (0..1_000).map(|i| format!("user-{i}")).collect()
}
// ANCHOR_END: timing

fn main() {
    if cfg!(debug_assertions) {
        println!("unoptimised build: run it with `cargo run --release --example ch10-release`");
        return;
    }
    // ANCHOR: main
    let (_, memory) = measure_memory(scratch_len);
    println!("scratch_len, as written:\n{memory}");
    let (_, memory) = measure_memory(|| black_box(vec![0u8; black_box(1024)]).len());
    println!("scratch_len, through black_box:\n{memory}");

    let (_, memory) = measure_memory(names);
    println!("names, one run under dhat:\n{memory}");
    let alone = fastest(names);
    println!("names, fastest of {RUNS} runs without a profiler:\ntime: {alone:.1?}");
    // ANCHOR_END: main
}
