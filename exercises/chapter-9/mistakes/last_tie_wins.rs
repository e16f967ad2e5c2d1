// mistake: kept the farthest with >=, so of two readings as far from the mean the last one wins
// expect: correctness::a_tie_goes_to_the_first_line wrong
// expect: correctness::a_tie_goes_to_the_first_line_above_or_below wrong
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    fn reading(line: &str) -> (&str, i64) {
        let mut fields = line.split(',').skip(1);
        let sensor = fields.next().unwrap();
        (sensor, fields.next().unwrap().parse().unwrap())
    }
    let (mut n, mut sum) = (0i128, 0i128);
    for line in log.lines() {
        n += 1;
        sum += i128::from(reading(line).1);
    }
    let mut farthest = None;
    let mut largest = -1;
    for line in log.lines() {
        let (sensor, value) = reading(line);
        let distance = (i128::from(value) * n - sum).abs();
        if distance >= largest {
            largest = distance;
            farthest = Some((sensor, value));
        }
    }
    farthest.map(|(sensor, value)| (sensor.to_string(), value))
}
