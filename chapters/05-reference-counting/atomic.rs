//! What an atomic count costs: cloning and dropping an `Rc` and an `Arc`, timed.
//!
//! Times mean something only in an optimised build, so this listing times nothing in a debug
//! build. It does not use dhat: the loop allocates nothing, and dhat's bookkeeping would only
//! add noise. Run it with `cargo run --release --example ch05-atomic`.

// xtask: run in release

use std::hint::black_box;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

/// How many clones (and drops) each timing makes.
const CLONES: u32 = 10_000_000;

// ANCHOR: timing
/// Nanoseconds for one clone and one drop, averaged over `CLONES` of them.
fn time_clones<H>(handle: &H, clone: impl Fn(&H) -> H) -> f64 {
    let start = Instant::now();
    for _ in 0..CLONES {
        drop(black_box(clone(black_box(handle)))); // one increment, then one decrement
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(CLONES)
}

fn main() {
    if cfg!(debug_assertions) {
        println!("unoptimised build: timings would measure the debug build, not the counts.");
        println!("run: cargo run --release --example ch05-atomic");
        return;
    }
    let rc = Rc::new(5u64);
    let arc = Arc::new(5u64);
    println!("release build, no dhat, {CLONES} clones and drops of each, one thread:");
    for round in 1..=3 {
        let rc_time = time_clones(&rc, Rc::clone);
        let arc_time = time_clones(&arc, Arc::clone);
        // Each time after a `time:` marker: the book's check compares what comes before it.
        println!("  round {round}, Rc clone + drop   time: {rc_time:.2} ns");
        println!("  round {round}, Arc clone + drop  time: {arc_time:.2} ns");
    }
}
// ANCHOR_END: timing
