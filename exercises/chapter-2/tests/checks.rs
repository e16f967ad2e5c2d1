//! The checks of chapter 2: is `expand` right, and does it stay within its budget?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(feature = "solution"))]
use chapter_2 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::expand;
use seek_and_destroy::{Xorshift, assert_answer};

/// Characters of every UTF-8 width: 1 byte (`a`, `@`, `` ` ``, ` `), 2 (`é`, `ß`), 3 (`€`, `中`)
/// and 4 (`🦀`, `𝄞`).
const CHARS: [char; 10] = ['a', '@', '`', ' ', 'é', 'ß', '€', '中', '🦀', '𝄞'];

/// `len` runs with counts from 0 to `max_count` and characters from `chars`, the same on
/// every run of the checks.
fn runs(len: usize, max_count: u64, chars: &[char], seed: u64) -> Vec<(usize, char)> {
    let mut numbers = Xorshift::new(seed);
    (0..len)
        .map(|_| {
            let n = numbers.next_u64();
            let count = (n >> 8) % (max_count + 1);
            (count as usize, chars[(n % chars.len() as u64) as usize])
        })
        .collect()
}

/// The answer, computed another way: one character at a time, into a `String` built by
/// `collect` (not measured).
fn expected(runs: &[(usize, char)]) -> String {
    runs.iter()
        .flat_map(|&(count, c)| std::iter::repeat_n(c, count))
        .collect()
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("no_runs_no_text", || {
            assert_answer!(expand(&[]), String::new());
        })
        .correctness("one_run", || {
            assert_answer!(expand(&[(3, 'a')]), "aaa");
        })
        .correctness("runs_follow_each_other", || {
            assert_answer!(expand(&[(3, 'a'), (1, 'é'), (2, '!')]), "aaaé!!");
        })
        .correctness("a_count_of_zero_adds_nothing", || {
            assert_answer!(expand(&[(0, 'x'), (2, 'y'), (0, 'z')]), "yy");
            assert_answer!(expand(&[(0, '🦀')]), "");
        })
        .correctness("characters_of_every_width", || {
            assert_answer!(expand(&[(2, '🦀'), (1, '€'), (3, 'ß')]), "🦀🦀€ßßß");
        })
        .correctness("generated_runs", || {
            for (seed, len) in [(1, 1), (2, 2), (3, 5), (4, 17), (5, 100), (6, 1000)] {
                let runs = runs(len, 9, &CHARS, seed);
                assert_answer!(
                    expand(&runs),
                    expected(&runs),
                    "{len} generated runs (#{seed})"
                );
            }
        })
        .budget(
            "expand",
            // unmeasured: the runs, and the text the measured call must give for them
            || {
                let runs = runs(2000, 7, &CHARS, 42);
                let text = expected(&runs);
                (runs, text)
            },
            // measured
            |runs| expand(&runs),
        )
        .run();
}
