//! The checks of chapter 10: does `measured` report what the toolkit's `measure_memory`
//! reports, and what does the report itself cost?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(feature = "solution"))]
use chapter_10 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::measured;
use seek_and_destroy::{Measurement, Xorshift, assert_answer, measure_memory};

/// The toolkit's line for `measurement`, without its time: what `measured` must print.
fn toolkit_line(measurement: &Measurement) -> String {
    let line = measurement.to_string();
    let end = line
        .find(" | time:")
        .expect("the toolkit's line ends with its time");
    line[..end].to_owned()
}

/// `work`'s result and the toolkit's line for it, from a profiler of the toolkit's own.
fn expected<T>(work: impl FnOnce() -> T) -> (T, String) {
    let (result, measurement) = measure_memory(work);
    (result, toolkit_line(&measurement))
}

/// Runs `body` under a fresh profiler, as a reader's program would.
fn profiled<T>(body: impl FnOnce() -> T) -> T {
    let _profiler = dhat::Profiler::builder().testing().build();
    body()
}

/// `n` numbers pushed one by one into `Vec::new()`: the Vec grows by doubling.
fn grow(n: u64) -> Vec<u64> {
    let mut numbers = Vec::new();
    for i in 0..n {
        numbers.push(i);
    }
    numbers
}

/// The words of `text`, each copied into a `String` of its own, then counted and dropped.
fn count_words(text: &str) -> usize {
    let words: Vec<String> = text.split_whitespace().map(String::from).collect();
    words.len()
}

/// `n` temporary strings, each freed before the next: a total, and nothing left.
fn digits(n: u64) -> usize {
    (0..n).map(|i| i.to_string().len()).sum()
}

/// A text of `words` words of 1 to 12 letters, the same on every run for one seed.
fn generated_text(seed: u64, words: usize) -> String {
    let mut numbers = Xorshift::new(seed);
    let mut text = String::new();
    for _ in 0..words {
        let letters = 1 + numbers.below(12);
        for _ in 0..letters {
            text.push(char::from(b'a' + numbers.below(26) as u8));
        }
        text.push(' ');
    }
    text
}

/// A workload whose figures the seed decides: one of three kinds, of a random size.
#[derive(Clone, Copy, Debug)]
enum Job {
    Grow(u64),
    Words(u64),
    Digits(u64),
}

impl Job {
    fn generated(numbers: &mut Xorshift) -> Job {
        // Sizes 0 to 2 now and then, for the singulars ("1 block") and the zeros.
        let size = if numbers.below(4) == 0 {
            numbers.below(3)
        } else {
            numbers.below(400)
        };
        match numbers.below(3) {
            0 => Job::Grow(size),
            1 => Job::Words(size),
            _ => Job::Digits(size),
        }
    }

    /// Runs the job; its result is a length, and the blocks it keeps are in the Vec.
    fn run(self) -> (usize, Vec<u64>) {
        match self {
            Job::Grow(n) => (0, grow(n)),
            Job::Words(n) => (count_words(&generated_text(n, n as usize)), Vec::new()),
            Job::Digits(n) => (digits(n), Vec::new()),
        }
    }
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("the_result_comes_back", || {
            let (result, _) = profiled(|| measured(|| 6 * 7));
            assert_answer!(result, 42);
            let (words, _) = profiled(|| measured(|| count_words("seek and destroy")));
            assert_answer!(words, 3);
        })
        .correctness("nothing_allocated", || {
            let (_, line) = profiled(|| measured(|| 6 * 7));
            assert_answer!(
                line,
                "new: 0 blocks, 0 bytes | peak: 0 blocks, 0 bytes | live: 0 blocks, 0 bytes"
            );
        })
        .correctness("a_growing_vec_as_the_toolkit_sees_it", || {
            let expected = expected(|| grow(1_000));
            assert_answer!(
                expected.1,
                "new: 9 blocks, 16352 bytes | peak: 1 block, 8192 bytes | live: 1 block, 8192 bytes",
                "the toolkit's own line: if this fails, the workload changed"
            );
            assert_answer!(profiled(|| measured(|| grow(1_000))), expected);
        })
        .correctness("temporaries_leave_nothing_live", || {
            let expected = expected(|| digits(500));
            assert_answer!(profiled(|| measured(|| digits(500))), expected);
        })
        .correctness("blocks_that_were_live_before_do_not_count", || {
            let expected = expected(|| grow(100));
            let yours = profiled(|| {
                let kept: Vec<String> = (0..50).map(|i| i.to_string()).collect();
                let yours = measured(|| grow(100));
                drop(kept);
                yours
            });
            assert_answer!(yours, expected);
        })
        .correctness("a_new_peak_above_an_earlier_one", || {
            let expected = expected(|| grow(1_000));
            let yours = profiled(|| {
                drop(vec![0u8; 1_000]); // a peak of 1,000 bytes, before the work
                measured(|| grow(1_000))
            });
            assert_answer!(yours, expected);
        })
        .correctness("an_earlier_peak_hides_the_work_s_own", || {
            let (numbers, line) = expected(|| grow(1_000));
            let line = line.replace("peak: 1 block, 8192 bytes", "peak: unknown");
            let yours = profiled(|| {
                drop(vec![0u8; 100_000]); // a peak of 100,000 bytes, before the work
                measured(|| grow(1_000))
            });
            assert_answer!(yours, (numbers, line));
        })
        .correctness("generated_jobs", || {
            let mut numbers = Xorshift::new(0x0c10_5eed);
            for _ in 0..60 {
                let job = Job::generated(&mut numbers);
                let expected = expected(|| job.run());
                assert_answer!(profiled(|| measured(|| job.run())), expected, "{job:?}");
            }
        })
        .budget(
            "measured_growing_vec",
            // unmeasured: the answer, from the toolkit's own profiler
            || ((), expected(|| grow(1_000))),
            // measured: the work, and your helper around it
            |()| measured(|| grow(1_000)),
        )
        .budget(
            "measured_generated_words",
            || {
                let text = generated_text(0x00c1_0ad5, 700);
                let answer = expected(|| count_words(&text));
                (text, answer)
            },
            |text| measured(|| count_words(&text)),
        )
        .run();
}
