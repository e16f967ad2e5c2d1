//! Before: one announcement, sent to a thousand members, and every letter gets its own copy.
//!
//! Run it with `cargo run --example ch05-before`.

use std::hint::black_box;

use seek_and_destroy::measure_memory;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The announcement: 114 bytes of ASCII text.
const BODY: &str = "The workshop moves to room 4.12 on Thursday. Bring a laptop \
                    with Rust installed; we start at nine and end at noon.";

// ANCHOR: letters
/// One letter: who it goes to, and what it says.
struct Letter {
    to: u32,
    body: String,
}

/// A letter with `body` for each member.
fn address(body: &str, members: &[u32]) -> Vec<Letter> {
    members
        .iter()
        .map(|&to| Letter {
            to,
            body: body.to_string(), // a deep copy: one new block per letter
        })
        .collect()
}
// ANCHOR_END: letters

fn main() {
    let members: Vec<u32> = (1..=1000).collect(); // built before measuring: not counted
    // ANCHOR: measure
    let (letters, memory) = measure_memory(|| address(black_box(BODY), black_box(&members)));
    let last = letters.last().expect("a thousand letters");
    println!(
        "letters: {}, body: {} bytes, the last one to member {}",
        letters.len(),
        last.body.len(),
        last.to
    );
    println!("{memory}");
    // ANCHOR_END: measure
}
