//! A guard: measure a whole scope, and print one line when it ends.
//!
//! Run it with `cargo run --example ch10-guard`.

use std::hint::black_box;
use std::time::Instant;

use seek_and_destroy::Measurement;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: guard
/// Measures from its creation to the end of its scope, then prints one line.
struct Measuring {
    label: &'static str,
    start: Instant,
    profiler: Option<dhat::Profiler>,
}

impl Measuring {
    /// Starts a fresh profiler. Panics if one is running already: guards do not nest.
    fn start(label: &'static str) -> Measuring {
        let profiler = dhat::Profiler::builder().testing().build();
        Measuring {
            label,
            start: Instant::now(),
            profiler: Some(profiler),
        }
    }
}

impl Drop for Measuring {
    fn drop(&mut self) {
        // Read every figure first: the line below allocates, and must not count itself.
        let elapsed = self.start.elapsed();
        let stats = dhat::HeapStats::get();
        drop(self.profiler.take()); // stop counting before formatting
        let memory = Measurement {
            total_blocks: stats.total_blocks,
            total_bytes: stats.total_bytes,
            peak_blocks: stats.max_blocks as u64,
            peak_bytes: stats.max_bytes as u64,
            live_blocks: stats.curr_blocks as u64,
            live_bytes: stats.curr_bytes as u64,
            elapsed,
        };
        println!("{}\n{memory}", self.label);
    }
}
// ANCHOR_END: guard

fn main() {
    // ANCHOR: main
    let words: Vec<String>;
    {
        let _guard = Measuring::start("a scope that keeps its words:");
        let text = black_box("seek and destroy ").repeat(100); // 1 block, freed at the `}`
        words = text.split_whitespace().map(String::from).collect(); // outlives the scope
    } // `text` is dropped here, then `_guard`, which prints
    {
        let _guard = Measuring::start("a scope that keeps nothing:");
        let longest = words.iter().map(String::len).max();
        black_box(longest);
    }
    // ANCHOR_END: main
}
