// mistake: summed in i64 with wrapping arithmetic, to silence the overflow panic
// expect: correctness::sums_beyond_i64 wrong
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    fn reading(line: &str) -> (&str, i64) {
        let mut fields = line.split(',').skip(1);
        let sensor = fields.next().unwrap();
        (sensor, fields.next().unwrap().parse().unwrap())
    }
    let (mut n, mut sum) = (0i64, 0i64);
    for line in log.lines() {
        n += 1;
        sum = sum.wrapping_add(reading(line).1);
    }
    let mut farthest = None;
    let mut largest = -1;
    for line in log.lines() {
        let (sensor, value) = reading(line);
        let distance = (i128::from(value) * i128::from(n) - i128::from(sum)).abs();
        if distance > largest {
            largest = distance;
            farthest = Some((sensor, value));
        }
    }
    farthest.map(|(sensor, value)| (sensor.to_string(), value))
}
