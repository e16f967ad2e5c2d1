//! The measuring toolkit of *Seek and Destroy*, a workbook on memory management in Rust.
//!
//! It does two jobs, both on top of [dhat](https://docs.rs/dhat):
//!
//! - [`measure_memory`] is the talk's helper: run some work, and get one line saying how many
//!   blocks and bytes it allocated, the peak, what it left live, and how long it took. The
//!   book's listings print it.
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
//! the dev profile and optimises dependencies (`opt-level = 3`), which makes dhat 2–3× faster
//! without changing a single figure.
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
//! // One block for the Vec (sized exactly: `split` cannot say how many, so it grows)...
//! assert_eq!(words.len(), 3);
//! // ...and one block per String.
//! assert!(memory.total_blocks >= 4);
//! println!("{memory}");
//! ```
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
//!     seek_and_destroy::Exercise::new("chapter-0", env!("CARGO_MANIFEST_DIR"), BUDGETS)
//!         .correctness("squares_of_small_numbers", || {
//!             assert_eq!(squares(&[1, 2, 3]), [1, 4, 9]);
//!         })
//!         .budget("squares", || (0..1000).collect::<Vec<u64>>(), |values| squares(&values))
//!         .run();
//! }
//! ```
//!
//! When a budget check fails, the report shows each figure against its limit, the reason for
//! each limit, the lines of the reader's crate that allocated most (from dhat's own profile),
//! the hint to read, and the path of the saved `dhat-heap.json`, which DHAT's viewer opens.
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
//!   message. A check that runs past 10 seconds (or `SEEK_AND_DESTROY_TIMEOUT_SECS`) is
//!   stopped. A check may use 4 GiB of address space: a huge allocation fails there with a
//!   message, instead of taking the machine down with it.
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
//! Profiles, logs and results go under `target/seek-and-destroy/<package>/`, never into the
//! source tree.

mod budget;
mod exercise;
mod measure;
mod report;
mod runner;

pub use budget::{Budget, Budgets, Figure, Limit};
pub use exercise::{Exercise, Kind, Outcome, TIMEOUT_SECS, VERDICTS_DIR, Verdict};
pub use measure::{Measurement, measure_memory};
pub use report::{Site, top_sites};
