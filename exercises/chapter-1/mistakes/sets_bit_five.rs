// mistake: folded case by setting bit 5 of every byte, which also turns @ into ` and [ into {
// expect: correctness::symbols_are_not_letters wrong
// expect: correctness::the_word_may_have_any_case wrong
// expect: budget::count_word_across_byte_lengths wrong
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| {
            bare.len() == word.len()
                && bare
                    .bytes()
                    .zip(word.bytes())
                    .all(|(a, b)| a | 0x20 == b | 0x20)
        })
        .count()
}
