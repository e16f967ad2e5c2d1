//! Chapter 2, the memory manager. Your exercise: make `expand` fit its budget.
//!
//! Run `cargo test -p chapter-2`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// Expands run-length encoded text: each `(count, c)` stands for `count` copies of `c`, and
/// the runs follow each other in order.
///
/// `expand(&[(3, 'a'), (1, 'é'), (2, '!')])` is `"aaaé!!"`. A count of 0 adds nothing, and no
/// runs give an empty `String`. The characters may be anything Unicode has, from `a` to `🦀`.
pub fn expand(runs: &[(usize, char)]) -> String {
    let mut text = String::new();
    for &(count, c) in runs {
        for _ in 0..count {
            text.push(c);
        }
    }
    text
}
