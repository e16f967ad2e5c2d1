//! Chapter 3, stack and heap. Your exercise: make `prime_factors` fit its budgets.
//!
//! Run `cargo test -p chapter-3`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// The prime factors of `n`, smallest first, each as many times as it divides `n`: `12` gives
/// `[2, 2, 3]`, `7` gives `[7]`, and `0` and `1` give no factor at all.
///
/// You may change the return type: the checks accept any type that dereferences to `[u64]`,
/// as `Vec<u64>` does (`let factors: &[u64] = &prime_factors(n);`).
pub fn prime_factors(mut n: u64) -> Vec<u64> {
    let mut factors = Vec::new();
    let mut divisor = 2;
    // `divisor <= n / divisor` is `divisor² <= n`, without overflowing.
    while n > 1 && divisor <= n / divisor {
        while n.is_multiple_of(divisor) {
            factors.push(divisor);
            n /= divisor;
        }
        divisor += 1;
    }
    if n > 1 {
        factors.push(n); // what is left has no divisor up to its square root: a prime
    }
    factors
}
