//! The checks of chapter 3: is `prime_factors` right, and does it give its answer without a
//! heap block?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_3 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use exercise::prime_factors;
use seek_and_destroy::{Xorshift, assert_answer};

/// The primes below 1,000, by a sieve (not measured).
fn small_primes() -> Vec<u64> {
    let mut composite = vec![false; 1_000];
    let mut primes = Vec::new();
    for n in 2..1_000 {
        if !composite[n] {
            primes.push(n as u64);
            for multiple in (n * n..1_000).step_by(n) {
                composite[multiple] = true;
            }
        }
    }
    primes
}

/// The factors as a `Vec`, whatever type the reader returns (not measured).
fn factors_of(n: u64) -> Vec<u64> {
    let factors = prime_factors(n);
    let slice: &[u64] = &factors;
    slice.to_vec()
}

/// A number made of `count` prime factors, drawn from `content` among the small primes that
/// keep the product within a `u64`, and the factors, sorted.
fn made_of(count: usize, primes: &[u64], content: &mut Xorshift) -> (u64, Vec<u64>) {
    // No factor above 2^(64 / count), so that the product stays within a u64.
    let bound = (2f64.powf(64.0 / count as f64)).floor() as u64;
    let usable: Vec<u64> = primes.iter().copied().filter(|&p| p <= bound).collect();
    let mut factors: Vec<u64> = (0..count)
        .map(|_| usable[content.index(usable.len())])
        .collect();
    factors.sort_unstable();
    (factors.iter().product(), factors)
}

/// A budget check's numbers: how many factors each has comes from a fixed seed (so every
/// figure stays the same), which primes from a fresh one (so the numbers change every run).
/// Returns the numbers and what the measured call must give: the count of every factor and
/// the sum of the largest ones.
fn workload(numbers: usize, most: u64, layout_seed: u64) -> (Vec<u64>, (usize, u64)) {
    let primes = small_primes();
    let mut layout = Xorshift::new(layout_seed);
    let mut content = Xorshift::fresh();
    let mut all = Vec::new();
    let (mut count, mut largest) = (0, 0u64);
    for _ in 0..numbers {
        let (n, factors) = made_of(1 + layout.below(most) as usize, &primes, &mut content);
        count += factors.len();
        largest = largest.wrapping_add(*factors.last().unwrap());
        all.push(n);
    }
    (all, (count, largest))
}

/// The measured work: every number's factors, reduced to two figures.
fn summary(numbers: &[u64]) -> (usize, u64) {
    numbers.iter().fold((0, 0u64), |(count, largest), &n| {
        let factors = prime_factors(n);
        let slice: &[u64] = &factors;
        (
            count + slice.len(),
            largest.wrapping_add(slice.last().copied().unwrap_or(0)),
        )
    })
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("small_numbers", || {
            assert_answer!(factors_of(12), [2, 2, 3]);
            assert_answer!(factors_of(7), [7]);
            assert_answer!(factors_of(360), [2, 2, 2, 3, 3, 5]);
            assert_answer!(factors_of(1_001), [7, 11, 13]);
        })
        .correctness("zero_and_one_have_no_factors", || {
            assert_answer!(factors_of(0), Vec::<u64>::new());
            assert_answer!(factors_of(1), Vec::<u64>::new());
            assert_answer!(factors_of(2), [2]);
        })
        .correctness("a_factor_repeated_many_times", || {
            assert_answer!(factors_of(1 << 63), vec![2; 63]);
            assert_answer!(factors_of(3u64.pow(40)), vec![3; 40]);
            let mut mixed = vec![2; 40];
            mixed.extend([3; 15]);
            assert_answer!(factors_of((1 << 40) * 3u64.pow(15)), mixed);
        })
        .correctness("large_primes_and_large_numbers", || {
            assert_answer!(factors_of(1_000_000_007), [1_000_000_007]);
            assert_answer!(
                factors_of(u64::MAX),
                [3, 5, 17, 257, 641, 65_537, 6_700_417]
            );
            // A prime near 2^40 times 2: the last factor is found without dividing by it.
            assert_answer!(factors_of(2 * 1_099_511_627_791), [2, 1_099_511_627_791]);
        })
        .correctness("generated_numbers", || {
            let primes = small_primes();
            let mut content = Xorshift::new(3);
            for count in 1..=63 {
                let (n, factors) = made_of(count, &primes, &mut content);
                assert_answer!(factors_of(n), factors, "{n}, made of {count} factors");
            }
        })
        .budget(
            "numbers_of_up_to_12_factors",
            // unmeasured: 2,000 numbers of 1 to 12 prime factors each
            || workload(2_000, 12, 0x3f4c_7035),
            |numbers| summary(&numbers),
        )
        .budget(
            "numbers_of_up_to_63_factors",
            || workload(500, 63, 0x63f4_c703),
            |numbers| summary(&numbers),
        )
        .run();
}
