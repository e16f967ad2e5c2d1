//! `measure_timeline`: the live bytes after every allocation event of a measured period.
//!
//! [`TimelineAlloc`] is a global allocator that passes every request to `dhat::Alloc`, and,
//! while [`measure_timeline`] records, reads dhat's live-byte count after each request and
//! stores it in a fixed buffer of atomics. Recording must not allocate: an allocation made
//! while answering one would be recorded in turn. So nothing here allocates until the
//! recording has stopped; only then are the samples copied into a [`Timeline`] and, if asked
//! for, written as JSON.
//!
//! `unsafe` is allowed in this module alone besides `os.rs`: `GlobalAlloc` is an unsafe trait,
//! and the impl only hands its arguments, unchanged, to dhat's.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::measure::Measurement;

/// How many events one recording keeps. A period with more events keeps the first
/// `CAPACITY`, counts the rest, and marks its [`Timeline`] as truncated. 65,536 samples of
/// 8 bytes are 512 KiB of zeroed static memory, which costs nothing until a recording
/// touches it.
///
/// ```
/// assert_eq!(seek_and_destroy::TIMELINE_CAPACITY, 65_536);
/// ```
pub const TIMELINE_CAPACITY: usize = 1 << 16;

/// The environment variable that names the folder where [`measure_timeline`] writes
/// `<name>.json`. Unset: nothing is written.
///
/// ```sh
/// SEEK_AND_DESTROY_TIMELINES=target/timelines cargo run --example ch02-timeline
/// ls target/timelines   # push.json copy.json
/// ```
pub const TIMELINES_DIR: &str = "SEEK_AND_DESTROY_TIMELINES";

static RECORDING: AtomicBool = AtomicBool::new(false);
/// Events seen since the recording started, including those past the buffer's end.
static EVENTS: AtomicUsize = AtomicUsize::new(0);
static SAMPLES: [AtomicU64; TIMELINE_CAPACITY] = [const { AtomicU64::new(0) }; TIMELINE_CAPACITY];
/// The name of the last recording, set once it has stopped (setting it allocates).
static LAST_NAME: Mutex<String> = Mutex::new(String::new());

thread_local! {
    /// Whether this thread is inside the allocator already. dhat's own bookkeeping (a
    /// backtrace, a table entry) allocates through the global allocator too; those requests
    /// are dhat's, not the program's, and dhat does not count them.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

/// A global allocator that counts like `dhat::Alloc` (it passes every request to it) and can
/// also record a heap timeline for [`measure_timeline`].
///
/// Install it instead of `dhat::Alloc` in a program that records timelines. When no recording
/// is on, it costs one atomic load per request on top of dhat's own work; while one is on, it
/// also reads dhat's counts after each request (a lock, no allocation). It changes none of
/// dhat's figures: [`measure_memory`](crate::measure_memory) and `dhat::HeapStats` read the
/// same numbers with either allocator.
///
/// ```
/// #[global_allocator]
/// static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;
///
/// // measure_memory works as with dhat::Alloc, and measure_timeline works too.
/// let (v, memory) = seek_and_destroy::measure_memory(|| vec![0u8; 100]);
/// assert_eq!((v.len(), memory.total_blocks, memory.total_bytes), (100, 1, 100));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TimelineAlloc;

// SAFETY: every method hands its arguments, unchanged, to `dhat::Alloc`, which keeps
// `GlobalAlloc`'s contract (it passes them on to `std::alloc::System`), and returns its result
// unchanged. Recording a sample touches only atomics and a `const`-initialised thread-local
// `Cell` without a destructor, so it neither allocates nor unwinds; `dhat::HeapStats::get` is
// called only while a recording is on, which is only while `measure_timeline`'s profiler runs,
// and only outside dhat's own lock.
unsafe impl GlobalAlloc for TimelineAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: our caller keeps `alloc`'s contract, and we pass its arguments on.
        record(|| unsafe { dhat::Alloc.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above, for `alloc_zeroed`.
        record(|| unsafe { dhat::Alloc.alloc_zeroed(layout) })
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above, for `realloc`.
        record(|| unsafe { dhat::Alloc.realloc(block, layout, new_size) })
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: as above, for `dealloc`.
        record(|| unsafe { dhat::Alloc.dealloc(block, layout) })
    }
}

/// Runs `pass_on` (one request handed to dhat), then, if a recording is on and the request is
/// the program's rather than dhat's own, stores dhat's live bytes as the next sample.
fn record<T>(pass_on: impl FnOnce() -> T) -> T {
    let outermost = !INSIDE.replace(true);
    let result = pass_on();
    if outermost {
        if RECORDING.load(Ordering::Acquire) {
            let index = EVENTS.fetch_add(1, Ordering::Relaxed);
            if let Some(sample) = SAMPLES.get(index) {
                let live = dhat::HeapStats::get().curr_bytes as u64;
                sample.store(live, Ordering::Relaxed);
            }
        }
        INSIDE.set(false);
    }
    result
}

/// Turns the recording off when dropped, even if the work panics: with the profiler gone,
/// reading dhat's counts inside the allocator would panic there, which aborts.
struct Recording;

impl Recording {
    fn start() -> Self {
        EVENTS.store(0, Ordering::Relaxed);
        RECORDING.store(true, Ordering::Release);
        Recording
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        RECORDING.store(false, Ordering::Release);
    }
}

/// The live bytes after each allocation event of one measured period, as
/// [`measure_timeline`] writes it to `<folder>/<name>.json`.
///
/// An event is one `alloc`, `realloc` or `dealloc` that dhat saw, in the order the program
/// made them. A `realloc` is one event: dhat moves the live count from the old size to the
/// new one in a single step. Before the first event, nothing is live (the profiler is fresh).
///
/// A tool reads the file back with `serde_json`:
///
/// ```
/// use seek_and_destroy::Timeline;
///
/// let json = r#"{"name":"grow","live_bytes":[32,64,0],"events":3,"truncated":false}"#;
/// let timeline: Timeline = serde_json::from_str(json).unwrap();
/// assert_eq!(timeline.peak_bytes(), 64);
/// assert_eq!(timeline.live_bytes.last(), Some(&0)); // nothing left at the end
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// The name given to [`measure_timeline`].
    pub name: String,
    /// dhat's live bytes (`HeapStats::curr_bytes`) after each recorded event, in order.
    pub live_bytes: Vec<u64>,
    /// How many events the period had: more than `live_bytes.len()` when truncated.
    pub events: u64,
    /// Whether the buffer ([`TIMELINE_CAPACITY`] samples) filled up, so that the recording
    /// stopped early and `live_bytes` holds only the first events.
    pub truncated: bool,
}

impl Timeline {
    /// A timeline from `events` events seen, of which the buffer kept the first `kept`.
    fn from_samples(name: &str, events: usize, kept: &[u64]) -> Self {
        Timeline {
            name: name.to_owned(),
            live_bytes: kept.to_vec(),
            events: events as u64,
            truncated: events > kept.len(),
        }
    }

    /// The largest live-byte count recorded: dhat's peak, when the recording is whole.
    ///
    /// ```
    /// # let json = r#"{"name":"grow","live_bytes":[32,64,0],"events":3,"truncated":false}"#;
    /// # let timeline: seek_and_destroy::Timeline = serde_json::from_str(json).unwrap();
    /// assert_eq!(timeline.peak_bytes(), 64);
    /// ```
    pub fn peak_bytes(&self) -> u64 {
        self.live_bytes.iter().copied().max().unwrap_or(0)
    }
}

/// Whether `name` can be a file name everywhere: letters, digits, `-` and `_`.
fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `<folder>/<name>.json`.
fn timeline_path(folder: &Path, name: &str) -> PathBuf {
    folder.join(format!("{name}.json"))
}

/// Like [`measure_memory`](crate::measure_memory), and records a heap timeline: the live bytes
/// after every `alloc`, `realloc` and `dealloc` of the work.
///
/// It runs `work` under a fresh dhat profiler and returns the same [`Measurement`] that
/// `measure_memory` would: the recording changes no figure. When the environment variable
/// [`SEEK_AND_DESTROY_TIMELINES`](TIMELINES_DIR) names a folder, it then writes the samples
/// there as `<name>.json` (a [`Timeline`]), creating the folder if needed; otherwise it writes
/// nothing. `cargo xtask generate` sets that variable when it runs the book's listings, and
/// draws each file as a chart, `STEM-NAME.svg`, beside the listing `STEM.rs`.
///
/// The program must use [`TimelineAlloc`] as its global allocator:
///
/// ```
/// #[global_allocator]
/// static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;
///
/// use seek_and_destroy::measure_timeline;
///
/// let (len, memory) = measure_timeline("push-then-drop", || {
///     let mut values = Vec::new();
///     for n in 0..100u64 {
///         values.push(n); // 32 bytes, then 64, 128, 256, 512, 1024: a staircase
///     }
///     values.len() // `values` is freed here: the last event brings the live bytes to 0
/// });
/// assert_eq!(len, 100);
/// assert_eq!(memory.total_blocks, 6);
/// assert_eq!(memory.peak_bytes, 1024);
/// assert_eq!(memory.live_bytes, 0);
/// ```
///
/// The samples stay in memory until the next recording ([`last_timeline`] reads them), and
/// the buffer keeps the first
/// [`TIMELINE_CAPACITY`] events; a longer period keeps counting its events and marks its
/// timeline `truncated`. Events of every thread are recorded, in the order they reach the
/// counter, so a timeline of single-threaded work is the one that reads clearly.
///
/// # Panics
///
/// - if `name` is empty or has characters other than ASCII letters, digits, `-` and `_`;
/// - if the work allocated but nothing was recorded: the global allocator is not
///   [`TimelineAlloc`];
/// - if the file cannot be written;
/// - as `measure_memory` does, if another dhat profiler is running.
pub fn measure_timeline<T>(name: &str, work: impl FnOnce() -> T) -> (T, Measurement) {
    assert!(
        is_file_name(name),
        "measure_timeline: {name:?} is not a usable file name (use letters, digits, - and _)"
    );
    let (result, measurement) = {
        let _profiler = dhat::Profiler::builder().testing().build();
        let start = Instant::now();
        let recording = Recording::start();
        let result = std::hint::black_box(work());
        drop(recording);
        (result, Measurement::now(start))
    };
    // The recording has stopped and the figures are read: allocating is harmless again.
    *LAST_NAME.lock().unwrap_or_else(|e| e.into_inner()) = name.to_owned();
    let timeline = last_timeline();
    assert!(
        timeline.events > 0 || measurement.total_blocks == 0,
        "measure_timeline: the work allocated, but nothing was recorded. Install \
         seek_and_destroy::TimelineAlloc as the #[global_allocator] instead of dhat::Alloc."
    );
    if let Some(folder) = std::env::var_os(TIMELINES_DIR) {
        let folder = PathBuf::from(folder);
        let path = timeline_path(&folder, name);
        let json = serde_json::to_string(&timeline).expect("a timeline serialises");
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(&path, json))
            .unwrap_or_else(|error| panic!("writing the timeline {}: {error}", path.display()));
    }
    (result, measurement)
}

/// The timeline of the last [`measure_timeline`] call in this process, as it would write it;
/// an empty one named `""` before the first. Call it after `measure_timeline` has returned,
/// when a program wants to print something about the timeline itself.
///
/// ```
/// #[global_allocator]
/// static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;
///
/// use seek_and_destroy::{last_timeline, measure_timeline};
///
/// let (_, memory) = measure_timeline("one-box", || drop(Box::new(7u64)));
/// let timeline = last_timeline();
/// assert_eq!(timeline.name, "one-box");
/// assert_eq!(timeline.live_bytes, [8, 0]); // the alloc, then the dealloc
/// assert_eq!(timeline.peak_bytes(), memory.peak_bytes);
/// ```
pub fn last_timeline() -> Timeline {
    let name = LAST_NAME.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let events = EVENTS.load(Ordering::Relaxed);
    let kept: Vec<u64> = SAMPLES[..events.min(TIMELINE_CAPACITY)]
        .iter()
        .map(|sample| sample.load(Ordering::Relaxed))
        .collect();
    Timeline::from_samples(&name, events, &kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recording_that_fits_is_whole() {
        let timeline = Timeline::from_samples("grow", 3, &[32, 64, 0]);
        assert!(!timeline.truncated);
        assert_eq!(timeline.events, 3);
        assert_eq!(timeline.peak_bytes(), 64);
    }

    #[test]
    fn a_recording_past_the_buffer_is_marked_truncated() {
        let timeline = Timeline::from_samples("long", 10, &[8, 16]);
        assert!(timeline.truncated);
        assert_eq!(timeline.events, 10);
        assert_eq!(timeline.live_bytes, [8, 16]);
    }

    #[test]
    fn an_empty_recording_has_no_peak() {
        assert_eq!(Timeline::from_samples("none", 0, &[]).peak_bytes(), 0);
    }

    #[test]
    fn names_must_be_plain_file_names() {
        assert!(is_file_name("push-then-drop_2"));
        for bad in ["", "a/b", "..", "a b", "é"] {
            assert!(!is_file_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_timeline_is_written_as_name_dot_json_and_reads_back() {
        let folder = Path::new("target/timelines");
        assert_eq!(
            timeline_path(folder, "grow"),
            Path::new("target/timelines/grow.json")
        );
        let timeline = Timeline::from_samples("grow", 2, &[32, 0]);
        let json = serde_json::to_string(&timeline).unwrap();
        assert_eq!(
            json,
            r#"{"name":"grow","live_bytes":[32,0],"events":2,"truncated":false}"#
        );
        assert_eq!(serde_json::from_str::<Timeline>(&json).unwrap(), timeline);
    }
}
