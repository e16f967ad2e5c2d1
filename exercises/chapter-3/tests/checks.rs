//! The checks of chapter 3: is `count_palindromes` right, and does it stay within its budgets?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_3 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use std::ops::Range;

use exercise::count_palindromes;
use seek_and_destroy::{Xorshift, assert_answer};

/// The digits of `n` in `base`, first one first (not measured).
fn digits_of(mut n: u64, base: u32) -> Vec<u32> {
    let mut digits = Vec::new();
    loop {
        digits.insert(0, (n % u64::from(base)) as u32);
        n /= u64::from(base);
        if n == 0 {
            return digits;
        }
    }
}

/// The number whose digits in `base` are `digits`, if it fits in a `u64`.
fn number_of(digits: &[u32], base: u32) -> Option<u64> {
    digits.iter().try_fold(0u64, |n, &digit| {
        n.checked_mul(u64::from(base))?
            .checked_add(u64::from(digit))
    })
}

/// The answer, computed another way: with `format!` where Rust has a radix for it, and from a
/// list of digits otherwise (not measured).
fn expected(range: Range<u64>, base: u32) -> usize {
    range
        .filter(|&n| {
            let digits: Vec<u32> = match base {
                2 => format!("{n:b}").bytes().map(u32::from).collect(),
                8 => format!("{n:o}").bytes().map(u32::from).collect(),
                10 => n.to_string().bytes().map(u32::from).collect(),
                16 => format!("{n:x}").bytes().map(u32::from).collect(),
                _ => digits_of(n, base),
            };
            digits.iter().eq(digits.iter().rev())
        })
        .count()
}

/// The palindrome in `base` made by mirroring the first half of `n`'s digits (12345 gives
/// 12321 in base 10), if it fits in a `u64`.
fn mirrored(n: u64, base: u32) -> Option<u64> {
    let mut digits = digits_of(n, base);
    let len = digits.len();
    for i in 0..len / 2 {
        digits[len - 1 - i] = digits[i];
    }
    number_of(&digits, base)
}

/// 1,000 numbers around `center`, within the `u64` range.
fn around(center: u64) -> Range<u64> {
    let start = center.saturating_sub(500).min(u64::MAX - 1_000);
    start..start + 1_000
}

/// Ranges and bases, the same on every run: for bases 2 to 36, a range at a random start of
/// any size, up to 64 bits, and a range around a palindrome of that size in that base.
fn generated_cases() -> Vec<(Range<u64>, u32)> {
    let mut numbers = Xorshift::new(0x5eed_ab1e);
    let mut cases = Vec::new();
    for base in 2..=36 {
        // Shift right by a varying amount, so that the starts spread over every size.
        let start = numbers.next_u64() >> ((base * 7) % 64);
        cases.push((around(start), base));
        if let Some(palindrome) = mirrored(start, base) {
            cases.push((around(palindrome), base));
        }
    }
    cases
}

/// The 64-digit palindrome in base 2 whose first 32 digits are those of `seed | 1 << 63`.
fn binary_palindrome(seed: u64) -> u64 {
    let high = seed | 1 << 63;
    let low = u64::from((high >> 32) as u32).reverse_bits() >> 32;
    (high & !0xffff_ffff) | low
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("single_digits_are_palindromes_in_any_base", || {
            assert_answer!(count_palindromes(0..10, 10), 10);
            assert_answer!(count_palindromes(0..2, 2), 2);
            assert_answer!(count_palindromes(0..36, 36), 36);
        })
        .correctness("base_ten", || {
            assert_answer!(count_palindromes(10..11, 10), 0, "10 reads 01 backwards");
            assert_answer!(count_palindromes(121..122, 10), 1);
            assert_answer!(count_palindromes(10..100, 10), 9, "11, 22, ..., 99");
            assert_answer!(count_palindromes(100..1_000, 10), 90);
        })
        .correctness("base_two", || {
            assert_answer!(count_palindromes(5..6, 2), 1, "5 is 101");
            assert_answer!(count_palindromes(6..7, 2), 0, "6 is 110");
            assert_answer!(count_palindromes(9..10, 2), 1, "9 is 1001");
            // 0, 1, 11, 101, 111, 1001, 1111
            assert_answer!(count_palindromes(0..16, 2), 7);
        })
        .correctness("the_same_number_in_other_bases", || {
            // 255 is 11111111 in base 2, 313 in base 9 and ff in base 16, but 377 in base 8.
            assert_answer!(count_palindromes(255..256, 2), 1);
            assert_answer!(count_palindromes(255..256, 8), 0);
            assert_answer!(count_palindromes(255..256, 9), 1);
            assert_answer!(count_palindromes(255..256, 16), 1);
        })
        .correctness("the_end_of_a_range_is_excluded", || {
            assert_answer!(count_palindromes(0..11, 10), 10, "11 is not in 0..11");
            assert_answer!(count_palindromes(0..12, 10), 11);
        })
        .correctness("an_empty_range_has_no_palindromes", || {
            assert_answer!(count_palindromes(5..5, 2), 0);
            #[allow(clippy::reversed_empty_ranges)]
            let backwards = 7..3;
            assert_answer!(count_palindromes(backwards, 10), 0);
        })
        .correctness("sixty_four_binary_digits_near_u64_max", || {
            // u64::MAX is 64 ones in base 2: the longest a u64 gets in any base.
            let all_ones = u64::MAX;
            assert_answer!(count_palindromes(all_ones - 1..all_ones, 2), 0);
            assert_answer!(count_palindromes(all_ones - 1_000..all_ones, 2), 0);
            let p = binary_palindrome(0xdead_beef_0000_0000);
            assert_answer!(count_palindromes(p..p + 1, 2), 1, "{p:b}");
            assert_answer!(count_palindromes(around(p), 2), expected(around(p), 2));
        })
        .correctness("twenty_digits_in_base_ten_and_more_in_base_three", || {
            assert_answer!(count_palindromes(u64::MAX - 1_000..u64::MAX, 10), 0);
            let p = 18_446_744_066_044_764_481; // the largest u64 palindrome in base 10
            assert_answer!(count_palindromes(p..p + 1, 10), 1);
            let range = u64::MAX - 1_000..u64::MAX;
            assert_answer!(count_palindromes(range.clone(), 3), expected(range, 3));
        })
        .correctness("generated_ranges_in_every_base", || {
            for (range, base) in generated_cases() {
                assert_answer!(
                    count_palindromes(range.clone(), base),
                    expected(range.clone(), base),
                    "palindromes in {range:?}, base {base}"
                );
            }
        })
        .budget(
            "count_palindromes_base_10",
            // unmeasured: the range, and the count the measured call must give on it
            || (10_000..15_000u64, expected(10_000..15_000, 10)),
            // measured
            |range| count_palindromes(range, 10),
        )
        .budget(
            "count_palindromes_base_2",
            || {
                let p = binary_palindrome(0x0123_4567_89ab_cdef);
                let range = p - 1_000..p + 1_000;
                (range.clone(), expected(range, 2))
            },
            |range| count_palindromes(range, 2),
        )
        .run();
}
