// mistake: pushed each prime once, however many times it divides the number
// expect: correctness::small_numbers wrong
// expect: budget::numbers_of_up_to_12_factors wrong
use std::ops::Deref;

/// Every factor is at least 2, so a `u64` below 2^64 has fewer than 64 of them: 2^63 has 63.
const MOST_FACTORS: usize = u64::BITS as usize - 1;

/// The prime factors of one number, held by value: a fixed array and how much of it is used.
/// Its size (512 bytes) is known when compiling, so it lives wherever its owner does, on the
/// stack here, and never asks the allocator for a block.
pub struct Factors {
    found: [u64; MOST_FACTORS],
    len: usize,
}

impl Factors {
    fn push(&mut self, factor: u64) {
        self.found[self.len] = factor;
        self.len += 1;
    }
}

impl Deref for Factors {
    type Target = [u64];

    fn deref(&self) -> &[u64] {
        &self.found[..self.len]
    }
}

/// The prime factors of `n`, smallest first, each as many times as it divides `n`: `12` gives
/// `[2, 2, 3]`, `7` gives `[7]`, and `0` and `1` give no factor at all.
pub fn prime_factors(mut n: u64) -> Factors {
    let mut factors = Factors {
        found: [0; MOST_FACTORS],
        len: 0,
    };
    let mut divisor = 2;
    while n > 1 && divisor <= n / divisor {
        if n.is_multiple_of(divisor) {
            factors.push(divisor);
            while n.is_multiple_of(divisor) {
                n /= divisor;
            }
        }
        divisor += 1;
    }
    if n > 1 {
        factors.push(n);
    }
    factors
}
