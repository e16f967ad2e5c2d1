//! After: write the digits into a 20-byte array in the function's own frame.
//!
//! Run it with `cargo run --example ch03-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: palindrome
/// The most digits a `u64` can have: `u64::MAX` is 18446744073709551615.
const MAX_DIGITS: usize = 20;

/// Whether `n` reads the same backwards in base 10.
fn is_palindrome(n: u64) -> bool {
    let mut buffer = [0u8; MAX_DIGITS]; // 20 bytes in this frame, no heap block
    let digits = write_digits(n, &mut buffer);
    digits.iter().eq(digits.iter().rev())
}

/// Writes the decimal digits of `n` at the end of `buffer`, and returns the part it used.
fn write_digits(mut n: u64, buffer: &mut [u8; MAX_DIGITS]) -> &[u8] {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buffer[start..];
        }
    }
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
