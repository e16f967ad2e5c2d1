//! Chapter 1's eleven checks as plain `#[test]`s: the same calls on the same kind of inputs,
//! answers only. `cargo xtask bench` times this crate beside `chapter-1` after the same edit.

use plain_chapter_1::count_word;

const AROUND_THE: [&str; 24] = [
    "the", "THE", "The", "tHe", "the.", "the,", "THE?!", "the...", "the)", "the_", "she", "thy",
    "tha", "SHE", "(the", "th.e", "the's", "then", "th", "t@e", "t`e", "@he", "`he", "thé",
];

const AROUND_AT_HOME: [&str; 16] = [
    "@home", "@HOME", "@Home!", "@home.", "`home", "`HOME", "@homes", "@hom", "@hone", "home",
    "[home", "{home", "@home@", "@`home", "(@home", "`home?",
];

/// A text of `words` words from `vocabulary`, drawn with xorshift from `seed`.
fn text(vocabulary: &[&str], words: usize, seed: u64) -> String {
    let mut state = seed.max(1);
    let mut out = String::new();
    for _ in 0..words {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(vocabulary[(state % vocabulary.len() as u64) as usize]);
        out.push_str(match state % 11 {
            0 => "\n",
            1 => "\t",
            2 => "  ",
            _ => " ",
        });
    }
    out
}

/// The answer, computed byte by byte.
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

#[test]
fn counts_every_case() {
    assert_eq!(count_word("The cat saw the dog. THE end", "the"), 3);
}

#[test]
fn the_word_may_have_any_case() {
    assert_eq!(count_word("a A b", "A"), 2);
}

#[test]
fn punctuation_at_the_end_is_ignored() {
    assert_eq!(count_word("end. end end! end?! end...", "end"), 5);
}

#[test]
fn punctuation_elsewhere_is_kept() {
    assert_eq!(count_word("(end e.nd end's end", "end"), 1);
}

#[test]
fn a_near_miss_is_not_a_match() {
    assert_eq!(count_word("there then the she thy tha", "the"), 1);
}

#[test]
fn symbols_are_not_letters() {
    assert_eq!(count_word("@home `home @HOME `HOME! [a {a", "@home"), 2);
    assert_eq!(count_word("[a {a [A", "{a"), 1);
}

#[test]
fn a_word_of_punctuation_is_empty() {
    assert_eq!(count_word("?! ... the", ""), 2);
}

#[test]
fn an_empty_text_has_no_words() {
    assert_eq!(count_word("", "the"), 0);
    assert_eq!(count_word(" \n\t ", "the"), 0);
}

#[test]
fn generated_texts() {
    for seed in 1..=20 {
        let text = text(&AROUND_THE, 200, seed);
        for word in ["the", "THE", "she", "th", "t@e"] {
            assert_eq!(count_word(&text, word), expected(&text, word));
        }
        let text = self::text(&AROUND_AT_HOME, 200, seed);
        for word in ["@home", "`HOME", "{home"] {
            assert_eq!(count_word(&text, word), expected(&text, word));
        }
    }
}

#[test]
fn count_word_on_a_long_text() {
    let text = text(&AROUND_THE, 2000, 42);
    assert_eq!(count_word(&text, "the"), expected(&text, "the"));
}

#[test]
fn count_word_with_symbols_on_a_long_text() {
    let text = text(&AROUND_AT_HOME, 2000, 7);
    assert_eq!(count_word(&text, "@Home"), expected(&text, "@Home"));
}
