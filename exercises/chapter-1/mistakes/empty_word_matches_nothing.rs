// mistake: returned 0 at once for an empty needle, and trimmed Unicode punctuation too
// expect: correctness::the_empty_word_matches_bare_punctuation wrong
// expect: correctness::punctuation_elsewhere_is_kept wrong
pub fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .filter(|bare| {
            bare.chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars().flat_map(char::to_lowercase))
        })
        .count()
}
