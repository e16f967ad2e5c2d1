// mistake: lowered the whole text and the needle once, then compared slices of the copy
// expect: budget::count_word over-budget
// expect: budget::count_word_across_byte_lengths over-budget
pub fn count_word(text: &str, word: &str) -> usize {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| *bare == word)
        .count()
}
