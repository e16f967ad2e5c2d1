// ANCHOR: solution
/// Counts the words of `text` that equal `word`, ignoring ASCII case and any ASCII punctuation
/// at the end of the text's word.
///
/// Words are separated by whitespace. `"The"`, `"the,"` and `"THE?!"` all match `"the"`.
/// `"(the"` and `"th.e"` do not, because only punctuation at the end is ignored, and neither do
/// `"then"` or `"she"`. `@`, `` ` ``, `[` and `{` are punctuation, not letters: `"@home"` does
/// not match `"`home"`. `word` itself is used as given.
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        // Trimming returns a shorter slice of the same bytes: no copy.
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        // Compares byte by byte, folding A-Z as it goes: no copy of either side.
        .filter(|bare| bare.eq_ignore_ascii_case(word))
        .count()
}
// ANCHOR_END: solution
