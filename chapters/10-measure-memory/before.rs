//! Before: a first helper, built on one profiler that runs for the whole program, as dhat's
//! own guide starts one at the top of `main`. It reports the difference between two readings.
//!
//! Run it with `cargo run --example ch10-before`.

use std::hint::black_box;
use std::time::Instant;

use dhat::HeapStats;
use seek_and_destroy::Measurement;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: helper
/// Runs `work` and reports what it allocated: the difference between two readings of the
/// profiler that is already running.
fn measure<T>(work: impl FnOnce() -> T) -> (T, Measurement) {
    let before = HeapStats::get();
    let start = Instant::now();
    let result = black_box(work());
    let elapsed = start.elapsed();
    let after = HeapStats::get();
    let memory = Measurement {
        total_blocks: after.total_blocks - before.total_blocks,
        total_bytes: after.total_bytes - before.total_bytes,
        peak_blocks: (after.max_blocks - before.max_blocks) as u64, // the trap: see the page
        peak_bytes: (after.max_bytes - before.max_bytes) as u64,
        live_blocks: (after.curr_blocks - before.curr_blocks) as u64,
        live_bytes: (after.curr_bytes - before.curr_bytes) as u64,
        elapsed,
    };
    (result, memory)
}
// ANCHOR_END: helper

// ANCHOR: work
/// The program's input: 10,000 numbers, read from a text, as a program loads a file.
fn load() -> Vec<u64> {
    let text: String = (0..10_000u64)
        .map(|i| format!("{}\n", i * 7_919 % 10_007))
        .collect();
    text.lines().map(|line| line.parse().unwrap()).collect()
}

/// How many different numbers there are: sort a copy, and count the runs.
fn distinct(numbers: &[u64]) -> usize {
    let mut sorted = numbers.to_vec(); // one block of 80,000 bytes
    sorted.sort_unstable(); // sorts in place: no block
    sorted.dedup();
    sorted.len()
}
// ANCHOR_END: work

fn main() {
    // ANCHOR: main
    let _profiler = dhat::Profiler::builder().testing().build(); // for the whole program
    let numbers = load();
    let (count, memory) = measure(|| distinct(black_box(&numbers)));
    println!("{memory}");
    println!("distinct: {count}");
    // ANCHOR_END: main
}
