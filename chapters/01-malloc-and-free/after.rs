//! After: count a word, ignoring case, by comparing each word in place.
//!
//! Run it with `cargo run --example ch01-after`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Eleven words, four of which are "the" in some case.
const SENTENCE: &str = "The cat saw the dog, and THE dog saw the cat. ";

// ANCHOR: count_word
/// Counts the words of `text` that equal `word`, ignoring ASCII case.
fn count_word(text: &str, word: &str) -> usize {
    text.split_whitespace()
        .filter(|candidate| candidate.eq_ignore_ascii_case(word)) // reads both, copies neither
        .count()
}
// ANCHOR_END: count_word

fn main() {
    let text = SENTENCE.repeat(100); // built before measuring: not counted
    // ANCHOR: measure
    let (matches, memory) = measure_memory(|| count_word(black_box(&text), black_box("the")));
    let words = text.split_whitespace().count();
    println!("words: {words}, matches: {matches}");
    println!("{memory}");
    // ANCHOR_END: measure
}
