//! The checks of chapter 9: is `farthest_from_mean` right, does its peak stay the same
//! whatever the length of the log, and how many blocks does it ask for?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_9 as exercise;
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

/// Sensor names of one length (10 bytes), for the budget checks' logs: whichever sensor is the
/// answer, its name costs the same bytes.
const SENSORS_OF_TEN_BYTES: [&str; 4] = ["greenhouse", "kitchen-02", "boiler-rm1", "north-wall"];

/// A log of `lines` readings. `layout` picks the names and statuses, `content` the values: the
/// centre of the readings (anywhere from -1,000,000 to 1,000,000), their spread, and a few
/// outliers above and below at distances drawn for this log, some of them tied. So the
/// farthest reading is not always the first -3000, nor always below the centre.
fn generated_log(
    lines: usize,
    sensors: &[&str],
    layout: &mut Xorshift,
    content: &mut Xorshift,
) -> String {
    let centre = content.below(2_000_001) as i64 - 1_000_000;
    let spread = 1 + content.below(1_000) as i64;
    let far = spread + 1 + content.below(5_000) as i64;
    let mut log = String::new();
    for i in 0..lines {
        let sensor = sensors[layout.index(sensors.len())];
        let value = match content.below(400) {
            0 => centre + far, // an outlier above
            1 => centre - far, // one below, as far: a tie either way round
            2 => centre + far - 1 - content.below(spread as u64) as i64,
            _ => centre + content.below(2 * spread as u64 + 1) as i64 - spread,
        };
        let status = if layout.below(10) == 0 { "check" } else { "ok" };
        log.push_str(&format!(
            "{},{sensor},{value},dC,{status}\n",
            1_700_000_000 + i * 60
        ));
    }
    log
}

/// A budget check's log: names and statuses from a fixed layout, values drawn anew on every
/// run, so its shape (and every figure) stays while its answer changes.
fn budget_log(lines: usize, layout_seed: u64) -> (String, Option<(String, i64)>) {
    let log = generated_log(
        lines,
        &SENSORS_OF_TEN_BYTES,
        &mut Xorshift::new(layout_seed),
        &mut Xorshift::fresh(),
    );
    let answer = expected(&log);
    (log, answer)
}

/// A log of the given values, one line each, with names `s0`, `s1`, ...
fn log_of(values: &[i64]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, value)| format!("{i},s{i},{value},dC,ok\n"))
        .collect()
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
        .correctness("a_tie_goes_to_the_first_line_above_or_below", || {
            // The mean is 0 in both: the first of -5 and 5 wins, whichever it is.
            assert_answer!(
                farthest_from_mean(&log_of(&[5, 0, -5])),
                Some(("s0".to_string(), 5))
            );
            assert_answer!(
                farthest_from_mean(&log_of(&[1, -5, 0, 5, -1])),
                Some(("s1".to_string(), -5))
            );
            assert_answer!(
                farthest_from_mean(&log_of(&[1, 5, 0, -5, -1])),
                Some(("s1".to_string(), 5))
            );
        })
        .correctness("sums_beyond_i64", || {
            // The sum overflows i64; the mean is i64::MAX - 4/3, so the last line is farthest.
            let max = i64::MAX;
            assert_answer!(
                farthest_from_mean(&log_of(&[max, max - 1, max - 3])),
                Some(("s2".to_string(), max - 3))
            );
            let min = i64::MIN;
            assert_answer!(
                farthest_from_mean(&log_of(&[min + 3, min, min + 1])),
                Some(("s0".to_string(), min + 3))
            );
            assert_answer!(
                farthest_from_mean(&log_of(&[min, max, 0])),
                Some(("s0".to_string(), min))
            );
        })
        .correctness("a_centre_far_from_zero", || {
            // Distance is from the mean, not from 0: the reading largest in size is not the
            // farthest here.
            assert_answer!(
                farthest_from_mean(&log_of(&[5_000, 5_010, 4_990, 4_975, 5_000, 5_020])),
                Some(("s3".to_string(), 4_975))
            );
            assert_answer!(
                farthest_from_mean(&log_of(&[-9_000, -9_030, -8_990, -8_950])),
                Some(("s3".to_string(), -8_950))
            );
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
                let log = generated_log(
                    lines,
                    &SENSORS,
                    &mut Xorshift::new(seed),
                    &mut Xorshift::new(seed + 1_000),
                );
                assert_answer!(
                    farthest_from_mean(&log),
                    expected(&log),
                    "a log of {lines} lines (seed {seed})"
                );
            }
            for seed in 10..40 {
                let log = generated_log(
                    400,
                    &SENSORS,
                    &mut Xorshift::new(seed),
                    &mut Xorshift::new(seed * 7),
                );
                assert_answer!(
                    farthest_from_mean(&log),
                    expected(&log),
                    "a log of 400 lines (seed {seed})"
                );
            }
        })
        .budget(
            "a_log_of_2000_lines",
            || budget_log(2_000, 0x5eed_0009),
            |log| farthest_from_mean(&log),
        )
        .budget(
            "a_log_of_16000_lines",
            || budget_log(16_000, 0x9000_5eed),
            |log| farthest_from_mean(&log),
        )
        .budget(
            "blocks_of_a_2000_line_log",
            || budget_log(2_000, 0xb10c_0009),
            |log| farthest_from_mean(&log),
        )
        .run();
}
