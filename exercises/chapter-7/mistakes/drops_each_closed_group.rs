// mistake: sized the medians once, but still made a new buffer for every group and dropped it when the group closed
// expect: budget::medians_of_1000_groups over-budget
// expect: budget::medians_of_8000_groups over-budget
pub fn group_medians(text: &str) -> Vec<u32> {
    // The readings of every group still open, innermost last.
    let mut open: Vec<Vec<u32>> = Vec::new();
    let mut medians = Vec::with_capacity(text.bytes().filter(|&b| b == b')').count());
    let mut number: Option<u32> = None;
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            number = Some(number.unwrap_or(0) * 10 + digit);
            continue;
        }
        if let (Some(reading), Some(group)) = (number.take(), open.last_mut()) {
            group.push(reading);
        }
        match c {
            '(' => open.push(Vec::new()),
            ')' => {
                let mut group = open.pop().expect("every ) closes a (");
                if !group.is_empty() {
                    group.sort_unstable();
                    medians.push(group[(group.len() - 1) / 2]);
                }
            }
            c if c.is_whitespace() => {}
            c => panic!("{c:?} is not a bracket, a digit or whitespace"),
        }
    }
    assert!(open.is_empty(), "every ( is closed");
    medians
}
