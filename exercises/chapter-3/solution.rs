// ANCHOR: solution
/// Counts the numbers in `range` that read the same backwards as forwards in base 10.
///
/// `0`, `7`, `11` and `121` are palindromes; `10` and `123` are not.
pub fn count_palindromes(range: std::ops::Range<u64>) -> usize {
    range.filter(|&n| is_palindrome(n)).count()
}

/// The most digits a `u64` can have: `u64::MAX` is 18446744073709551615.
const MAX_DIGITS: usize = 20;

/// Whether `n` reads the same backwards, checked on its digits in a buffer in this frame.
fn is_palindrome(mut n: u64) -> bool {
    let mut buffer = [0u8; MAX_DIGITS];
    let mut len = 0;
    // The digits come out last one first. A palindrome doesn't mind.
    loop {
        buffer[len] = (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = &buffer[..len];
    digits.iter().eq(digits.iter().rev())
}
// ANCHOR_END: solution
