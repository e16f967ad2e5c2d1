//! The checks of chapter 1: is `count_word` right, and does it stay within its budgets?

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "solution"))]
use chapter_1 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;

use exercise::count_word;
use seek_and_destroy::{Xorshift, assert_answer};

/// Words around `the`: matches in several cases and with punctuation at the end, and
/// near-misses of the same length, with the same last letter, with punctuation elsewhere, or
/// with a symbol whose code differs from a letter's by one bit (`@` and `` ` ``, `[` and `{`).
const AROUND_THE: [&str; 24] = [
    "the", "THE", "The", "tHe", "the.", "the,", "THE?!", "the...", "the)", "the_", "she", "thy",
    "tha", "SHE", "(the", "th.e", "the's", "then", "th", "t@e", "t`e", "@he", "`he", "thé",
];

/// Words around `@home`, for the needle `@Home`.
const AROUND_AT_HOME: [&str; 16] = [
    "@home", "@HOME", "@Home!", "@home.", "`home", "`HOME", "@homes", "@hom", "@hone", "home",
    "[home", "{home", "@home@", "@`home", "(@home", "`home?",
];

/// A text of `words` words drawn from `vocabulary`, separated by one or more spaces, tabs or
/// newlines, the same on every run.
fn text(vocabulary: &[&str], words: usize, seed: u64) -> String {
    let mut numbers = Xorshift::new(seed);
    let mut out = String::new();
    for _ in 0..words {
        let n = numbers.next_u64();
        out.push_str(vocabulary[(n % vocabulary.len() as u64) as usize]);
        out.push_str(match n % 11 {
            0 => "\n",
            1 => "\t",
            2 => "  ",
            _ => " ",
        });
    }
    out
}

/// The answer, computed another way, byte by byte (not measured).
fn expected(text: &str, word: &str) -> usize {
    let word: Vec<u8> = word.bytes().map(|b| b.to_ascii_lowercase()).collect();
    text.split(char::is_whitespace)
        .filter(|candidate| !candidate.is_empty())
        .filter(|candidate| {
            let mut bytes = candidate.as_bytes();
            while let [rest @ .., last] = bytes {
                if !last.is_ascii_punctuation() {
                    break;
                }
                bytes = rest;
            }
            let bare: Vec<u8> = bytes.iter().map(|b| b.to_ascii_lowercase()).collect();
            bare == word
        })
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
        .correctness("punctuation_at_the_end_is_ignored", || {
            assert_answer!(count_word("end. end end! end?! end...", "end"), 5);
        })
        .correctness("punctuation_elsewhere_is_kept", || {
            assert_answer!(count_word("(end e.nd end's end", "end"), 1);
        })
        .correctness("a_near_miss_is_not_a_match", || {
            assert_answer!(count_word("there then the she thy tha", "the"), 1);
        })
        .correctness("symbols_are_not_letters", || {
            assert_answer!(count_word("@home `home @HOME `HOME! [a {a", "@home"), 2);
            assert_answer!(count_word("[a {a [A", "{a"), 1);
        })
        .correctness("a_word_of_punctuation_is_empty", || {
            assert_answer!(count_word("?! ... the", ""), 2);
        })
        .correctness("an_empty_text_has_no_words", || {
            assert_answer!(count_word("", "the"), 0);
            assert_answer!(count_word(" \n\t ", "the"), 0);
        })
        .correctness("generated_texts", || {
            for seed in 1..=20 {
                let text = text(&AROUND_THE, 200, seed);
                for word in ["the", "THE", "she", "th", "t@e"] {
                    assert_answer!(
                        count_word(&text, word),
                        expected(&text, word),
                        "word {word:?} in generated text #{seed}"
                    );
                }
                let text = self::text(&AROUND_AT_HOME, 200, seed);
                for word in ["@home", "`HOME", "{home"] {
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
            // unmeasured: the text, and the count the measured call must give on it
            || {
                let text = text(&AROUND_THE, 2000, 42);
                let count = expected(&text, "the");
                (text, count)
            },
            // measured
            |text| count_word(&text, "the"),
        )
        .budget(
            "count_word_with_symbols",
            || {
                let text = text(&AROUND_AT_HOME, 2000, 7);
                let count = expected(&text, "@Home");
                (text, count)
            },
            |text| count_word(&text, "@Home"),
        )
        .run();
}
