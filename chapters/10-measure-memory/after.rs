//! After: the toolkit's `measure_memory`, which starts a profiler of its own for the work.
//!
//! Run it with `cargo run --example ch10-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The program's input: 10,000 numbers, read from a text, as a program loads a file.
fn load() -> Vec<u64> {
    let text: String = (0..10_000u64)
        .map(|i| format!("{}\n", i * 7_919 % 10_007))
        .collect();
    text.lines().map(|line| line.parse().unwrap()).collect()
}

/// How many different numbers there are: sort a copy, and count the runs.
fn distinct(numbers: &[u64]) -> usize {
    let mut sorted = numbers.to_vec(); // one block of 80,000 bytes
    sorted.sort_unstable(); // sorts in place: no block
    sorted.dedup();
    sorted.len()
}

fn main() {
    // ANCHOR: main
    let numbers = load(); // no profiler yet: nothing counts, nothing is remembered
    let (count, memory) = measure_memory(|| distinct(black_box(&numbers)));
    println!("{memory}");
    println!("distinct: {count}");
    // ANCHOR_END: main
}
