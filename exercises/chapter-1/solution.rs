// ANCHOR: solution
/// Counts the words of `text` that equal `word`, ignoring ASCII case.
///
/// Words are separated by whitespace, and punctuation belongs to the word: `"end."` is not
/// `"end"`.
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .filter(|candidate| candidate.eq_ignore_ascii_case(word))
        .count()
}
// ANCHOR_END: solution
