//! The measuring toolkit of *Seek and Destroy*, a workbook on memory management in Rust.
//!
//! It does two jobs, both on top of [dhat](https://docs.rs/dhat):
//!
//! - [`measure_memory`] is the talk's helper: run some work, and get one line saying how many
//!   blocks and bytes it allocated, the peak, what it left live, and how long it took. The
//!   book's listings print it. [`measure_timeline`] does the same and also records *when*
//!   bytes were live: the live bytes after every allocation event, drawn as a chart.
//! - [`Exercise`] grades an exercise crate: correctness checks say whether the answer is
//!   right, and budget checks say whether the code stayed within its heap-allocation budget.
//!   It is what runs when you type `cargo test -p chapter-N`.
//!
//! # Why measure with dhat
//!
//! dhat installs itself as the program's global allocator, so it sees every `alloc`,
//! `realloc` and `dealloc`, with the call stack that made it. From that it keeps exact
//! counts: blocks and bytes allocated, the peak, and what is still live. The counts do not
//! depend on the machine's speed or load, so a budget can be exact: "1 block", not "about
//! 2 ms".
//!
//! # Configuring Cargo.toml
//!
//! A listing or exercise crate depends on this crate and on dhat:
//!
//! ```toml
//! [dependencies]
//! seek-and-destroy.workspace = true
//! dhat.workspace = true
//! ```
//!
//! dhat's backtraces need line tables. The workspace sets `debug = "line-tables-only"` for
//! the dev and release profiles, so a failure report can name the reader's lines in both, and
//! optimises dependencies (`opt-level = 1`), which makes dhat 2–3× faster without changing a
//! single figure.
//!
//! # Measuring a piece of work
//!
//! Install dhat as the global allocator, then wrap the work in [`measure_memory`]:
//!
//! ```
//! #[global_allocator]
//! static ALLOC: dhat::Alloc = dhat::Alloc;
//!
//! let (words, memory) = seek_and_destroy::measure_memory(|| {
//!     "seek and destroy".split(' ').map(String::from).collect::<Vec<_>>()
//! });
//! assert_eq!(words.len(), 3);
//! // One block per String, and at least one for the Vec: `split` cannot say how many words
//! // it will yield, so the Vec may grow (each growth is one more block).
//! assert!(memory.total_blocks >= 4);
//! println!("{memory}");
//! ```
//!
//! # Recording a heap timeline
//!
//! `measure_memory` says how much was live at the peak and at the end, not *when*. For that,
//! install [`TimelineAlloc`] (it wraps `dhat::Alloc`, so dhat still counts everything) and call
//! [`measure_timeline`] with a name. It returns the same figures as `measure_memory`, and
//! records dhat's live bytes after every `alloc`, `realloc` and `dealloc` of the work:
//!
//! ```
//! #[global_allocator]
//! static ALLOC: seek_and_destroy::TimelineAlloc = seek_and_destroy::TimelineAlloc;
//!
//! let (total, memory) = seek_and_destroy::measure_timeline("squares", || {
//!     let squares: Vec<u64> = (0..1000u64).map(|n| n * n).collect(); // up to 8,000 bytes
//!     squares.iter().sum::<u64>() // `squares` is freed here: back to 0
//! });
//! assert_eq!(total, 332_833_500);
//! assert_eq!((memory.peak_bytes, memory.live_bytes), (8000, 0));
//! ```
//!
//! When the environment variable `SEEK_AND_DESTROY_TIMELINES` ([`TIMELINES_DIR`]) names a
//! folder, the samples go to `<folder>/<name>.json` as a [`Timeline`]; otherwise nothing is
//! written. `cargo xtask generate` sets it when it runs the book's listings, and draws the
//! timeline that `chapters/NN-slug/STEM.rs` recorded as `NAME` into
//! `chapters/NN-slug/STEM-NAME.svg`: a step chart of live bytes against events, which
//! `generate --check` keeps current like every other generated file. A program that wants the
//! samples itself reads them with [`last_timeline`].
//!
//! The limits:
//!
//! - **Recording must not allocate**, or it would record itself. The samples go into a fixed
//!   buffer of [`TIMELINE_CAPACITY`] atomics in a `static`; a period with more events keeps the
//!   first ones and marks its timeline `truncated`.
//! - **An event is what dhat sees.** A `realloc` is one step from the old size to the new,
//!   even when the allocator copies the block and, for an instant, holds both. A block freed
//!   during the period but allocated before it does not move the count.
//! - **Every thread's events are recorded**, in the order they reach the counter. The timeline
//!   of single-threaded work is the one that reads clearly.
//! - **It costs a little time per event**: a lock to read dhat's counts, on top of dhat's own
//!   bookkeeping. It changes no figure.
//!
//! # Testing heap usage
//!
//! An exercise crate has a `harness = false` test target whose `main` registers its checks
//! and hands over to [`Exercise::run`]. Limits live in the crate's `budgets.toml`, one
//! `[[check]]` per budget check, each number with the reason for it:
//!
//! ```toml
//! [[check]]
//! name = "squares"
//! workload = "squares of 1,000 numbers"
//! hint = "Hint 1: Ask once"
//! starter_exceeds = ["total_blocks", "total_bytes"]
//! total_blocks = { max = 1, why = "1 block: the output, allocated at its final size" }
//! total_bytes = { max = 8000, why = "1,000 results × 8 bytes" }
//! live_bytes = { max = 0, why = "the result is dropped; anything left is a leak" }
//! ```
//!
//! The test target's `main` then reads like this. [`exercise!`] builds the [`Exercise`] with
//! the crate's name, folder and `budgets.toml`; here the budgets are written out instead:
//!
//! ```no_run
//! # fn squares(values: &[u64]) -> Vec<u64> { values.iter().map(|v| v * v).collect() }
//! #[global_allocator]
//! static ALLOC: dhat::Alloc = dhat::Alloc;
//!
//! const BUDGETS: &str = r#"
//!     [[check]]
//!     name = "squares"
//!     workload = "squares of 1,000 numbers"
//!     hint = "Hint 1: Ask once"
//!     starter_exceeds = ["total_blocks"]
//!     total_blocks = { max = 1, why = "1 block: the output, allocated at its final size" }
//! "#;
//!
//! fn main() {
//!     use seek_and_destroy::assert_answer;
//!
//!     seek_and_destroy::Exercise::new("chapter-0", env!("CARGO_MANIFEST_DIR"), BUDGETS)
//!         .correctness("squares_of_small_numbers", || {
//!             assert_answer!(squares(&[1, 2, 3]), [1, 4, 9]);
//!         })
//!         .budget(
//!             "squares",
//!             // Unmeasured: the input, and the answer the measured call must give on it.
//!             || {
//!                 let values: Vec<u64> = (0..1000).collect();
//!                 let expected: Vec<u64> = values.iter().map(|v| v * v).collect();
//!                 (values, expected)
//!             },
//!             // Measured.
//!             |values| squares(&values),
//!         )
//!         .run();
//! }
//! ```
//!
//! A budget check judges the answer first: if the measured call returns something other than
//! the expected answer, the check fails as wrong, whatever its figures, so code that is cheap
//! but wrong on the budget's workload cannot pass. A right answer is then held to the budget.
//! When a figure is over, the report shows each figure against its limit, the reason for each
//! limit, the lines of the reader's crate that allocated most (from dhat's own profile) and,
//! when bytes are left live at the end, the lines that allocated those, the hint to read, and
//! the path of the saved `dhat-heap.json`, which DHAT's viewer opens.
//!
//! ## The pitfalls, and how the grader avoids them
//!
//! - **dhat's profiler is global.** Only one may run at a time, and it counts every thread's
//!   allocations. libtest runs tests on threads of its own, and those threads allocate while
//!   a test runs: a plain `#[test]` measured under dhat is off by a few blocks now and then.
//!   So the grader runs each check in a **child process of its own** (the test binary, started
//!   again), where only the check runs. The parent, a small libtest-compatible runner, only spawns,
//!   waits and reports, so checks can run in parallel and every figure is the same on every run.
//! - **A child process also contains failures.** A panic fails only its own check, with its
//!   message and place. A check that runs past 10 seconds (or `SEEK_AND_DESTROY_TIMEOUT_SECS`)
//!   is stopped, with every process it started: its process group (a Job Object on Windows)
//!   and, on Linux, whatever left the group, which the grader adopts as a child subreaper and
//!   kills. Once one check has been stopped, every other check of the run gets at most 1 s
//!   more, and one note lists them all, so a function that never returns costs seconds, not
//!   minutes. A check may use 1 GiB, and at most four run at once, so a run takes at most
//!   4 GiB (`SEEK_AND_DESTROY_MEMORY_MIB` lowers that): a huge allocation fails with a message
//!   instead of taking the machine down. The ceiling is `RLIMIT_AS` on Linux and, where the
//!   checks install [`CheckAlloc`] instead of `dhat::Alloc`, a count inside the allocator that
//!   holds on every OS.
//! - **The code under test cannot write its own verdict by accident or by a shortcut.** A
//!   check's process reports through one line on its standard output that carries a secret
//!   the grader hands it on standard input. The run's guard, which [`exercise!`] places ahead
//!   of the reader's constructors, reads it with one raw `read`, keeps it masked, and points
//!   standard input at the null device; the secret is in no environment variable, file or
//!   argument. The grader believes that line only from a process that exited with status 0,
//!   and only if no other line carries the secret. Panics are caught by the harness itself,
//!   which tells the check's own assertions (a wrong answer) from the reader's panics by the
//!   file they come from. A deadline covers the whole run, including code that runs before
//!   `main`, and a watchdog process holds it too, so that ignoring `SIGALRM`, stopping the
//!   grader or killing it fails the run and leaves nothing running. Every run keeps its
//!   files in a folder of its own, so runs of one chapter side by side never meet.
//! - **What no in-process defence stops.** The reader's code runs inside the grader's
//!   processes. In a check's process, code that reads the process's own memory
//!   (`/proc/self/mem`, or `unsafe`) can unmask the secret and forge a report. In the
//!   grader's process, a constructor with an earlier priority than the guard, `_exit(0)`,
//!   `CommandExt::exec` or an `atexit` symbol of its own can end the run with status 0 and a
//!   fake summary; that is why tools should count only the verdict files
//!   ([`tooling::VERDICTS_DIR`]), one per listed check. The run warns when the reader's crate
//!   names such means (`/proc/self/mem`, `link_section`, `init_array`, `exec`, `setsid`,
//!   `process_group`, `fork`). The grader guards against mistakes and shortcuts, not against
//!   deliberate attacks on itself.
//! - **dhat sees only the global allocator.** Blocks taken straight from the operating
//!   system's allocator (`std::alloc::System`, a hand-declared `malloc`) bypass it, and no
//!   budget can see them. That is inherent to measuring in-process; the report warns when the
//!   reader's crate uses `unsafe` or names the system allocator.
//! - **The optimiser can remove allocations.** The grader passes inputs and results through
//!   [`std::hint::black_box`], and budgets are stated for the debug build that `cargo test`
//!   uses; they hold in release too.
//! - **`HashMap` iteration order is random per process.** Work that iterates a map can
//!   allocate a different number of bytes on each run. Budgets with exact byte limits must
//!   avoid it.
//! - **Only the measured period counts.** A block that existed before the profiler started is
//!   invisible, even when the work frees it. That is why a budget check's input is built by
//!   `setup`, outside the measurement, and moved into `work`.
//!
//! Profiles, logs and results go under `target/seek-and-destroy/<package>/` (a run's own
//! files in `run-<pid>/`, removed when it ends), never into the source tree.

// The workspace's lints (see Cargo.toml), stated here so that they cover the toolkit but not
// the book's listings, which are this package's examples. Three modules allow `unsafe`:
// `os.rs` and `job.rs` (the operating-system calls) and `timeline.rs` (a `GlobalAlloc` impl is
// an `unsafe impl`).
#![deny(unsafe_code)]
#![warn(missing_docs, unreachable_pub)]

mod answer;
mod budget;
mod capped;
mod classify;
mod exercise;
mod grading;
mod inputs;
#[cfg(windows)]
mod job;
mod limits;
mod measure;
mod os;
mod protocol;
mod report;
mod runner;
mod sites;
mod source;
mod spawn;
mod timeline;
mod verdict;
mod watchdog;

pub use capped::CheckAlloc;
pub use exercise::Exercise;
pub use inputs::Xorshift;
pub use measure::{Measurement, measure_memory};
pub use timeline::{
    TIMELINE_CAPACITY, TIMELINES_DIR, Timeline, TimelineAlloc, last_timeline, measure_timeline,
};

pub mod tooling {
    //! What the workbook's own tools read: budgets and the grader's verdicts. A reader never
    //! needs this module; `cargo xtask` does.

    pub use crate::budget::{Budget, Budgets, Figure, Limit, StarterWrong};
    pub use crate::limits::{MEMORY_MIB, TIMEOUT_SECS};
    pub use crate::verdict::{CheckName, Kind, Outcome, Verdict};

    /// Optional: a folder in which the grader leaves one JSON [`Verdict`] per check,
    /// `<kind>.<name>.json`, and, before any check runs, [`MANIFEST`]. The checks' own
    /// processes never see it.
    ///
    /// A tool that reads verdicts should believe a run only when every check the manifest
    /// lists has its verdict: code that ends the grader's own process early (see the crate's
    /// threat model) leaves verdicts missing, whatever the exit status says.
    pub const VERDICTS_DIR: &str = "SEEK_AND_DESTROY_VERDICTS";

    /// The file in [`VERDICTS_DIR`] that lists the checks a run grades, one name per line.
    pub const MANIFEST: &str = "checks.list";

    pub mod grading {
        //! Whether an exercise's grading files (`budgets.toml`, `tests/checks.rs`) still
        //! match the fingerprints the workbook shipped.

        pub use crate::grading::{FINGERPRINTS, GRADING_FILES, changed, fingerprint};
    }
}

#[doc(hidden)]
pub mod __private {
    //! What the crate's macros expand to. Not an API.

    pub use crate::answer::wrong_answer;
    pub use crate::os::guard_run;
}
