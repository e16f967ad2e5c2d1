//! Chapter 9, heap profiles and snapshots. Your exercise: make `farthest_from_mean` fit its
//! budget.
//!
//! Run `cargo test -p chapter-9`. The checks tell you whether the answer is right and how much
//! heap your code held at its peak while computing it.

/// One line of the log, parsed.
struct Reading {
    sensor: String,
    value: i64,
}

/// The reading farthest from the mean of all the readings in `log`, as `(sensor, value)`, or
/// `None` if the log has no lines.
///
/// Each line is `TIME,SENSOR,VALUE,UNIT,STATUS`, such as `1700000000,kitchen,215,dC,ok`, and
/// lines end with `\n`. When several readings are equally far from the mean, the first one
/// in the log wins.
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    // Read the log.
    let mut readings = Vec::new();
    for line in log.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        let value: i64 = fields[2].parse().expect("a whole number");
        readings.push(Reading {
            sensor: fields[1].to_string(),
            value,
        });
    }
    if readings.is_empty() {
        return None;
    }

    // The mean is sum / n, so |value - mean| is |value × n - sum| / n: compare in whole
    // numbers, without rounding.
    let n = readings.len() as i128;
    let sum: i128 = readings.iter().map(|r| i128::from(r.value)).sum();
    let mut farthest: Option<&Reading> = None;
    let mut largest = -1;
    for reading in &readings {
        let distance = (i128::from(reading.value) * n - sum).abs();
        if distance > largest {
            largest = distance;
            farthest = Some(reading);
        }
    }
    farthest.map(|reading| (reading.sensor.clone(), reading.value))
}
