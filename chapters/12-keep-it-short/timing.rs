//! The time side of the trade: the "before" and "after" items, created and used, timed.
//!
//! Times mean something only in an optimised build, so this listing times nothing in a debug
//! build. It does not use dhat, whose bookkeeping would be most of what it timed. Run it with
//! `cargo run --release --example ch12-timing`.

// xtask: run in release

use std::fmt::{self, Write as _};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// How many times each step runs; the listing prints the fastest run.
const RUNS: u32 = 50;

// ANCHOR: compute
/// The talk's `compute_func`, made slow enough to see: 200 rounds of mixing that the optimiser
/// can't skip, then `val * 2`, as before.
fn compute(val: u64) -> u64 {
    let mut x = val;
    for _ in 0..200 {
        x = black_box(x.rotate_left(7) ^ 0x9e37_79b9);
    }
    black_box(x);
    val * 2
}
// ANCHOR_END: compute

/// The "before" item: the derived values stored.
struct Stored {
    val: u64,
    double: u64,
    label: String,
}

impl Stored {
    fn new(val: u64) -> Stored {
        let double = compute(val);
        let label = format!("item {val} (double {double})");
        Stored { val, double, label }
    }
}

/// The "after" item: the value alone.
struct OnDemand {
    val: u64,
}

impl OnDemand {
    fn double(&self) -> u64 {
        compute(self.val)
    }
}

impl fmt::Display for OnDemand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item {} (double {})", self.val, self.double())
    }
}

/// A `fmt::Write` that only counts the bytes written to it.
struct ByteCount(usize);

impl fmt::Write for ByteCount {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0 += text.len();
        Ok(())
    }
}

/// The fastest of `RUNS` runs of `work`.
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

fn main() {
    if cfg!(debug_assertions) {
        println!("unoptimised build: timings would measure the debug build, not the code.");
        println!("run: cargo run --release --example ch12-timing");
        return;
    }
    println!("release build, no dhat, fastest of {RUNS} runs, 1,000 items:");

    // ANCHOR: timing
    let vals = || (0..1_000u64).map(black_box);
    let create_before = fastest(|| vals().map(Stored::new).collect::<Vec<_>>());
    let create_after = fastest(|| vals().map(|val| OnDemand { val }).collect::<Vec<_>>());

    let stored: Vec<Stored> = vals().map(Stored::new).collect();
    let on_demand: Vec<OnDemand> = vals().map(|val| OnDemand { val }).collect();
    let use_before = fastest(|| {
        let mut labels = ByteCount(0);
        let mut sum = 0;
        for item in &stored {
            sum += (item.val + item.double) + item.double * 3;
            labels.write_str(&item.label).unwrap();
        }
        (sum, labels.0)
    });
    let use_after = fastest(|| {
        let mut labels = ByteCount(0);
        let mut sum = 0;
        for item in &on_demand {
            sum += (item.val + item.double()) + item.double() * 3;
            write!(labels, "{item}").unwrap();
        }
        (sum, labels.0)
    });
    // ANCHOR_END: timing

    println!("  create   before  time: {create_before:.1?}");
    println!("  create   after   time: {create_after:.1?}");
    println!("  use all  before  time: {use_before:.1?}");
    println!("  use all  after   time: {use_after:.1?}");
}
