//! Chapter 10, the measure_memory helper. Your exercise: make `measured` fit its budgets.
//!
//! Run `cargo test -p chapter-10`. The checks compare your line with the toolkit's on known
//! workloads, and count the heap blocks your helper allocates besides the work it measures.

use dhat::HeapStats;

/// Runs `work` and returns its result, with one line saying what `work` allocated.
///
/// A dhat profiler is already running (the caller's), so the figures come from the
/// difference between two readings of it. The line has the toolkit's format, without the
/// time:
///
/// ```text
/// new: 9 blocks, 16352 bytes | peak: 1 block, 8192 bytes | live: 1 block, 8192 bytes
/// ```
///
/// - `new`: the blocks and bytes that `work` allocated;
/// - `peak`: how many of them were live when the profiler's heap was largest, if that moment
///   fell during `work`. If the heap was larger at some moment before `work` than at any
///   moment during it, the profiler cannot tell, and the line says `peak: unknown`;
/// - `live`: the blocks and bytes that `work` allocated and did not free, its result included.
///
/// `work` must not free blocks that existed before it started.
///
/// # Panics
///
/// If no dhat profiler is running.
pub fn measured<T>(work: impl FnOnce() -> T) -> (T, String) {
    let before = HeapStats::get();
    let result = work();
    let after = HeapStats::get();

    let new = format!(
        "new: {}, {}",
        count(after.total_blocks - before.total_blocks, "block"),
        count(after.total_bytes - before.total_bytes, "byte"),
    );
    // The profiler's maximum covers its whole life. It moved during `work`, or `work` started
    // at it, or the moment is lost.
    let peak = if after.max_bytes > before.max_bytes || before.max_bytes == before.curr_bytes {
        format!(
            "peak: {}, {}",
            count((after.max_blocks - before.curr_blocks) as u64, "block"),
            count((after.max_bytes - before.curr_bytes) as u64, "byte"),
        )
    } else {
        "peak: unknown".to_string()
    };
    let live = format!(
        "live: {}, {}",
        count((after.curr_blocks - before.curr_blocks) as u64, "block"),
        count((after.curr_bytes - before.curr_bytes) as u64, "byte"),
    );
    (result, format!("{new} | {peak} | {live}"))
}

/// `1 block`, `2 blocks`.
fn count(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}
