//! After: produce each value when the sum asks for it, and keep none of them.
//!
//! Run it with `cargo run --example ch14-after`.

use std::hint::black_box;
use std::iter;
use std::mem::size_of_val;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: total
/// The talk's example, lazily: ten thousand 4096s, made one at a time as `sum` pulls them.
fn total() -> u64 {
    iter::repeat_n(black_box(4096u64), 10_000).sum() // Python: sum(4096 for _ in range(10_000))
}
// ANCHOR_END: total

// ANCHOR: pipeline
/// Pseudo-random numbers below 1,000, from a xorshift generator started at `seed`, for as long
/// as the caller keeps asking.
fn random_numbers(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed; // moved into the closure: the generator's whole state
    iter::from_fn(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        Some(state % 1_000)
    })
}

/// The sum of the squares of the odd ones among `count` random numbers.
fn sum_of_odd_squares(seed: u64, count: usize) -> u64 {
    random_numbers(seed)
        .take(count)
        .filter(|n| n % 2 == 1)
        .map(|n| n * n)
        .sum()
}
// ANCHOR_END: pipeline

fn main() {
    // ANCHOR: measure
    let (sum, memory) = measure_memory(total);
    println!("sum of 10,000 × 4096: {sum}");
    println!("{memory}");

    let (sum, memory) = measure_memory(|| sum_of_odd_squares(black_box(42), 10_000));
    println!("sum of the odd squares among 10,000 random numbers: {sum}");
    println!("{memory}");
    // ANCHOR_END: measure

    // ANCHOR: size
    let pipeline = random_numbers(42)
        .take(10_000)
        .filter(|n| n % 2 == 1)
        .map(|n| n * n);
    println!(
        "the pipeline, before its first item: {} bytes",
        size_of_val(&pipeline)
    );
    // ANCHOR_END: size
}
