//! `measure_memory`: run some work under a fresh dhat profiler and report what it allocated.

use std::fmt;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// What one piece of work did to the heap, as dhat counted it.
///
/// Every figure covers only the measured period: blocks that existed before it started are
/// invisible, even if the work frees them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Heap blocks allocated during the period. A `realloc` counts as one more block.
    pub total_blocks: u64,
    /// Bytes allocated during the period. A `realloc` counts its full new size.
    pub total_bytes: u64,
    /// Blocks live at the moment the heap was largest.
    pub peak_blocks: u64,
    /// The most bytes live at any one moment.
    pub peak_bytes: u64,
    /// Blocks allocated during the period and not yet freed at its end.
    pub live_blocks: u64,
    /// Bytes allocated during the period and not yet freed at its end.
    pub live_bytes: u64,
    /// Wall-clock time of the work, including dhat's bookkeeping (a few µs per allocation).
    #[serde(with = "duration_nanos")]
    pub elapsed: Duration,
}

impl Measurement {
    /// The current figures of the running dhat profiler, tagged with the time since `start`.
    pub(crate) fn now(start: Instant) -> Self {
        let elapsed = start.elapsed();
        let stats = dhat::HeapStats::get();
        Measurement {
            total_blocks: stats.total_blocks,
            total_bytes: stats.total_bytes,
            peak_blocks: stats.max_blocks as u64,
            peak_bytes: stats.max_bytes as u64,
            live_blocks: stats.curr_blocks as u64,
            live_bytes: stats.curr_bytes as u64,
            elapsed,
        }
    }
}

/// One line, in the spirit of the talk's helper:
///
/// ```text
/// new: 9 blocks, 16352 bytes | peak: 1 block, 8192 bytes | live: 1 block, 8192 bytes | time: 41.2µs
/// ```
///
/// The time always comes last, so tools that compare outputs can cut it off.
impl fmt::Display for Measurement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "new: {}, {} | peak: {}, {} | live: {}, {} | time: {:.1?}",
            count(self.total_blocks, "block"),
            count(self.total_bytes, "byte"),
            count(self.peak_blocks, "block"),
            count(self.peak_bytes, "byte"),
            count(self.live_blocks, "block"),
            count(self.live_bytes, "byte"),
            self.elapsed,
        )
    }
}

/// `1 block`, `2 blocks`.
pub(crate) fn count(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The talk's `measure_memory` helper, rebuilt on dhat: runs `work` and reports what it allocated.
///
/// Returns the work's result together with its [`Measurement`]. The result is still alive when
/// the figures are read, so `live_*` counts what the work left behind, result included, just
/// as a snapshot diff would. Drop the result inside the closure to see only what leaks.
///
/// The program must use dhat as its global allocator, or every figure reads zero:
///
/// ```
/// #[global_allocator]
/// static ALLOC: dhat::Alloc = dhat::Alloc;
///
/// use seek_and_destroy::measure_memory;
///
/// let (squares, memory) = measure_memory(|| (0..1000u64).map(|n| n * n).collect::<Vec<_>>());
/// assert_eq!(squares.len(), 1000);
/// assert_eq!(memory.total_blocks, 1); // one exact-size buffer
/// assert_eq!(memory.live_bytes, 8000); // 1000 × 8 bytes, still held by `squares`
/// println!("{memory}");
/// ```
///
/// # Panics
///
/// dhat allows one profiler at a time, so calls must not nest, and a program must not run two
/// at once on different threads.
// ANCHOR: measure_memory
pub fn measure_memory<T>(work: impl FnOnce() -> T) -> (T, Measurement) {
    let _profiler = dhat::Profiler::builder().testing().build();
    let start = Instant::now();
    let result = std::hint::black_box(work());
    let measurement = Measurement::now(start);
    (result, measurement)
}
// ANCHOR_END: measure_memory

mod duration_nanos {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_nanos() as u64)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_nanos)
    }
}
