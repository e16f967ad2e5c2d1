//! The checks of chapter 7: is `line_medians` right, and do its blocks stay the same however
//! long the log?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_7 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::line_medians;
use seek_and_destroy::{Xorshift, assert_answer};

/// The most readings a generated line holds. The budgets' reasons rely on it.
const MOST_READINGS: u64 = 64;

/// A log of `lines` lines of 1 to 64 readings each, the same on every run for a given `seed`.
/// Readings are mostly small, with repeats, and now and then as large as a `u32` gets; the
/// separators are spaces, sometimes several, or tabs.
fn generated_log(lines: usize, seed: u64) -> String {
    let mut numbers = Xorshift::new(seed);
    let mut next = move || numbers.next_u64();
    let mut log = String::new();
    for _ in 0..lines {
        let readings = 1 + next() % MOST_READINGS;
        for i in 0..readings {
            if i > 0 {
                log.push_str(match next() % 8 {
                    0 => "\t",
                    1 => "  ",
                    _ => " ",
                });
            }
            let reading = match next() % 50 {
                0 => u32::MAX - (next() % 3) as u32,
                _ => (next() % 1_000) as u32,
            };
            log.push_str(&reading.to_string());
        }
        log.push('\n');
    }
    log
}

/// The answer, computed the obvious way (not measured).
fn expected(log: &str) -> Vec<u32> {
    let mut medians = Vec::new();
    for line in log.lines() {
        let mut readings: Vec<u32> = line
            .split_whitespace()
            .map(|r| r.parse().unwrap())
            .collect();
        readings.sort();
        medians.push(readings[(readings.len() - 1) / 2]);
    }
    medians
}

/// A generated log of `lines` lines, and its medians: a budget check's input and the answer
/// the measured call must give.
fn workload(lines: usize) -> (String, Vec<u32>) {
    let log = generated_log(lines, 0x7e57_0007 + lines as u64);
    let medians = expected(&log);
    (log, medians)
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("one_reading_is_its_own_median", || {
            assert_answer!(line_medians("7"), [7]);
            assert_answer!(line_medians("0\n"), [0]);
        })
        .correctness("an_odd_count_takes_the_middle", || {
            assert_answer!(line_medians("5 9 2"), [5]);
            assert_answer!(line_medians("50 10 40 20 30"), [30]);
        })
        .correctness("an_even_count_takes_the_lower_middle", || {
            assert_answer!(line_medians("3 1 4 1"), [1]);
            assert_answer!(line_medians("10 20"), [10]);
            assert_answer!(line_medians("8 6 4 2"), [4]);
        })
        .correctness("repeated_readings_count_each_time", || {
            assert_answer!(line_medians("2 2 2 1"), [2]);
            assert_answer!(line_medians("9 1 1 1 9"), [1]);
        })
        .correctness("one_median_per_line_in_order", || {
            assert_answer!(line_medians("5 9 2\n3 1 4 1\n7\n10 20"), [5, 1, 7, 10]);
        })
        .correctness("a_long_line_after_short_ones", || {
            assert_answer!(line_medians("1\n1 2\n3 2 1\n4 3 2 1"), [1, 1, 2, 2]);
            assert_answer!(line_medians("4 3 2 1\n3 2 1\n1 2\n1"), [2, 2, 1, 1]);
        })
        .correctness("tabs_runs_of_spaces_and_crlf", || {
            assert_answer!(line_medians("  4\t8   6 \r\n1\t2\t3\r\n"), [6, 2]);
        })
        .correctness("readings_as_large_as_a_u32", || {
            assert_answer!(line_medians("4294967295 0 4294967295"), [u32::MAX]);
            assert_answer!(line_medians("4294967294 4294967295"), [u32::MAX - 1]);
        })
        .correctness("an_empty_log_has_no_medians", || {
            assert_answer!(line_medians(""), Vec::<u32>::new());
        })
        .correctness("a_line_of_a_thousand_and_one_readings", || {
            // 0 to 1,000, in a scrambled order: the median is 500.
            let line: Vec<String> = (0..=1_000u32)
                .map(|n| (n * 389 % 1_001).to_string())
                .collect();
            let log = format!("3 2 1\n{}\n1 2", line.join(" "));
            assert_answer!(line_medians(&log), [2, 500, 1]);
        })
        .correctness("generated_logs", || {
            for seed in 1..=20 {
                let log = generated_log(50, seed);
                assert_answer!(line_medians(&log), expected(&log), "generated log #{seed}");
            }
        })
        .budget(
            "medians_of_1000_lines",
            || workload(1_000),
            |log| line_medians(&log),
        )
        .budget(
            "medians_of_8000_lines",
            || workload(8_000),
            |log| line_medians(&log),
        )
        .run();
}
