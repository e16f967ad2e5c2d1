//! Snapshot diffs of dhat's `HeapStats`: the before listing's steps, written out one by one,
//! with the heap's figures read between them, as `tracemalloc.take_snapshot()` and
//! `compare_to` do in Python.
//!
//! Run it with `cargo run --example ch09-snapshots`.

use std::hint::black_box;

use dhat::HeapStats;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: diff
/// What changed between two snapshots: blocks and bytes allocated in between, and how the
/// live blocks and bytes moved (what survives, as `compare_to` reports it).
fn compare(step: &str, old: &HeapStats, new: &HeapStats) {
    println!(
        "{step:<22} allocated {:>5} blocks {:>6} bytes | live {:+6} blocks {:+7} bytes",
        new.total_blocks - old.total_blocks,
        new.total_bytes - old.total_bytes,
        new.curr_blocks as i64 - old.curr_blocks as i64,
        new.curr_bytes as i64 - old.curr_bytes as i64,
    );
}
// ANCHOR_END: diff

fn main() {
    let log: String = (0..1000u32)
        .map(|n| format!("GET /item/{n} {}\n", n * 37 % 250))
        .collect();
    // Printing allocates once, for stdout's buffer: do it before the first snapshot.
    println!("step: what the heap did between two snapshots");
    // ANCHOR: steps
    let _profiler = dhat::Profiler::builder().testing().build();
    let start = HeapStats::get();

    let lines: Vec<String> = black_box(&log).lines().map(String::from).collect();
    let copied = HeapStats::get();
    compare("copy every line", &start, &copied);

    let mut slow = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split(' ').collect();
        let ms: u32 = fields[2].parse().expect("a duration in milliseconds");
        if ms > 200 {
            slow.push(fields[1].to_string());
        }
    }
    let looped = HeapStats::get();
    compare("split and keep", &copied, &looped);

    drop(lines);
    let returned = HeapStats::get();
    compare("return (lines dropped)", &looped, &returned);
    compare("the whole call", &start, &returned);
    println!("peak since start: {} bytes", returned.max_bytes);
    // ANCHOR_END: steps
    black_box(slow);
}
