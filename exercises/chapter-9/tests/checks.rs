//! The checks of chapter 9: is `farthest_from_mean` right, does its peak stay the same
//! whatever the length of the log, and how many blocks does it ask for?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_9 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::farthest_from_mean;
use seek_and_destroy::{Xorshift, assert_answer};

/// Sensor names, 4 to 16 bytes long.
const SENSORS: [&str; 8] = [
    "hall",
    "attic",
    "garage",
    "kitchen",
    "bedroom-2",
    "greenhouse",
    "boiler-room",
    "north-window-16b",
];

/// The answer, computed the obvious way (this check is not measured): every reading in a
/// `Vec`, then the first one farthest from the mean, compared as a fraction.
fn expected(log: &str) -> Option<(String, i64)> {
    let readings: Vec<(String, i64)> = log
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (fields[1].to_string(), fields[2].parse().unwrap())
        })
        .collect();
    let n = readings.len() as i128;
    let sum: i128 = readings.iter().map(|(_, v)| i128::from(*v)).sum();
    let distance = |v: i64| (i128::from(v) * n - sum).abs();
    let largest = readings.iter().map(|(_, v)| distance(*v)).max()?;
    readings.into_iter().find(|(_, v)| distance(*v) == largest)
}

/// A log of `lines` readings, the same on every run for the same `seed`: values between
/// -400 and 599 (tenths of a degree), with a few outliers, some of them tied.
fn generated_log(lines: usize, seed: u64) -> String {
    let mut numbers = Xorshift::new(seed);
    let mut log = String::new();
    for i in 0..lines {
        let sensor = SENSORS[numbers.below(SENSORS.len() as u64) as usize];
        let value = match numbers.below(500) {
            0 => 3_000,  // an outlier above
            1 => -3_000, // one below, as far
            _ => numbers.below(1000) as i64 - 400,
        };
        let status = if numbers.below(10) == 0 {
            "check"
        } else {
            "ok"
        };
        log.push_str(&format!(
            "{},{sensor},{value},dC,{status}\n",
            1_700_000_000 + i * 60
        ));
    }
    log
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("an_empty_log_has_no_answer", || {
            assert_answer!(farthest_from_mean(""), None);
        })
        .correctness("one_reading_is_its_own_mean", || {
            assert_answer!(
                farthest_from_mean("1700000000,hall,215,dC,ok\n"),
                Some(("hall".to_string(), 215))
            );
        })
        .correctness("the_farthest_below_the_mean", || {
            let log = "1,hall,200,dC,ok\n2,attic,210,dC,ok\n3,garage,-50,dC,check\n";
            assert_answer!(farthest_from_mean(log), Some(("garage".to_string(), -50)));
        })
        .correctness("the_farthest_above_the_mean", || {
            let log = "1,hall,10,dC,ok\n2,attic,12,dC,ok\n3,garage,11,dC,ok\n4,cellar,90,dC,ok\n";
            assert_answer!(farthest_from_mean(log), Some(("cellar".to_string(), 90)));
        })
        .correctness("a_tie_goes_to_the_first_line", || {
            // The mean is 0: -5 and 5 are as far from it, and -5 comes first.
            let log = "1,attic,-5,dC,ok\n2,hall,0,dC,ok\n3,garage,5,dC,ok\n";
            assert_answer!(farthest_from_mean(log), Some(("attic".to_string(), -5)));
            let same = "1,hall,7,dC,ok\n2,attic,7,dC,ok\n";
            assert_answer!(
                farthest_from_mean(same),
                Some(("hall".to_string(), 7)),
                "every reading is the mean"
            );
        })
        .correctness("the_mean_need_not_be_a_whole_number", || {
            // The mean is 4/3: 0 is 4/3 away, 2 is 2/3 away, so the answer is the first 0.
            let log = "1,hall,0,dC,ok\n2,attic,2,dC,ok\n3,garage,2,dC,ok\n";
            assert_answer!(farthest_from_mean(log), Some(("hall".to_string(), 0)));
        })
        .correctness("generated_logs", || {
            for (lines, seed) in [
                (1, 1),
                (2, 2),
                (3, 3),
                (10, 4),
                (100, 5),
                (999, 6),
                (5000, 7),
            ] {
                let log = generated_log(lines, seed);
                assert_answer!(
                    farthest_from_mean(&log),
                    expected(&log),
                    "a log of {lines} lines (seed {seed})"
                );
            }
        })
        .budget(
            "a_log_of_2000_lines",
            || {
                let log = generated_log(2_000, 0x5eed_0009);
                let answer = expected(&log);
                (log, answer)
            },
            |log| farthest_from_mean(&log),
        )
        .budget(
            "a_log_of_16000_lines",
            || {
                let log = generated_log(16_000, 0x9000_5eed);
                let answer = expected(&log);
                (log, answer)
            },
            |log| farthest_from_mean(&log),
        )
        .budget(
            "blocks_of_a_2000_line_log",
            || {
                let log = generated_log(2_000, 0xb10c_0009);
                let answer = expected(&log);
                (log, answer)
            },
            |log| farthest_from_mean(&log),
        )
        .run();
}
