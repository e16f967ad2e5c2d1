// mistake: assumed the readings centre on zero and took the first reading largest in size
// expect: correctness::a_centre_far_from_zero wrong
// expect: correctness::generated_logs wrong
pub fn farthest_from_mean(log: &str) -> Option<(String, i64)> {
    let mut farthest: Option<(&str, i64)> = None;
    for line in log.lines() {
        let mut fields = line.split(',').skip(1);
        let sensor = fields.next().unwrap();
        let value: i64 = fields.next().unwrap().parse().unwrap();
        if farthest.is_none_or(|(_, best)| value.unsigned_abs() > best.unsigned_abs()) {
            farthest = Some((sensor, value));
        }
    }
    farthest.map(|(sensor, value)| (sensor.to_string(), value))
}
