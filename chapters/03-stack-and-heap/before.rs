//! Before: to check whether a number is a palindrome, format it into a `String`.
//!
//! Run it with `cargo run --example ch03-before`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: palindrome
/// Whether `n` reads the same backwards in base 10.
fn is_palindrome(n: u64) -> bool {
    let digits = n.to_string(); // the digits, in a heap block
    digits.bytes().eq(digits.bytes().rev())
}
// ANCHOR_END: palindrome

fn main() {
    // ANCHOR: measure
    let (count, memory) = measure_memory(|| {
        black_box(1_000..2_000u64)
            .filter(|&n| is_palindrome(n))
            .count()
    });
    println!("palindromes from 1,000 to 1,999: {count}");
    println!("{memory}");

    let (answer, memory) = measure_memory(|| is_palindrome(black_box(u64::MAX)));
    println!("is u64::MAX a palindrome? {answer}");
    println!("{memory}");
    // ANCHOR_END: measure
}
