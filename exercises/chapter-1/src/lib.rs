//! Chapter 1, malloc and free. Your exercise: make `count_word` fit its budget.
//!
//! Run `cargo test -p chapter-1`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// Counts the words of `text` that equal `word`, ignoring ASCII case.
///
/// Words are separated by whitespace, and punctuation belongs to the word: `"end."` is not
/// `"end"`.
pub fn count_word(text: &str, word: &str) -> usize {
    let word = word.to_lowercase();
    text.split_whitespace()
        .filter(|candidate| candidate.to_lowercase() == word)
        .count()
}
