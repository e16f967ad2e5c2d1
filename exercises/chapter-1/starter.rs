//! Chapter 1, malloc and free. Your exercise: make `count_word` fit its budgets.
//!
//! Run `cargo test -p chapter-1`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// Counts the words of `text` that equal `word`, ignoring ASCII case and any ASCII punctuation
/// at the end of the text's word.
///
/// Words are separated by whitespace. `"The"`, `"the,"` and `"THE?!"` all match `"the"`.
/// `"(the"` and `"th.e"` do not, because only punctuation at the end is ignored, and neither do
/// `"then"` or `"she"`. `@`, `` ` ``, `[` and `{` are punctuation, not letters: `"@home"` does
/// not match `"`home"`. `word` itself is used as given.
pub fn count_word(text: &str, word: &str) -> usize {
    let word = word.to_ascii_lowercase();
    text.split_whitespace()
        .filter(|candidate| {
            let bare = candidate.trim_end_matches(|c: char| c.is_ascii_punctuation());
            bare.to_ascii_lowercase() == word
        })
        .count()
}
