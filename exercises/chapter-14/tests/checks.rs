//! The checks of chapter 14: are `count_rises` and `meter_total` right, and do they stay within
//! their budgets?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_14 as exercise;
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

use std::io::BufReader;

use exercise::{count_rises, meter_total};
use seek_and_destroy::{Xorshift, assert_answer};

/// The meter's readings, as the exercise defines them (this copy is not measured).
fn readings(seed: u64, count: usize) -> Vec<u64> {
    let mut numbers = Xorshift::new(seed);
    let mut readings = Vec::with_capacity(count);
    for _ in 0..count {
        let n = numbers.next_u64();
        readings.push(if n >> 61 == 0 { 0 } else { n % 5_000 });
    }
    readings
}

/// The number of rises, computed the obvious way (this check is not measured).
fn expected_rises(seed: u64, count: usize) -> usize {
    let on: Vec<u64> = readings(seed, count)
        .into_iter()
        .filter(|&r| r != 0)
        .collect();
    on.windows(2).filter(|pair| pair[1] > pair[0]).count()
}

/// The meters of the generated logs. Some names begin with others, so that a match on a
/// prefix counts the wrong lines.
const METERS: [&str; 6] = [
    "kitchen",
    "solar",
    "solar-roof",
    "heat-pump",
    "garage",
    "ev-charger-north",
];

/// How a generated log ends its lines.
#[derive(Clone, Copy)]
enum Endings {
    Unix,
    Windows,
}

/// A meter log of `lines` lines: readings of one to four digits, with a comment line now and
/// then, and a blank line now and then. What each line is (its kind, its meter, the sign and
/// the number of digits of its reading), and so the length of every line, comes from `seed`;
/// the digits come from `content`, which a budget check seeds anew each run.
fn meter_log(lines: usize, seed: u64, content: &mut Xorshift, endings: Endings) -> Vec<u8> {
    let mut shape = Xorshift::new(seed);
    let end = match endings {
        Endings::Unix => "\n",
        Endings::Windows => "\r\n",
    };
    let mut text = String::new();
    for _ in 0..lines {
        let state = shape.next_u64();
        match state % 50 {
            0 => text.push_str("# the meters were read again after a power cut"),
            1 => {}
            _ => {
                let meter = METERS[(state >> 8) as usize % METERS.len()];
                let digits = 1 + (state >> 16) % 4;
                let lowest = 10u64.pow(digits as u32 - 1) - u64::from(digits == 1);
                let magnitude = lowest + content.below(10u64.pow(digits as u32) - lowest);
                let sign = if (state >> 24) % 8 < 3 { "-" } else { "" };
                text.push_str(&format!("{meter} {sign}{magnitude}"));
            }
        }
        text.push_str(end);
    }
    text.into_bytes()
}

/// The answer, computed the obvious way on the whole text (this check is not measured).
fn expected_total(log: &[u8], meter: &str) -> (usize, i64) {
    let text = std::str::from_utf8(log).expect("the generated log is UTF-8");
    let values: Vec<i64> = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(' '))
        .filter(|(name, _)| *name == meter)
        .map(|(_, value)| value.parse::<i64>().expect("a generated number"))
        .collect();
    (values.len(), values.iter().sum())
}

/// The example of `meter_total`'s documentation.
const EXAMPLE_LOG: &str = "# meter log of 2026-11-25\nkitchen 310\nsolar-roof -1250\n";

fn main() {
    seek_and_destroy::exercise!()
        .correctness("no_readings_no_rises", || {
            assert_answer!(count_rises(7, 0), 0);
            assert_answer!(count_rises(7, 1), 0, "one reading has nothing before it");
        })
        .correctness("the_first_readings_of_seed_1", || {
            // Seed 1 gives 0 (off), 0 (off), 4457, 2445, 733, 809, 321, 3133, 39, 1398,
            // 0 (off), 953, ...
            assert_answer!(count_rises(1, 3), 0, "4457 has no reading before it");
            assert_answer!(count_rises(1, 6), 1, "733 → 809 rises");
            assert_answer!(count_rises(1, 8), 2, "321 → 3133 rises");
            assert_answer!(
                count_rises(1, 12),
                3,
                "39 → 1398 rises; 1398 → 953 falls, with the 0 between them skipped"
            );
        })
        .correctness("generated_readings", || {
            for seed in 1..=40u64 {
                let count = (seed as usize * 997) % 3_000;
                assert_answer!(
                    count_rises(seed, count),
                    expected_rises(seed, count),
                    "seed {seed}, {count} readings"
                );
            }
        })
        .correctness("the_documented_log", || {
            let log = EXAMPLE_LOG.as_bytes();
            assert_answer!(meter_total(log, "kitchen"), (1, 310));
            assert_answer!(meter_total(log, "solar-roof"), (1, -1250));
            assert_answer!(meter_total(log, "garage"), (0, 0), "no line for this meter");
        })
        .correctness("a_name_is_matched_whole", || {
            let log = "solar 100\nsolar-roof 20\nsolar 3\nsolar-roof-east 1\n".as_bytes();
            assert_answer!(meter_total(log, "solar"), (2, 103));
            assert_answer!(meter_total(log, "solar-roof"), (1, 20));
        })
        .correctness("blank_and_comment_lines_are_skipped", || {
            let log = "\n# kitchen 1000\nkitchen 5\n\n   \nkitchen 6\n#\n".as_bytes();
            assert_answer!(meter_total(log, "kitchen"), (2, 11));
        })
        .correctness("windows_line_endings", || {
            let log = "kitchen 310\r\n\r\nkitchen -10\r\n".as_bytes();
            assert_answer!(meter_total(log, "kitchen"), (2, 300));
        })
        .correctness("readings_beyond_i32", || {
            // A year of a factory's meter: more watt-hours than an i32 holds, either way.
            let log = "factory 3000000000\nfactory -2500000000\nfactory 4000000000\n".as_bytes();
            assert_answer!(meter_total(log, "factory"), (3, 4_500_000_000));
        })
        .correctness("a_crlf_cut_by_the_reader_s_buffer", || {
            // Through buffers of 2 to 9 bytes, many lines end with "\r" at the end of one
            // read and "\n" at the start of the next.
            let log = meter_log(200, 5, &mut Xorshift::fresh(), Endings::Windows);
            for capacity in 2..=9 {
                for meter in ["kitchen", "solar"] {
                    let reader = BufReader::with_capacity(capacity, &log[..]);
                    assert_answer!(
                        meter_total(reader, meter),
                        expected_total(&log, meter),
                        "meter {meter:?}, \\r\\n endings, read {capacity} bytes at a time"
                    );
                }
            }
        })
        .correctness("the_last_line_may_have_no_ending", || {
            assert_answer!(
                meter_total("kitchen 1\nkitchen 41".as_bytes(), "kitchen"),
                (2, 42)
            );
            assert_answer!(meter_total("".as_bytes(), "kitchen"), (0, 0));
        })
        .correctness("generated_logs", || {
            let mut content = Xorshift::fresh();
            for seed in 1..=20u64 {
                let endings = if seed % 2 == 0 {
                    Endings::Windows
                } else {
                    Endings::Unix
                };
                let log = meter_log(300 + seed as usize * 37, seed, &mut content, endings);
                for meter in METERS {
                    assert_answer!(
                        meter_total(&log[..], meter),
                        expected_total(&log, meter),
                        "meter {meter:?} in generated log #{seed}"
                    );
                }
            }
        })
        .correctness("a_reader_with_a_small_buffer", || {
            // Lines straddle the reader's 5-byte buffer: a line can take several reads.
            for seed in [3u64, 11] {
                let log = meter_log(500, seed, &mut Xorshift::fresh(), Endings::Unix);
                for meter in ["kitchen", "ev-charger-north"] {
                    let reader = BufReader::with_capacity(5, &log[..]);
                    assert_answer!(
                        meter_total(reader, meter),
                        expected_total(&log, meter),
                        "meter {meter:?} in generated log #{seed}, read 5 bytes at a time"
                    );
                }
            }
        })
        .budget(
            "count_rises",
            || (20_000usize, expected_rises(0x5eed, 20_000)),
            |count| count_rises(0x5eed, count),
        )
        .budget(
            "meter_total_1k_lines",
            || {
                let log = meter_log(1_000, 42, &mut Xorshift::fresh(), Endings::Unix);
                let expected = expected_total(&log, "heat-pump");
                (log, expected)
            },
            |log| meter_total(&log[..], "heat-pump"),
        )
        .budget(
            "meter_total_20k_lines",
            || {
                let log = meter_log(20_000, 4242, &mut Xorshift::fresh(), Endings::Windows);
                let expected = expected_total(&log, "heat-pump");
                (log, expected)
            },
            |log| meter_total(&log[..], "heat-pump"),
        )
        .run();
}
