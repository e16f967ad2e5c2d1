//! The checks of chapter 1: is `count_word` right, and does it stay within its budgets?

#[global_allocator]
static ALLOC: seek_and_destroy::CheckAlloc = seek_and_destroy::CheckAlloc;

#[cfg(not(any(feature = "solution", feature = "mistake")))]
use chapter_1 as exercise;
#[cfg(feature = "solution")]
#[path = "../solution.rs"]
mod exercise;
#[cfg(feature = "mistake")]
mod exercise {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/mistakes/",
        env!("SEEK_AND_DESTROY_MISTAKE"),
        ".rs"
    ));
}

use exercise::count_word;
use seek_and_destroy::{Xorshift, assert_answer};

/// Words around `été`, in groups. Within a group every word has the same length in bytes,
/// trimmed and lowered too, so that any word of a group can stand in any place: a text's
/// content can change from run to run while every figure of the starter stays the same.
/// Matches in several cases and with punctuation at the end; near-misses with another accent,
/// without accents, with a prefix, with punctuation elsewhere, and with a closing guillemet,
/// which is not ASCII punctuation.
const AROUND_ETE: &[&[&str]] = &[
    &[
        "été", "ÉTÉ", "Été", "éTé", "ÉtÉ", "étè", "ÊTÉ", "êté", "ÉTÈ",
    ],
    &["été.", "ÉTÉ!", "Été,", "été)", "étè.", "ÊTÉ?"],
    &["(été", "(ÉTÉ", "étés", "ÉTÉS", "é.té", "é'té"],
    &["ete", "ETE", "Ete", "tee"],
    &["été»", "ÉTÉ»"],
    &["the", "cat", "and", "dog"],
];

/// Ways to write the needle `été`, all of one length.
const ETE: [&str; 5] = ["été", "ÉTÉ", "Été", "éTé", "ÉtÉ"];

/// Words around `kilo`, in groups as above. The Kelvin sign `K` (U+212A) lowers to an ASCII
/// `k`: 3 bytes become 1, so a word can match a needle of another length in bytes.
const AROUND_KILO: &[&[&str]] = &[
    &["kilo", "KILO", "Kilo", "kilO", "kila", "KILA", "ki1o"],
    &["\u{212A}ilo", "\u{212A}ILO", "\u{212A}iLo", "\u{212A}ila"],
    &["kilos", "KILOS", "(kilo", "k.ilo", "ki-lo"],
    &["kilo.", "KILO!", "Kilo,", "kila?"],
    &["the", "cat", "and", "dog"],
];

/// Ways to write the needle `kilo`, all of one length.
const KILO: [&str; 4] = ["kilo", "KILO", "Kilo", "kILO"];

/// A text of `words` words separated by one or more spaces, tabs or newlines. `layout` picks
/// each word's group and the separators; `content` picks the word within its group. The
/// same layout gives texts of the same shape, whatever the content.
fn text(groups: &[&[&str]], words: usize, layout: &mut Xorshift, content: &mut Xorshift) -> String {
    let mut out = String::new();
    for _ in 0..words {
        let group = groups[layout.index(groups.len())];
        out.push_str(group[content.index(group.len())]);
        out.push_str(match layout.below(11) {
            0 => "\n",
            1 => "\t",
            2 => "  ",
            _ => " ",
        });
    }
    out
}

/// The answer, computed another way: ASCII punctuation trimmed byte by byte, then both words
/// lowered whole (not measured).
fn expected(text: &str, word: &str) -> usize {
    let word = word.to_lowercase();
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
            let bare = std::str::from_utf8(bytes).expect("trimmed at an ASCII byte");
            bare.to_lowercase() == word
        })
        .count()
}

/// A budget check's input: a text of fixed shape and fresh content, a needle written in a
/// fresh case, and the count the measured call must give.
fn workload(groups: &[&[&str]], needles: &[&'static str]) -> ((String, &'static str), usize) {
    let mut layout = Xorshift::new(42);
    let mut content = Xorshift::fresh();
    let text = text(groups, 2000, &mut layout, &mut content);
    let needle = needles[content.index(needles.len())];
    let count = expected(&text, needle);
    ((text, needle), count)
}

fn main() {
    seek_and_destroy::exercise!()
        .correctness("counts_every_case", || {
            assert_answer!(count_word("The cat saw the dog. THE end", "the"), 3);
            assert_answer!(count_word("Été est là. ÉTÉ, été! éTé", "été"), 4);
        })
        .correctness("the_word_may_have_any_case", || {
            assert_answer!(count_word("a A b", "A"), 2);
            assert_answer!(count_word("ÉCOLE école ecole", "École"), 2);
            assert_answer!(count_word("ΑΛΦΑ άλφα αλφα Αλφα", "αλφα"), 3);
        })
        .correctness("accents_are_letters", || {
            assert_answer!(count_word("ete été étè ête ÉTÉ", "été"), 2);
            assert_answer!(count_word("ete été étè ête ETE", "ete"), 2);
        })
        .correctness("a_capital_may_lower_to_two_characters", || {
            // İ (U+0130) lowers to i followed by a combining dot (U+0307).
            assert_answer!(
                count_word(
                    "İSTANBUL i\u{307}stanbul istanbul İstanbul!",
                    "i\u{307}stanbul"
                ),
                3
            );
            assert_answer!(
                count_word("İSTANBUL i\u{307}stanbul istanbul", "İstanbul"),
                2
            );
            assert_answer!(count_word("İ i", "i"), 1);
        })
        .correctness("a_capital_may_lower_to_fewer_bytes", || {
            // The Kelvin sign (3 bytes) lowers to an ASCII k (1 byte).
            assert_answer!(count_word("\u{212A}ilo kilo KILO kil", "kilo"), 3);
            assert_answer!(count_word("\u{212A}ilo kilo KILO kil", "\u{212A}ILO"), 3);
        })
        .correctness("punctuation_at_the_end_is_ignored", || {
            assert_answer!(count_word("end. end end! end?! end...", "end"), 5);
            assert_answer!(count_word("été... ÉTÉ?! été", "été"), 3);
        })
        .correctness("punctuation_elsewhere_is_kept", || {
            assert_answer!(count_word("(end e.nd end's end", "end"), 1);
            // » is punctuation, but not ASCII: it stays.
            assert_answer!(count_word("été» «été été", "été"), 1);
        })
        .correctness("a_near_miss_is_not_a_match", || {
            assert_answer!(count_word("there then the she thy tha", "the"), 1);
            assert_answer!(count_word("ét été étés ÉTÉS é", "été"), 1);
        })
        .correctness("symbols_are_not_letters", || {
            assert_answer!(count_word("@home `home @HOME `HOME! [a {a", "@home"), 2);
            assert_answer!(count_word("[a {a [A", "{a"), 1);
        })
        .correctness("the_empty_word_matches_bare_punctuation", || {
            assert_answer!(count_word("?! ... the", ""), 2);
            assert_answer!(count_word("the cat", ""), 0);
            assert_answer!(count_word("", ""), 0);
        })
        .correctness("an_empty_text_has_no_words", || {
            assert_answer!(count_word("", "the"), 0);
            assert_answer!(count_word(" \n\t ", "été"), 0);
        })
        .correctness("generated_texts", || {
            for seed in 1..=20 {
                let (mut layout, mut content) = (Xorshift::new(seed), Xorshift::new(seed + 100));
                let text = text(AROUND_ETE, 200, &mut layout, &mut content);
                for word in ["été", "ÉTÉ", "ete", "étè", "été»"] {
                    assert_answer!(
                        count_word(&text, word),
                        expected(&text, word),
                        "word {word:?} in generated text #{seed}"
                    );
                }
                let text = self::text(AROUND_KILO, 200, &mut layout, &mut content);
                for word in ["kilo", "\u{212A}ILO", "kila", "kilos"] {
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
            // unmeasured: the text, the needle, and the count the measured call must give
            || workload(AROUND_ETE, &ETE),
            // measured
            |(text, needle)| count_word(&text, needle),
        )
        .budget(
            "count_word_across_byte_lengths",
            || workload(AROUND_KILO, &KILO),
            |(text, needle)| count_word(&text, needle),
        )
        .run();
}
