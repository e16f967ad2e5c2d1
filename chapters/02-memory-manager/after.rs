//! After: ask for room for every value first, then push.
//!
//! Run it with `cargo run --example ch02-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: squares
/// The square of each value, in order.
fn squares(values: &[u64]) -> Vec<u64> {
    let mut squares = Vec::with_capacity(values.len()); // one block, room for them all
    for &value in values {
        squares.push(value * value); // never full: never asks again
    }
    squares
}
// ANCHOR_END: squares

fn main() {
    let values: Vec<u64> = (1..=1000).collect(); // built before measuring: not counted
    // ANCHOR: measure
    let (squares, memory) = measure_memory(|| squares(black_box(&values)));
    println!(
        "squares: {}, capacity: {}",
        squares.len(),
        squares.capacity()
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
