// ANCHOR: solution
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
    range.filter(|&n| is_palindrome(n, u64::from(base))).count()
}

/// The most digits a `u64` can have in any base from 2 up: one per bit, in base 2.
const MAX_DIGITS: usize = u64::BITS as usize;

/// Whether `n` reads the same backwards in base `base`, checked on its digits in a buffer
/// in this frame.
fn is_palindrome(mut n: u64, base: u64) -> bool {
    let mut buffer = [0u8; MAX_DIGITS]; // 64 bytes in the frame, no heap block
    let mut len = 0;
    // The digits come out last one first. A palindrome doesn't mind.
    loop {
        buffer[len] = (n % base) as u8;
        len += 1;
        n /= base;
        if n == 0 {
            break;
        }
    }
    let digits = &buffer[..len];
    digits.iter().eq(digits.iter().rev())
}
// ANCHOR_END: solution
