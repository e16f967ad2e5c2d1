// mistake: reused the page's eq_ignore_ascii_case, which folds A-Z only
// expect: correctness::counts_every_case wrong
// expect: correctness::a_capital_may_lower_to_fewer_bytes wrong
// expect: budget::count_word wrong
// expect: budget::count_word_across_byte_lengths wrong
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| bare.eq_ignore_ascii_case(word))
        .count()
}
