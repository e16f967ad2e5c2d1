// mistake: computed the mean as an f64 and compared distances in floating point
// expect: correctness::sums_beyond_i64 wrong
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    let value = |line: &str| -> i64 { line.split(',').nth(2).unwrap().parse().unwrap() };
    let (mut n, mut sum) = (0.0f64, 0.0f64);
    for line in log.lines() {
        n += 1.0;
        sum += value(line) as f64;
    }
    let mean = sum / n;
    let mut farthest = None;
    let mut largest = -1.0;
    for line in log.lines() {
        let distance = (value(line) as f64 - mean).abs();
        if distance > largest {
            largest = distance;
            farthest = Some(line);
        }
    }
    farthest.map(|line| (line.split(',').nth(1).unwrap().to_string(), value(line)))
}
