//! Chapter 7, arenas and reuse. Your exercise: make `group_medians` fit its budgets.
//!
//! Run `cargo test -p chapter-7`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// The median of the readings of every group of `text`, in the order in which the groups
/// close.
///
/// A group is written `( ... )` and holds readings (unsigned integers that fit in a `u32`)
/// and other groups, in any order, separated by spaces, tabs or newlines, or by nothing next
/// to a bracket. A group's readings are the ones directly inside it, not those of the groups
/// inside it. Its median is the reading in the middle once they are sorted; for an even
/// number, the lower of the two in the middle. A group with no reading of its own has no
/// median and adds nothing. Readings outside every group are ignored.
///
/// `"(5 (1 2) 9 2)"` gives `[1, 5]`: the inner group closes first, with 1 and 2, and the outer
/// one has 5, 9 and 2.
///
/// # Panics
///
/// If the brackets do not match, or something other than a bracket, a digit or whitespace
/// appears.
pub fn group_medians(text: &str) -> Vec<u32> {
    // The readings of every group still open, innermost last.
    let mut open: Vec<Vec<u32>> = Vec::new();
    let mut medians = Vec::new();
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
