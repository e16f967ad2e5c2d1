//! Before: build a `Vec` by pushing into `Vec::new()`, and let it grow as it goes.
//!
//! Run it with `cargo run --example ch02-before`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: squares
/// The square of each value, in order.
fn squares(values: &[u64]) -> Vec<u64> {
    let mut squares = Vec::new(); // no block yet
    for &value in values {
        squares.push(value * value); // asks for a bigger block whenever it is full
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
