//! The checks of chapter 1: is `count_word` right, and does it stay within its budget?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_1 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::count_word;
use seek_and_destroy::assert_answer;

/// A text of `words` words from a small vocabulary, in mixed case, the same on every run.
fn text(words: usize, seed: u64) -> String {
    const VOCABULARY: [&str; 8] = ["the", "THE", "The", "then", "cat", "the.", "other", "tHe"];
    let mut state = seed;
    let mut out = String::new();
    for _ in 0..words {
        // xorshift64: cheap, deterministic, good enough to shuffle words.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(VOCABULARY[(state % VOCABULARY.len() as u64) as usize]);
        out.push(if state % 5 == 0 { '\n' } else { ' ' });
    }
    out
}

/// The answer, computed the obvious way (this check is not measured).
fn expected(text: &str, word: &str) -> usize {
    let word = word.to_ascii_lowercase();
    text.split_whitespace()
        .filter(|w| w.to_ascii_lowercase() == word)
        .count()
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("counts_every_case", || {
            assert_answer!(count_word("The cat saw the dog. THE end", "the"), 3);
        })
        .correctness("the_word_may_have_any_case", || {
            assert_answer!(count_word("a A b", "A"), 2);
        })
        .correctness("punctuation_belongs_to_the_word", || {
            assert_answer!(count_word("end. end end!", "end"), 1);
        })
        .correctness("a_longer_word_is_not_a_match", || {
            assert_answer!(count_word("there then the", "the"), 1);
        })
        .correctness("an_empty_text_has_no_words", || {
            assert_answer!(count_word("", "the"), 0);
            assert_answer!(count_word(" \n\t ", "the"), 0);
        })
        .correctness("generated_texts", || {
            for seed in 1..=20 {
                let text = text(200, seed);
                for word in ["the", "THEN", "cat", "the."] {
                    assert_answer!(
                        count_word(&text, word),
                        expected(&text, word),
                        "word {word:?} in generated text #{seed}"
                    );
                }
            }
        })
        .budget(
            "count_word",
            || {
                let text = text(2000, 42);
                let answer = expected(&text, "the");
                (text, answer)
            },
            |text| count_word(&text, "the"),
        )
        .run();
}
