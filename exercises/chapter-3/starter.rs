//! Chapter 3, stack and heap. Your exercise: make `count_palindromes` fit its budgets.
//!
//! Run `cargo test -p chapter-3`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

use std::ops::Range;

/// Counts the numbers in `range` whose digits in base `base` read the same backwards.
///
/// `base` is from 2 to 36, as for `u64::from_str_radix`. In base 2, `5` (`101`) and `9`
/// (`1001`) are palindromes and `6` (`110`) is not; in base 10, `121` is and `10` is not. `0`
/// is a palindrome in every base.
///
/// # Panics
///
/// If `base` is below 2 or above 36.
pub fn count_palindromes(range: Range<u64>, base: u32) -> usize {
    assert!((2..=36).contains(&base), "base {base} is not from 2 to 36");
    range
        .filter(|&n| {
            let digits = digits(n, u64::from(base));
            digits.iter().eq(digits.iter().rev())
        })
        .count()
}

/// The digits of `n` in base `base`, last one first.
fn digits(mut n: u64, base: u64) -> Vec<u8> {
    let mut digits = Vec::new();
    loop {
        digits.push((n % base) as u8);
        n /= base;
        if n == 0 {
            return digits;
        }
    }
}
