//! Before: build every value first, in a `Vec`, then add them up.
//!
//! Run it with `cargo run --example ch14-before`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: total
/// The talk's example: a list of ten thousand 4096s, then its sum.
fn total() -> u64 {
    let numbers = vec![black_box(4096u64); 10_000]; // Python: [4096] * 10_000
    numbers.iter().sum()
}
// ANCHOR_END: total

// ANCHOR: pipeline
/// `count` pseudo-random numbers below 1,000, from a xorshift generator started at `seed`.
fn random_numbers(seed: u64, count: usize) -> Vec<u64> {
    let mut state = seed;
    let mut numbers = Vec::new();
    for _ in 0..count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        numbers.push(state % 1_000);
    }
    numbers
}

/// The sum of the squares of the odd ones among `count` random numbers.
fn sum_of_odd_squares(seed: u64, count: usize) -> u64 {
    let numbers = random_numbers(seed, count);
    let odd: Vec<u64> = numbers.iter().copied().filter(|n| n % 2 == 1).collect();
    let squares: Vec<u64> = odd.iter().map(|n| n * n).collect();
    squares.iter().sum()
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
}
