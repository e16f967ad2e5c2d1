//! The checks of chapter 3: is `count_palindromes` right, and does it stay within its budget?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_3 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::count_palindromes;
use seek_and_destroy::assert_answer;

/// The largest palindrome a `u64` can hold: `u64::MAX` is 18446744073709551615, and its first
/// half mirrored, 18446744077044764481, is too big.
const LARGEST_U64_PALINDROME: u64 = 18_446_744_066_044_764_481;

/// The answer, computed the obvious way (this check is not measured).
fn expected(range: std::ops::Range<u64>) -> usize {
    range
        .filter(|n| {
            let digits = n.to_string();
            digits.bytes().eq(digits.bytes().rev())
        })
        .count()
}

/// The palindrome made by mirroring the first half of `n`'s digits (12345 gives 12321), if it
/// fits in a `u64`.
fn mirrored(n: u64) -> Option<u64> {
    let digits = n.to_string();
    let front = &digits[..digits.len().div_ceil(2)];
    let back: String = digits[..digits.len() / 2].chars().rev().collect();
    format!("{front}{back}").parse().ok()
}

/// Ranges of 1,000 numbers, the same on every run: some at random starts of every size from 1
/// to 20 digits, and some around a palindrome of that size, so that large numbers are tested
/// with palindromes in range too.
fn generated_ranges() -> Vec<std::ops::Range<u64>> {
    let mut state: u64 = 0x5eed_ab1e;
    let mut ranges = Vec::new();
    for i in 0..20 {
        // xorshift64: cheap, deterministic, good enough to pick starts.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Shift right by a varying amount, so that the starts spread over every size.
        let start = (state >> (i * 64 / 20)).min(u64::MAX - 1_000);
        ranges.push(start..start + 1_000);
        if let Some(palindrome) = mirrored(start) {
            let around = palindrome.saturating_sub(500);
            ranges.push(around..around.saturating_add(1_000));
        }
    }
    ranges
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("zero_to_nine_are_all_palindromes", || {
            assert_answer!(count_palindromes(0..10), 10);
        })
        .correctness("every_single_digit_is_a_palindrome", || {
            for n in 0..10 {
                assert_answer!(count_palindromes(n..n + 1), 1, "{n} is a palindrome");
            }
        })
        .correctness("ten_is_not_a_palindrome", || {
            assert_answer!(count_palindromes(10..11), 0, "10 reads 01 backwards");
        })
        .correctness("one_hundred_twenty_one_is_a_palindrome", || {
            assert_answer!(count_palindromes(121..122), 1);
            assert_answer!(count_palindromes(123..124), 0);
        })
        .correctness("counts_by_number_of_digits", || {
            assert_answer!(count_palindromes(10..100), 9, "11, 22, ..., 99");
            assert_answer!(
                count_palindromes(100..1_000),
                90,
                "aba: 9 choices of a, 10 of b"
            );
            assert_answer!(count_palindromes(0..1_000), 109);
        })
        .correctness("the_end_of_a_range_is_excluded", || {
            assert_answer!(count_palindromes(0..11), 10, "11 is not in 0..11");
            assert_answer!(count_palindromes(0..12), 11);
        })
        .correctness("an_empty_range_has_no_palindromes", || {
            assert_answer!(count_palindromes(5..5), 0);
            #[allow(clippy::reversed_empty_ranges)]
            let backwards = 7..3;
            assert_answer!(count_palindromes(backwards), 0);
        })
        .correctness("twenty_digit_numbers_near_u64_max", || {
            assert_answer!(count_palindromes(u64::MAX - 1_000..u64::MAX), 0);
            let p = LARGEST_U64_PALINDROME;
            assert_answer!(
                count_palindromes(p - 500..p + 500),
                1,
                "{p} is a palindrome"
            );
            assert_answer!(count_palindromes(p..p + 1), 1);
        })
        .correctness("generated_ranges", || {
            for range in generated_ranges() {
                assert_answer!(
                    count_palindromes(range.clone()),
                    expected(range.clone()),
                    "palindromes in {range:?}"
                );
            }
        })
        .budget(
            "count_palindromes",
            || (10_000..15_000u64, expected(10_000..15_000)),
            count_palindromes,
        )
        .run();
}
