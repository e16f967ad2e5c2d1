// mistake: wrapped the log, already a BufRead, in a BufReader of its own
// expect: budget::meter_total_1k_lines over-budget
// expect: budget::meter_total_20k_lines over-budget
use std::io::BufRead;
use std::iter;

/// Simulated readings of a power meter, in watts below 5,000, from a xorshift generator started
/// at `seed` (which must not be 0), for as long as the caller asks. A reading of 0 means the
/// meter was off.
fn simulated_readings(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    iter::from_fn(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let watts = state % 5_000;
        // One reading in eight is taken while the meter is off.
        Some(if state >> 61 == 0 { 0 } else { watts })
    })
}

/// In the first `count` simulated readings of the meter seeded with `seed`, how many times a
/// reading is higher than the reading before it. Readings of 0 (the meter was off) are left
/// out, so a reading is compared with the last one taken while the meter was on.
pub fn count_rises(seed: u64, count: usize) -> usize {
    let mut previous = None; // the last reading taken while the meter was on
    let mut rises = 0;
    for reading in simulated_readings(seed).take(count).filter(|&r| r != 0) {
        if previous.is_some_and(|p| reading > p) {
            rises += 1;
        }
        previous = Some(reading);
    }
    rises
}

/// Reads a meter log and returns how many readings it holds for `meter`, and their total.
///
/// Lines may end in `\n` or `\r\n`, and the last one may have no line ending. Blank lines and
/// comment lines (starting with `#`) are skipped.
pub fn meter_total(log: impl BufRead, meter: &str) -> (usize, i64) {
    let mut log = std::io::BufReader::new(log);
    let mut line = String::new(); // one buffer, reused for every line
    let mut readings = 0;
    let mut total = 0;
    while log.read_line(&mut line).expect("the log is UTF-8 text") > 0 {
        // read_line keeps the line ending, and appends: trim the one, clear for the other.
        let text = line.trim_end();
        if !text.is_empty() && !text.starts_with('#') {
            let (name, value) = text.split_once(' ').expect("a name, a space, a number");
            if name == meter {
                readings += 1;
                total += value.parse::<i64>().expect("a number of watt-hours");
            }
        }
        line.clear();
    }
    (readings, total)
}
