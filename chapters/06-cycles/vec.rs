//! The floor: the same values walked from the back, stored in one `Vec` that owns them all.
//! The neighbour of element `i` is `i - 1` and `i + 1`: positions, not pointers, so nothing
//! can form a cycle.
//!
//! Run it with `cargo run --example ch06-vec`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    // ANCHOR: measure
    let (sum, memory) = measure_memory(|| {
        let count = black_box(1_000);
        let mut values = Vec::with_capacity(count as usize);
        values.extend(1..=count);
        let sum: u64 = values
            .iter()
            .rev()
            .zip(1..)
            .map(|(value, weight)| weight * value)
            .sum();
        drop(values); // one owner, one block, one free
        sum
    });
    println!("1,000 values, weighted sum from the back: {sum}");
    println!("{memory}");
    // ANCHOR_END: measure
}
