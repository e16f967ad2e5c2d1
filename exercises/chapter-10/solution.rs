// ANCHOR: solution
use std::fmt::{self, Write as _};

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
    let figures = Figures::between(&before, &after);

    // Two passes over the same `Display`: the first only counts bytes, the second writes
    // them into a String of exactly that size, so the line is one block with no slack.
    let mut length = Length(0);
    write!(length, "{figures}").expect("counting bytes cannot fail");
    let mut line = String::with_capacity(length.0);
    write!(line, "{figures}").expect("the String has room for every byte");
    (result, line)
}

/// What `work` did, as plain numbers: reading them allocates nothing.
struct Figures {
    new: (u64, u64),
    peak: Option<(u64, u64)>,
    live: (u64, u64),
}

impl Figures {
    fn between(before: &HeapStats, after: &HeapStats) -> Figures {
        // The profiler's maximum covers its whole life. It moved during `work`, or `work`
        // started at it, or the moment is lost.
        let peak_is_ours =
            after.max_bytes > before.max_bytes || before.max_bytes == before.curr_bytes;
        Figures {
            new: (
                after.total_blocks - before.total_blocks,
                after.total_bytes - before.total_bytes,
            ),
            peak: peak_is_ours.then(|| {
                (
                    (after.max_blocks - before.curr_blocks) as u64,
                    (after.max_bytes - before.curr_bytes) as u64,
                )
            }),
            live: (
                (after.curr_blocks - before.curr_blocks) as u64,
                (after.curr_bytes - before.curr_bytes) as u64,
            ),
        }
    }
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (blocks, bytes) = self.new;
        write!(
            f,
            "new: {}, {}",
            Count(blocks, "block"),
            Count(bytes, "byte")
        )?;
        match self.peak {
            Some((blocks, bytes)) => {
                write!(
                    f,
                    " | peak: {}, {}",
                    Count(blocks, "block"),
                    Count(bytes, "byte")
                )?;
            }
            None => f.write_str(" | peak: unknown")?,
        }
        let (blocks, bytes) = self.live;
        write!(
            f,
            " | live: {}, {}",
            Count(blocks, "block"),
            Count(bytes, "byte")
        )
    }
}

/// `1 block`, `2 blocks`, written straight into the line: no String of its own.
struct Count(u64, &'static str);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Count(n, unit) = *self;
        if n == 1 {
            write!(f, "1 {unit}")
        } else {
            write!(f, "{n} {unit}s")
        }
    }
}

/// A writer that keeps nothing but the number of bytes it was given.
struct Length(usize);

impl fmt::Write for Length {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}
// ANCHOR_END: solution
