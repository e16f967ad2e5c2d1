//! Before: every item stores the values derived from it, a number and a formatted label.
//!
//! Run it with `cargo run --example ch12-before`.

use std::fmt::{self, Write as _};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: compute
/// How many times `compute` has run: the CPU side of the trade, counted exactly.
static COMPUTE_CALLS: AtomicUsize = AtomicUsize::new(0);

/// The talk's `compute_func`: cheap here, but it stands for any work you would rather not
/// repeat, such as a lookup, a parse or a hash.
fn compute(val: u64) -> u64 {
    COMPUTE_CALLS.fetch_add(1, Ordering::Relaxed);
    val * 2
}

/// Reads the counter and sets it back to zero.
fn take_calls() -> usize {
    COMPUTE_CALLS.swap(0, Ordering::Relaxed)
}
// ANCHOR_END: compute

// ANCHOR: item
struct Item {
    val: u64,
    double: u64,   // compute(val), stored in every item
    label: String, // "item 7 (double 14)", formatted once, kept for good
}

impl Item {
    fn new(val: u64) -> Item {
        let double = compute(val);
        let label = format!("item {val} (double {double})");
        Item { val, double, label }
    }

    fn foo(&self) -> u64 {
        self.val + self.double
    }

    fn bar(&self) -> u64 {
        self.double * 3
    }
}
// ANCHOR_END: item

/// A `fmt::Write` that keeps nothing: it only counts the bytes written to it.
struct ByteCount(usize);

impl fmt::Write for ByteCount {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0 += text.len();
        Ok(())
    }
}

fn main() {
    // ANCHOR: measure
    println!("size_of::<Item>() = {} bytes", size_of::<Item>());

    let (items, memory) = measure_memory(|| {
        (0..1_000u64)
            .map(|val| Item::new(black_box(val)))
            .collect::<Vec<_>>()
    });
    println!("create 1,000 items: {} compute calls", take_calls());
    println!("{memory}");

    let ((sum, label_bytes), memory) = measure_memory(|| {
        let mut sum = 0;
        let mut labels = ByteCount(0);
        for item in &items {
            sum += item.foo() + item.bar();
            labels.write_str(&item.label).unwrap();
        }
        (sum, labels.0)
    });
    println!(
        "use every item (foo, bar, label): {} compute calls, sum {sum}, label bytes {label_bytes}",
        take_calls()
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
