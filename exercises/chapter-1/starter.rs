//! Chapter 1, malloc and free. Your exercise: make `count_word` fit its budgets.
//!
//! Run `cargo test -p chapter-1`. The checks tell you whether the answer is right and how many
//! heap blocks your code allocated while computing it.

/// Counts the words of `text` that equal `word`, ignoring case in any alphabet and any ASCII
/// punctuation at the end of the text's word.
///
/// Words are separated by whitespace. Two words are equal when they are the same characters
/// once each character is put in lower case as `to_lowercase` does it: `"ÉTÉ"`, `"Été"` and
/// `"été!"` all match `"été"`, but `"étè"` and `"ete"` do not. A character's lower case may be
/// a character of another length in bytes, or two characters. `"(été"` and `"é.té"` do not
/// match, because only punctuation at the end is ignored. `word` itself is used as given, so
/// the empty word matches the words that are nothing but punctuation. (The checks never write
/// a capital sigma, whose lower case `to_lowercase` picks by its place in the word.)
pub fn count_word(text: &str, word: &str) -> usize {
    let word = word.to_lowercase();
    text.split_whitespace()
        .filter(|candidate| {
            let bare = candidate.trim_end_matches(|c: char| c.is_ascii_punctuation());
            bare.to_lowercase() == word
        })
        .count()
}
