// mistake: ended a reading only at whitespace, so a reading written next to a bracket is lost or glued to the next
// expect: correctness::readings_next_to_brackets wrong
pub fn group_medians(text: &str) -> Vec<u32> {
    let mut medians = Vec::with_capacity(text.bytes().filter(|&b| b == b')').count());
    let mut levels: Vec<Vec<u32>> = Vec::new();
    let mut depth = 0;
    let mut number: Option<u32> = None;
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            number = Some(number.unwrap_or(0) * 10 + digit);
            continue;
        }
        match c {
            '(' => {
                if depth == levels.len() {
                    levels.push(Vec::new());
                }
                levels[depth].clear();
                depth += 1;
            }
            ')' => {
                depth -= 1;
                let group = &mut levels[depth];
                if !group.is_empty() {
                    group.sort_unstable();
                    medians.push(group[(group.len() - 1) / 2]);
                }
            }
            _ => {
                if let Some(reading) = number.take()
                    && depth > 0
                {
                    levels[depth - 1].push(reading);
                }
            }
        }
    }
    medians
}
