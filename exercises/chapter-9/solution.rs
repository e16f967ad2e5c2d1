//! The solution of chapter 9: read the log twice where it lies, and copy one name at the end.

// ANCHOR: solution
/// The sensor and value of one line, borrowed from the log.
fn reading(line: &str) -> (&str, i64) {
    let mut fields = line.split(',').skip(1); // an iterator over the line: no Vec
    let sensor = fields.next().expect("a sensor");
    let value = fields
        .next()
        .expect("a value")
        .parse()
        .expect("a whole number");
    (sensor, value)
}

/// The reading farthest from the mean of all the readings in `log`, as `(sensor, value)`, or
/// `None` if the log has no lines.
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    // First pass: the count and the sum. Nothing is kept but two numbers.
    let (mut n, mut sum) = (0i128, 0i128);
    for line in log.lines() {
        n += 1;
        sum += i128::from(reading(line).1);
    }

    // Second pass: the farthest reading so far, as a `&str` into the log.
    let mut farthest = None;
    let mut largest = -1;
    for line in log.lines() {
        let (sensor, value) = reading(line);
        let distance = (i128::from(value) * n - sum).abs();
        if distance > largest {
            largest = distance;
            farthest = Some((sensor, value));
        }
    }

    // One block: the answer's name, copied once.
    farthest.map(|(sensor, value)| (sensor.to_string(), value))
}
// ANCHOR_END: solution
