//! The checks of chapter 2: is `running_totals` right, and does it stay within its budget?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_2 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::running_totals;
use seek_and_destroy::assert_answer;

/// `len` values below 2^40, the same on every run. Even 5,000 of them total less than 2^53,
/// so no total overflows.
fn values(len: usize, seed: u64) -> Vec<u64> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            // xorshift64: cheap, deterministic, good enough for test data.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state >> 24
        })
        .collect()
}

/// The answer, computed another way: each total summed from scratch (not measured).
fn expected(values: &[u64]) -> Vec<u64> {
    (1..=values.len())
        .map(|end| values[..end].iter().sum())
        .collect()
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("no_values_no_totals", || {
            assert_answer!(running_totals(&[]), Vec::<u64>::new());
        })
        .correctness("one_value_is_its_own_total", || {
            assert_answer!(running_totals(&[7]), [7]);
        })
        .correctness("each_total_adds_one_value", || {
            assert_answer!(running_totals(&[3, 1, 4, 1, 5]), [3, 4, 8, 9, 14]);
        })
        .correctness("zeros_keep_the_total", || {
            assert_answer!(running_totals(&[0, 0, 5, 0]), [0, 0, 5, 5]);
        })
        .correctness("totals_may_reach_u64_max", || {
            assert_answer!(running_totals(&[u64::MAX - 1, 1]), [u64::MAX - 1, u64::MAX]);
        })
        .correctness("generated_values", || {
            for (seed, len) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 17), (6, 100), (7, 1000)] {
                let values = values(len, seed);
                assert_answer!(
                    running_totals(&values),
                    expected(&values),
                    "{len} generated values (#{seed})"
                );
            }
        })
        .budget(
            "running_totals",
            || {
                let values = values(3000, 42);
                let answer = expected(&values);
                (values, answer)
            },
            |values| running_totals(&values),
        )
        .run();
}
