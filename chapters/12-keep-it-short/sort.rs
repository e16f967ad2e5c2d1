//! A derived value used as a sort key: computed on every comparison, or once per item and kept
//! only while the sort runs.
//!
//! Run it with `cargo run --example ch12-sort`.

use std::cmp::Reverse;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// How many times `compute` has run: the CPU side of the trade, counted exactly.
static COMPUTE_CALLS: AtomicUsize = AtomicUsize::new(0);

/// The talk's `compute_func`, counted.
fn compute(val: u64) -> u64 {
    COMPUTE_CALLS.fetch_add(1, Ordering::Relaxed);
    val * 2
}

/// Reads the counter and sets it back to zero.
fn take_calls() -> usize {
    COMPUTE_CALLS.swap(0, Ordering::Relaxed)
}

/// The "after" item: its value alone, and `double` computed on each call.
#[derive(Clone)]
struct Item {
    val: u64,
}

impl Item {
    fn double(&self) -> u64 {
        compute(self.val)
    }
}

/// 1,000 items whose values are 0 to 999 in a scrambled order, the same on every run
/// (multiplying by 389, which has no factor in common with 1,000, visits every value once).
fn scrambled_items() -> Vec<Item> {
    (0..1_000u64)
        .map(|i| Item {
            val: i * 389 % 1_000,
        })
        .collect()
}

fn main() {
    let mut items = scrambled_items();
    let mut again = scrambled_items();

    // ANCHOR: measure
    let ((), memory) = measure_memory(|| {
        black_box(&mut items).sort_unstable_by_key(|item| Reverse(item.double()));
    });
    println!("sort_unstable_by_key: {} compute calls", take_calls());
    println!("{memory}");

    let ((), memory) = measure_memory(|| {
        black_box(&mut again).sort_by_cached_key(|item| Reverse(item.double()));
    });
    println!("sort_by_cached_key:   {} compute calls", take_calls());
    println!("{memory}");
    // ANCHOR_END: measure

    let first: Vec<u64> = items.iter().take(3).map(|item| item.val).collect();
    let same = items.iter().zip(&again).all(|(a, b)| a.val == b.val);
    println!("largest first: {first:?}, both orders equal: {same}");
}
