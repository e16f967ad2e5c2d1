// mistake: skipped every word whose length in bytes differs from the needle's, to go faster
// expect: correctness::a_capital_may_lower_to_fewer_bytes wrong
// expect: correctness::a_capital_may_lower_to_two_characters wrong
// expect: budget::count_word_across_byte_lengths wrong
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| bare.len() == word.len())
        .filter(|bare| {
            bare.chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars().flat_map(char::to_lowercase))
        })
        .count()
}
