// ANCHOR: solution
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
    text.split_whitespace()
        // Trimming returns a shorter slice of the same bytes: no copy.
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| same_in_lower_case(bare, word))
        .count()
}

/// Lowers both words one character at a time and compares the two streams as they come, so
/// neither lower-case word is ever written down. `char::to_lowercase` yields one or more
/// characters, never a `String`; `Iterator::eq` stops at the first difference, and also when
/// one stream ends first, which catches a prefix.
fn same_in_lower_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}
// ANCHOR_END: solution
