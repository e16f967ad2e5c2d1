//! Before: find the most common word of a text by copying every word into a list, then
//! counting the copies under owned keys.
//!
//! Run it with `cargo run --example ch18-before`.

use std::collections::HashMap;
use std::hint::black_box;

use seek_and_destroy::{Xorshift, measure_memory};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

// ANCHOR: most_common
/// The most common word of `text`, and how often it occurs.
fn most_common(text: &str) -> (String, usize) {
    let words: Vec<String> = text.split_whitespace().map(String::from).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in &words {
        *counts.entry(word.clone()).or_insert(0) += 1;
    }
    counts.into_iter().max_by_key(|&(_, n)| n).unwrap()
}
// ANCHOR_END: most_common

/// 5,000 words drawn from 40, the first ones far more often than the last.
fn text() -> String {
    const WORDS: [&str; 8] = [
        "seek", "and", "destroy", "memory", "block", "heap", "free", "leak",
    ];
    let mut numbers = Xorshift::new(18);
    let mut text = String::new();
    for _ in 0..5_000 {
        let among = numbers.index(40) + 1;
        let word = numbers.index(among);
        text.push_str(WORDS[word % 8]);
        text.push_str(["", "s", "ed", "ing", "er"][word / 8]);
        text.push(' ');
    }
    text
}

fn main() {
    let text = text();
    // ANCHOR: measure
    let ((word, count), memory) = measure_memory(|| most_common(black_box(&text)));
    println!("most common: {word:?}, {count} times");
    println!("{memory}");
    // ANCHOR_END: measure
}
