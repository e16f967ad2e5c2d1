// mistake: took only the first character of each character's lower case, and compared the two words pair by pair with zip
// expect: correctness::a_capital_may_lower_to_two_characters wrong
// expect: correctness::a_near_miss_is_not_a_match wrong
pub fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .map(|candidate| candidate.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|bare| {
            let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
            bare.chars()
                .zip(word.chars())
                .all(|(a, b)| lower(a) == lower(b))
        })
        .count()
}
