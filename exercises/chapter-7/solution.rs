// ANCHOR: solution
/// The median of the readings of every group of `text`, in the order in which the groups
/// close. (The full contract is in the starter's doc comment.)
pub fn group_medians(text: &str) -> Vec<u32> {
    // At most one median per group: one block, asked for once.
    let mut medians = Vec::with_capacity(text.bytes().filter(|&b| b == b')').count());
    // A pool of buffers, one per depth. A closed group's buffer is not dropped: it waits,
    // emptied but with its capacity, for the next group opened at that depth. So the blocks
    // follow the deepest nesting and the largest group, not the number of groups.
    let mut levels: Vec<Vec<u32>> = Vec::new();
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
            levels[depth - 1].push(reading);
        }
        match c {
            '(' => {
                if depth == levels.len() {
                    levels.push(Vec::new()); // a depth never reached before
                }
                levels[depth].clear(); // length 0, capacity kept
                depth += 1;
            }
            ')' => {
                assert!(depth > 0, "every ) closes a (");
                depth -= 1;
                let group = &mut levels[depth];
                if !group.is_empty() {
                    group.sort_unstable();
                    medians.push(group[(group.len() - 1) / 2]);
                }
            }
            c if c.is_whitespace() => {}
            c => panic!("{c:?} is not a bracket, a digit or whitespace"),
        }
    }
    assert!(depth == 0, "every ( is closed");
    medians
}
// ANCHOR_END: solution
