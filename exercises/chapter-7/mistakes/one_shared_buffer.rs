// mistake: kept one buffer for every group, as the page's "after" does for every line, so nested groups mix their readings
// expect: correctness::the_example wrong
// expect: correctness::an_inner_group_does_not_share_its_readings wrong
// expect: budget::medians_of_1000_groups wrong
pub fn group_medians(text: &str) -> Vec<u32> {
    let mut medians = Vec::with_capacity(text.bytes().filter(|&b| b == b')').count());
    let mut readings: Vec<u32> = Vec::new();
    let mut depth = 0;
    let mut number: Option<u32> = None;
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            number = Some(number.unwrap_or(0) * 10 + digit);
            continue;
        }
        if let Some(reading) = number.take()
            && depth > 0
        {
            readings.push(reading);
        }
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if !readings.is_empty() {
                    readings.sort_unstable();
                    medians.push(readings[(readings.len() - 1) / 2]);
                }
                readings.clear();
            }
            _ => {}
        }
    }
    medians
}
