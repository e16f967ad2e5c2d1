//! The checks of chapter 6: are the screens' answers right, and does every byte come back once
//! nobody holds the station or its screens?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_6 as exercise;
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

use exercise::{Screen, Station};
use seek_and_destroy::{Xorshift, assert_answer};

/// What one screen answers: `seen`, `highest` and `station_readings`.
type Answers = (u64, Option<i64>, u64);

fn answers(screen: &Screen) -> Answers {
    (screen.seen(), screen.highest(), screen.station_readings())
}

/// A reading anywhere in `i64`, extremes included now and then.
fn reading(numbers: &mut Xorshift) -> i64 {
    match numbers.below(8) {
        0 => i64::MIN,
        1 => i64::MAX,
        _ => numbers.next_u64() as i64,
    }
}

/// A generated script of attaches, readings and drops in any order, checked against a model of
/// what each screen must have seen (not measured).
fn check_script(seed: u64) {
    let mut numbers = Xorshift::new(seed);
    let station = Station::new();
    let mut screens: Vec<(Screen, Answers)> = Vec::new();
    let mut readings = 0;
    for step in 0..300 {
        match numbers.below(5) {
            0 | 1 => {
                let value = reading(&mut numbers);
                station.record(value);
                readings += 1;
                for (_, (seen, highest, _)) in &mut screens {
                    *seen += 1;
                    *highest = Some(highest.map_or(value, |h| h.max(value)));
                }
            }
            2 | 3 => screens.push((station.attach_screen(), (0, None, 0))),
            _ if !screens.is_empty() => {
                let _gone = screens.remove(numbers.index(screens.len()));
            }
            _ => {}
        }
        for (index, (screen, (seen, highest, _))) in screens.iter().enumerate() {
            assert_answer!(
                answers(screen),
                (*seen, *highest, readings),
                "screen #{index} after step {step} of script #{seed}"
            );
        }
    }
}

/// The first budget check's work: a station that lives throughout, one screen that stays, and
/// `rounds` screens that come and go, each told about three readings.
fn comings_and_goings(values: &[i64]) -> (u64, i128, u64) {
    let station = Station::new();
    let stays = station.attach_screen();
    let mut sum_of_highests = 0i128;
    for round in values.chunks(3) {
        let screen = station.attach_screen();
        for &value in round {
            station.record(value);
        }
        sum_of_highests += i128::from(screen.highest().unwrap_or(0));
    }
    (stays.seen(), sum_of_highests, stays.station_readings())
}

/// The same answers, from the readings alone.
fn expected_comings_and_goings(values: &[i64]) -> (u64, i128, u64) {
    let sum = values
        .chunks(3)
        .map(|round| i128::from(*round.iter().max().unwrap()))
        .sum();
    (values.len() as u64, sum, values.len() as u64)
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("the_example", || {
            let station = Station::new();
            let screen = station.attach_screen();
            station.record(12);
            station.record(-3);
            assert_answer!(answers(&screen), (2, Some(12), 2));
            drop(station);
            assert_answer!(screen.station_readings(), 2);
        })
        .correctness("a_new_screen_sees_only_what_comes_after_it", || {
            let station = Station::default();
            station.record(100);
            let screen = station.attach_screen();
            assert_answer!(answers(&screen), (0, None, 1));
            station.record(5);
            assert_answer!(answers(&screen), (1, Some(5), 2));
        })
        .correctness("readings_below_zero_and_at_the_extremes", || {
            let station = Station::new();
            let screen = station.attach_screen();
            station.record(-7);
            station.record(i64::MIN);
            assert_answer!(screen.highest(), Some(-7));
            station.record(-7);
            station.record(i64::MAX);
            assert_answer!(answers(&screen), (4, Some(i64::MAX), 4));
        })
        .correctness("a_screen_outlives_its_station", || {
            let station = Station::new();
            let first = station.attach_screen();
            let second = station.attach_screen();
            station.record(1);
            drop(station);
            assert_answer!(answers(&first), (1, Some(1), 1));
            drop(first);
            assert_answer!(answers(&second), (1, Some(1), 1));
        })
        .correctness("dropping_a_screen_leaves_the_others_told", || {
            let station = Station::new();
            let first = station.attach_screen();
            let middle = station.attach_screen();
            let last = station.attach_screen();
            drop(middle);
            station.record(3);
            assert_answer!(answers(&first), (1, Some(3), 1));
            assert_answer!(answers(&last), (1, Some(3), 1));
            drop(first);
            station.record(4);
            assert_answer!(answers(&last), (2, Some(4), 2));
        })
        .correctness("generated_scripts", || {
            for seed in 1..=20 {
                check_script(seed);
            }
        })
        .budget(
            "screens_come_and_go",
            // unmeasured: 1,500 fresh readings, three for each of 500 screens
            || {
                let mut numbers = Xorshift::fresh();
                let values: Vec<i64> = (0..1_500).map(|_| reading(&mut numbers)).collect();
                let expected = expected_comings_and_goings(&values);
                (values, expected)
            },
            // measured: the station, its screens, and the end of all of them
            |values| comings_and_goings(&values),
        )
        .budget(
            "screens_outlive_the_station",
            // unmeasured: 50 fresh readings
            || {
                let mut numbers = Xorshift::fresh();
                let values: Vec<i64> = (0..50).map(|_| reading(&mut numbers)).collect();
                let highest = *values.iter().max().unwrap();
                (values, (200 * 50, i128::from(highest) * 200, 50 * 200))
            },
            // measured: 200 screens, the station dropped first, then every screen
            |values| {
                let station = Station::new();
                let screens: Vec<Screen> = (0..200).map(|_| station.attach_screen()).collect();
                for &value in &values {
                    station.record(value);
                }
                drop(station);
                screens
                    .iter()
                    .fold((0, 0i128, 0), |(seen, highest, readings), screen| {
                        (
                            seen + screen.seen(),
                            highest + i128::from(screen.highest().unwrap_or(0)),
                            readings + screen.station_readings(),
                        )
                    })
            },
        )
        .run();
}
